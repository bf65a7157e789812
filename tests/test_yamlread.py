"""The report reader's one-walk check and line map give what the two-pass way gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import baocao
from baocao.limits import use_limits
from baocao.yamlread import ReportLoader, YamlLimitError, _lines, check_tree, checked_lines

ROOT = Path(__file__).resolve().parent.parent


def _node(text: str) -> yaml.Node:
    loader = ReportLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    assert node is not None
    return node


SAMPLES = [
    (ROOT / "examples" / "bao-cao-quy-dinh-02.yaml").read_text(encoding="utf-8"),
    (ROOT / "examples" / "bao-cao-ubnd-xa.yaml").read_text(encoding="utf-8"),
    "a: &x {b: 1, c: [1, 2]}\nd: *x\ne:\n  - *x\n  - f: 2\n",  # aliases: the full check
    "- 1\n- [2, [3, {g: h}]]\n",
]


@pytest.mark.parametrize("text", SAMPLES, ids=["party", "state", "aliases", "lists"])
def test_one_walk_lines_are_the_two_pass_lines(text: str) -> None:
    node = _node(text)
    check_tree(node)
    assert checked_lines(node) == _lines(node)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a: 1\nb: 2\na: 3\n", "hai lần"),
        ("x: &x [1, 2]\ny: *x\ny: 3\n", "hai lần"),
        ("a: " + "[" * 120 + "]" * 120 + "\n", "lồng sâu"),
    ],
)
def test_one_walk_refuses_what_check_tree_refuses(text: str, words: str) -> None:
    node = _node(text)
    with pytest.raises(YamlLimitError) as two_pass:
        check_tree(node)
    with pytest.raises(YamlLimitError) as one_walk:
        checked_lines(node)
    assert words in str(one_walk.value.problem)
    assert one_walk.value.problem == two_pass.value.problem


def test_node_count_limit_holds_without_aliases() -> None:
    node = _node("[" + ", ".join(str(i) for i in range(50)) + "]\n")
    with use_limits(yaml_nodes=40), pytest.raises(YamlLimitError, match="hơn 40"):
        checked_lines(node)
    with use_limits(yaml_nodes=60):
        assert checked_lines(node)[(49,)] == 1


BUILD_SAMPLES = [
    *SAMPLES,
    "a: 1\nb: 1.5\nc: true\nd: ~\ne: ''\nf: '007'\ng: 0x1F\nh: 1_000\n1: int key\ntrue: bool key\n",
    "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n",  # merge key: PyYAML builds it
    "s: !!set {a, b}\nbin: !!binary aGVsbG8=\n",
    "ngày: 2025-02-30\nthời gian: 12:30\ntext: |\n  dòng một\n  dòng hai\n",
    "- - - deep\n    - [1, {k: v}]\n",
]


@pytest.mark.parametrize("text", BUILD_SAMPLES)
def test_the_one_walk_builds_what_pyyaml_builds(text: str) -> None:
    from baocao.yamlread import read_document

    def through(build: str) -> tuple[object, object]:
        loader = ReportLoader(text)
        try:
            node = loader.get_single_node()
            if build == "pyyaml":
                check_tree(node)
                lines = checked_lines(node)  # before: merging rewrites the node's pairs
                return loader.construct_document(node), lines
            return read_document(loader, node)
        finally:
            loader.dispose()

    data, lines = through("one walk")
    expected_data, expected_lines = through("pyyaml")
    assert data == expected_data
    assert list(data) == list(expected_data) if isinstance(data, dict) else True  # key order
    assert lines == expected_lines


def test_an_unknown_tag_is_pyyamls_error() -> None:
    from baocao.yamlread import read_document

    loader = ReportLoader("a: !python/object:os.system x\n")
    try:
        with pytest.raises(yaml.constructor.ConstructorError):
            read_document(loader, loader.get_single_node())
    finally:
        loader.dispose()


def test_a_key_that_is_a_list_is_refused_with_its_line() -> None:
    from baocao.loading import loads

    with pytest.raises(baocao.LoadError) as caught:
        loads("a: 1\n? [x, y]\n: b\n")
    assert caught.value.problems[0].line == 2
    assert "khóa YAML" in caught.value.problems[0].message
