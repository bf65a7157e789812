"""The top-half examples: header in every output, the lenient one's deviations, PDF.

Their text against ``NAME.expected.txt`` and conformance: tests/test_examples_expected.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import baocao
from baocao.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAMES = [
    "cong-van-dang-uy-xa",
    "cong-van-ubnd-phuong",
    "bao-cao-dai-hoi",
    "bao-cao-nam-hoc",
    "bao-cao-ban-chi-dao",
    "bao-cao-lech-the-thuc",
]
LENIENT = {"bao-cao-lech-the-thuc"}
"""Examples that deviate from the official form and load only with --lenient."""


def _load(name: str) -> baocao.Report:
    return baocao.load(EXAMPLES / f"{name}.yaml", lenient=name in LENIENT)


@pytest.mark.parametrize("name", NAMES)
def test_every_output_holds_the_header(name: str) -> None:
    """docx, Markdown and HTML carry the issuer block and the Số line of the layout."""
    report = _load(name)
    head = baocao.layout(report).header
    docx = baocao.render_bytes(report, "docx")
    assert docx[:2] == b"PK"
    for fmt in ("md", "html"):
        out = baocao.render_bytes(report, fmt).decode("utf-8")
        for line in head.issuer:
            assert line.text.split(",")[0] in out, (fmt, line.text)


@pytest.mark.parametrize("name", sorted(set(NAMES) - LENIENT))
def test_official_examples_validate_strictly(name: str) -> None:
    result = CliRunner().invoke(main, ["validate", str(EXAMPLES / f"{name}.yaml")])
    assert result.exit_code == 0, result.output


def test_the_deviating_example_needs_lenient_and_reports_its_deviations() -> None:
    """Strict refuses it with codes and lines; lenient holds it and lists the same codes."""
    path = EXAMPLES / "bao-cao-lech-the-thuc.yaml"
    with pytest.raises(baocao.LoadError) as raised:
        baocao.load(path)
    strict = {(p.code, p.path) for p in raised.value.problems}
    assert strict == {("BC901", "header.number"), ("BC904", "header.date.written")}
    assert all(p.line for p in raised.value.problems)
    report = baocao.load(path, lenient=True)
    held = {(d.code, d.loc) for d in baocao.deviations(report)}
    assert held == {
        ("BC901", ("header", "number")),
        ("BC902", ("header", "number")),
        ("BC904", ("header", "date", "written")),
        ("BC905", ("header", "issuer")),
    }
    checked = {d.code for d in baocao.check(report)}
    assert {"BC901", "BC902", "BC904", "BC905"} <= checked
    result = CliRunner().invoke(main, ["validate", "--lenient", str(path)])
    assert result.exit_code == 0, result.output


def test_the_written_form_reprints_what_the_office_typed() -> None:
    """``form="written"`` keeps the spaced number, the unpadded day and the five stars."""
    report = baocao.load(EXAMPLES / "bao-cao-lech-the-thuc.yaml", lenient=True)
    written = baocao.render_bytes(report, "txt", form="written").decode("utf-8")
    assert "Số : 07 /BC - CB" in written
    assert "Bàu Sen, ngày 5 tháng 12 năm 2025" in written
    assert "\n*****\n" in written
    official = baocao.render_bytes(report, "txt").decode("utf-8")
    assert "Số 07-BC/CB" in official and "ngày 05 tháng 12" in official


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_the_examples_convert_to_pdf(tmp_path: Path) -> None:
    """Each example's .docx opens in LibreOffice and becomes a PDF."""
    from baocao.engines.pdf import docx_to_pdf

    for name in NAMES:
        pdf = docx_to_pdf(baocao.render_bytes(_load(name), "docx"))
        assert pdf[:5] == b"%PDF-", name


def test_render_and_batch_take_lenient_and_form(tmp_path: Path) -> None:
    """``render --lenient --form written`` and ``batch --lenient`` on the deviating example."""
    src = EXAMPLES / "bao-cao-lech-the-thuc.yaml"
    out = tmp_path / "lech.txt"
    run = CliRunner().invoke
    refused = run(main, ["render", str(src), "-o", str(out)])
    assert refused.exit_code == 1 and "BC901" in refused.output and not out.exists()
    done = run(main, ["render", str(src), "-o", str(out), "--lenient", "--form", "written"])
    assert done.exit_code == 0, done.output
    assert "Số : 07 /BC - CB" in out.read_text(encoding="utf-8")
    batch = run(main, ["batch", str(src), "-o", str(tmp_path / "b"), "-f", "txt", "--lenient"])
    assert batch.exit_code == 0, batch.output
    assert "Số 07-BC/CB" in (tmp_path / "b" / "bao-cao-lech-the-thuc.txt").read_text("utf-8")
    check = run(main, ["check", "--lenient", "--format", "json", str(src)])
    assert {"BC901", "BC902", "BC904", "BC905"} <= {d["code"] for d in json.loads(check.output)}
