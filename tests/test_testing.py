"""baocao.testing: the helpers template authors call in their own tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.packs import get_pack
from baocao.testing import (
    assert_pack_clean,
    assert_pack_renders,
    check_pack,
    example_path,
    sample_contexts,
    sample_reports,
    seed_report,
)
from tests.fixtures.packs.builder import p, standalone_pack

ROOT = Path(__file__).resolve().parent.parent


def test_seed_is_the_repository_example() -> None:
    """seed_report() reads the seed example, shipped in the package or from examples/."""
    assert example_path().read_text(encoding="utf-8") == (
        ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"
    ).read_text(encoding="utf-8")
    assert seed_report().header.issuer.name == "BAN TỔ CHỨC"


def test_samples_follow_the_pack_family_and_kinds() -> None:
    """A pack gets the samples of its family and kinds; the seed comes first for dang."""
    dang = sample_reports(get_pack("dang"))
    assert dang[0] == seed_report()
    assert {r.header.family for r in dang} == {"dang"}
    state = sample_reports(get_pack("nha-nuoc"))
    assert state and {r.header.family for r in state} == {"nha_nuoc"}


def test_sample_contexts_cover_tables_signers_and_recipients() -> None:
    """Between them, the samples fill every optional block of the context."""
    contexts = [c for cs in sample_contexts(get_pack("dang")).values() for c in cs]
    assert any(line["table"] for c in contexts for line in c["body"])
    assert any(c["signer"] and c["signer"]["authority"] for c in contexts)
    assert all(c["recipients"] for c in contexts)


def test_assert_pack_renders_returns_the_text(tmp_path: Path) -> None:
    """The rendered document's paragraphs are returned for the author's assertions."""
    doc = assert_pack_renders(standalone_pack(tmp_path / "pk"))
    assert doc.data[:2] == b"PK" and "BAN TỔ CHỨC" in doc.paragraphs


def test_assert_pack_renders_fails_naming_the_problem(tmp_path: Path) -> None:
    """A pack that does not render fails the assertion with the variable's name."""
    with pytest.raises(AssertionError, match="'so_hieu' is undefined"):
        assert_pack_renders(standalone_pack(tmp_path / "pk", p("{{ so_hieu }}")))


def test_assert_pack_renders_catches_a_tag_printed_as_typed(tmp_path: Path) -> None:
    """A template tag that reaches the document unrendered fails the assertion."""
    folder = standalone_pack(tmp_path / "pk", p("{% raw %}{{ header.symbol }}{% endraw %}"))
    with pytest.raises(AssertionError, match="prints tags as typed"):
        assert_pack_renders(folder)


def test_assert_pack_clean_lists_every_error(tmp_path: Path) -> None:
    """All errors of the full check are in the assertion message."""
    folder = standalone_pack(tmp_path / "pk", p("{{ header.symbl }}") + p("{{ open('x') }}"))
    with pytest.raises(AssertionError, match=r"2 template error\(s\)") as err:
        assert_pack_clean(folder)
    assert "header.symbl" in str(err.value) and "sandbox" in str(err.value)


def test_full_check_reports_a_render_failure_the_static_check_cannot_see(tmp_path: Path) -> None:
    """A filter given text it cannot format passes the static check and fails the sample render."""
    issues = check_pack(standalone_pack(tmp_path / "pk", p("{{ header.symbol|so }}")))
    render = [i for i in issues if i.code == "render"]
    assert render and "filter 'so'" in render[0].message


def test_full_check_measures_a_sample_with_the_conformance_checker(tmp_path: Path) -> None:
    """A Party-family pack without the Party layout fails named rules; dang passes them all."""
    issues = check_pack(standalone_pack(tmp_path / "pk"))
    rules = [i.message.split(":")[0] for i in issues if i.code == "conformance"]
    assert {"motto.present", "star.present", "page_number.field"} <= set(rules)
    assert all("measured" in i.message for i in issues if i.code == "conformance")
    dang = check_pack(get_pack("dang"))
    assert [i for i in dang if i.severity == "error"] == []
    assert "conformance-skipped" not in [i.code for i in dang]


def test_full_check_skips_conformance_for_other_families(tmp_path: Path) -> None:
    """A pack of family 'khac' has no official format to measure: a note says so."""
    folder = standalone_pack(tmp_path / "pk")
    manifest = folder / "baocao-template.yml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("family: dang", "family: khac"),
        encoding="utf-8",
    )
    issues = check_pack(folder)
    assert [i.code for i in issues] == ["conformance-skipped"]


def test_full_check_without_a_sample_of_the_family_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No Party `document` sample at hand: nothing renders, and a note asks for -r."""
    from baocao import testing

    starters = [r for r in testing._starters() if (r.kind, r.header.family) != ("document", "dang")]
    monkeypatch.setattr(testing, "_starters", lambda: starters)
    folder = standalone_pack(tmp_path / "pk")
    manifest = folder / "baocao-template.yml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + "kinds: [document]\n", encoding="utf-8"
    )
    issues = check_pack(folder)
    assert [i.code for i in issues] == ["conformance-skipped"]
    assert "-r REPORT" in issues[0].message
