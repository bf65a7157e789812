"""The report reader's one-walk check and line map give what the two-pass way gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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
