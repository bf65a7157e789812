"""Every example with a ``NAME.expected.txt`` beside it renders, and its text is that file.

The expected text is written as a reader should see the report (reviewed line
by line), not captured from the renderer. An example that deviates from the
official form on purpose says so with a ``# baocao: lenient`` line and loads in
lenient mode; all others load strictly, as a clerk authoring them would.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from baocao import load, render_bytes
from baocao.conformance import check_docx

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASES = sorted(p for p in EXAMPLES.glob("*.expected.txt"))


def _source(expected: Path) -> Path:
    return expected.with_name(expected.name.removesuffix(".expected.txt") + ".yaml")


def _lenient(source: Path) -> bool:
    return "# baocao: lenient" in source.read_text(encoding="utf-8")


@pytest.mark.parametrize("expected", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_example_text_matches_expected(expected: Path) -> None:
    """The .txt output equals the reviewed expected text, line for line."""
    source = _source(expected)
    report = load(source, lenient=_lenient(source))
    got = render_bytes(report, "txt").decode("utf-8")
    assert got.splitlines() == expected.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("expected", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_example_renders_to_docx_markdown_and_html(expected: Path) -> None:
    """The same example renders to a .docx that unzips, and to Markdown and HTML with its text."""
    source = _source(expected)
    report = load(source, lenient=_lenient(source))
    with zipfile.ZipFile(BytesIO(render_bytes(report, "docx"))) as z:
        assert "word/document.xml" in z.namelist()
    first_body_line = next(
        line for line in expected.read_text(encoding="utf-8").split("\n\n")[4:] if line.strip()
    )
    word = first_body_line.split()[-1]
    for fmt in ("md", "html"):
        assert word in render_bytes(report, fmt).decode("utf-8"), fmt


def test_there_are_examples_with_expected_text() -> None:
    """The set is not silently empty (a renamed folder would pass every case above)."""
    assert len(CASES) >= 5


def _official(expected: Path) -> bool:
    return "# baocao: not-official-form" not in _source(expected).read_text(encoding="utf-8")


OFFICIAL = [p for p in CASES if _official(p)]
DEVIATING = [p for p in CASES if not _official(p)]


def _failures(expected: Path) -> dict[str, object]:
    source = _source(expected)
    report = load(source, lenient=_lenient(source))
    pack = "dang" if report.header.family == "dang" else "nha-nuoc"
    result = check_docx(render_bytes(report, "docx"), pack)
    return {r.rule_id: r.measured for r in result.failures()}


@pytest.mark.parametrize("expected", OFFICIAL, ids=[p.name.split(".")[0] for p in OFFICIAL])
def test_official_form_example_passes_conformance(expected: Path) -> None:
    """Each example in the official form passes every rule of its family's profile."""
    assert _failures(expected) == {}


@pytest.mark.parametrize("expected", DEVIATING, ids=[p.name.split(".")[0] for p in DEVIATING])
def test_deviating_example_fails_only_for_what_it_leaves_out(expected: Path) -> None:
    """An example that leaves out parts on purpose (``# baocao: not-official-form``: no
    number line, no signer, no Nơi nhận) fails the rules of those parts, and no other."""
    failed = _failures(expected)
    assert any(rule.endswith(".present") for rule in failed), "it must be told it deviates"
    left_out = ("number", "recipients", "signer")
    assert all(any(part in rule for part in left_out) for rule in failed), failed
