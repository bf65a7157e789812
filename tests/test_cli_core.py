"""``baocao validate``, ``render`` and ``schema`` through click's runner, good and broken."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from baocao import OutputError, TemplateRenderError, load, rendering
from baocao.cli import main
from baocao.engines.pdf import INSTALL_HINT
from baocao.engines.text import render_text

from .test_engines_pdf import fake_soffice, needs_posix  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"
CLI = Path(__file__).parent / "fixtures" / "cli"


def run(*args: str | Path, env: dict[str, str | None] | None = None) -> Result:
    """Invoke ``baocao`` in-process with click's runner (stdout and stderr together)."""
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


def line_of(path: Path, text: str) -> int:
    """1-based line of the first line of ``path`` containing ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_validate_valid_files() -> None:
    """Valid files are each reported valid, with exit status 0."""
    result = run("validate", SEED, CLI / "valid.yaml")
    assert result.exit_code == 0, result.output
    assert f"{SEED}: hợp lệ" in result.output
    assert "2/2 tệp hợp lệ" in result.output


def test_validate_tally_that_does_not_add_up() -> None:
    """The tally error names the terms, its field path and the YAML line of the tally."""
    f = CLI / "tally-mismatch.yaml"
    result = run("validate", f)
    assert result.exit_code == 1
    line = line_of(f, "type: tally")
    where = f"results.sections[0].blocks[0].spans[1] (dòng {line})"
    assert f"{where}: BC906 3 + 18 ≠ 20" in result.output


def test_validate_lists_every_problem_at_once() -> None:
    """Two misspelt fields give four problems (unknown and missing), all listed with lines."""
    f = CLI / "wrong-field.yaml"
    result = run("validate", f)
    assert result.exit_code == 1
    out = result.output
    assert f"{f}: dữ liệu báo cáo có 4 lỗi" in out
    assert f"header.plac (dòng {line_of(f, 'plac:')}): trường không có trong mẫu" in out
    assert f"signer.nmae (dòng {line_of(f, 'nmae:')}): trường không có trong mẫu" in out
    assert "header.place" in out and "signer.name" in out
    assert "thiếu trường bắt buộc" in out


def test_validate_bad_citation() -> None:
    """A citation with an impossible date is reported at its list item and line."""
    f = CLI / "bad-citation.yaml"
    result = run("validate", f)
    assert result.exit_code == 1
    line = line_of(f, '- "Nghị quyết số 12-NQ/ĐU, ngày 35')
    assert f"preamble.citations[0] (dòng {line})" in result.output
    assert "không có ngày" in result.output


def test_validate_invalid_yaml() -> None:
    """Broken YAML is reported with the line where the parser stopped, not a traceback."""
    result = run("validate", CLI / "invalid-yaml.yaml")
    assert result.exit_code == 1
    assert "YAML" in result.output
    opened = line_of(CLI / "invalid-yaml.yaml", "[Minh Sơn")
    # the parser notices the unclosed "[" on its line or the next one
    assert f"(dòng {opened})" in result.output or f"(dòng {opened + 1})" in result.output
    assert "Traceback" not in result.output


def test_validate_many_files_reports_each() -> None:
    """A mix of good and bad files: every file is reported and the exit status is 1."""
    bad = sorted(p for p in CLI.glob("*.yaml") if p.name != "valid.yaml")
    result = run("validate", CLI / "valid.yaml", *bad)
    assert result.exit_code == 1
    for p in bad:
        assert str(p) in result.output
    assert f"1/{len(bad) + 1} tệp hợp lệ" in result.output


def test_validate_missing_file() -> None:
    """A file that does not exist is a clear error, exit status 1."""
    result = run("validate", CLI / "no-such-file.yaml")
    assert result.exit_code == 1
    assert "không mở được tệp" in result.output


def test_validate_json_output() -> None:
    """--json prints one machine-readable record per file, problems with path and line."""
    f = CLI / "tally-mismatch.yaml"
    result = run("validate", "--json", CLI / "valid.yaml", f)
    assert result.exit_code == 1
    records = json.loads(result.output)["files"]
    assert [r["ok"] for r in records] == [True, False]
    assert records[1]["diagnostics"] == [
        {
            "code": "BC906",
            "severity": "error",
            "message": "3 + 18 ≠ 20",
            "loc": ["results", "sections", 0, "blocks", 0, "spans", 1],
            "path": "results.sections[0].blocks[0].spans[1]",
            "line": line_of(f, "type: tally"),
            "suggestion": None,
            "text": None,
        }
    ]


@pytest.mark.parametrize("suffix", ["md", "html", "txt"])
def test_render_text_formats(tmp_path: Path, suffix: str) -> None:
    """The output suffix picks the format; the file holds that format's rendering."""
    out = tmp_path / f"bao-cao.{suffix}"
    result = run("render", SEED, "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    expected = rendering.render_bytes(load(SEED), suffix).decode("utf-8")
    assert text == expected
    assert "Trương Xuân Việt" in text


def test_render_docx(tmp_path: Path) -> None:
    """A .docx output is a Word package holding the report's text."""
    out = tmp_path / "bao-cao.docx"
    result = run("render", SEED, "-o", out)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "Trương Xuân Việt" in xml and "BAN TỔ CHỨC" in xml


def test_render_refuses_to_clobber(tmp_path: Path) -> None:
    """An existing output is kept unless --force is given; with --force it is replaced."""
    out = tmp_path / "bao-cao.txt"
    out.write_text("cũ", encoding="utf-8")
    result = run("render", SEED, "-o", out)
    assert result.exit_code == 1
    assert "đã có" in result.output and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "cũ"
    assert run("render", SEED, "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8") == render_text(load(SEED))


def test_render_broken_input_writes_nothing(tmp_path: Path) -> None:
    """A report that fails validation leaves no file behind, temporary or final."""
    result = run("render", CLI / "tally-mismatch.yaml", "-o", tmp_path / "x.docx")
    assert result.exit_code == 1
    assert "3 + 18 ≠ 20" in result.output
    assert list(tmp_path.iterdir()) == []


def test_failing_render_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A template failure during --force leaves the existing file intact and no temp file."""

    def broken(*_: object) -> bytes:
        raise TemplateRenderError("dang: undefined variable: 'x'")

    monkeypatch.setitem(rendering.OUTPUT_FORMATS, "md", broken)
    out = tmp_path / "bao-cao.md"
    out.write_text("cũ", encoding="utf-8")
    result = run("render", SEED, "-o", out, "--force")
    assert result.exit_code == 1
    assert "lỗi: dang: undefined variable" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.md"]
    assert out.read_text(encoding="utf-8") == "cũ"


def test_unexpected_error_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug inside baocao shows as one message (BAOCAO_DEBUG=1 for the traceback)."""

    def buggy(*_: object) -> bytes:
        raise RuntimeError("boom")

    monkeypatch.setitem(rendering.OUTPUT_FORMATS, "md", buggy)
    result = run("render", SEED, "-o", tmp_path / "x.md", env={"BAOCAO_DEBUG": None})
    assert result.exit_code == 1
    assert "lỗi nội bộ: RuntimeError: boom" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_render_unknown_suffix(tmp_path: Path) -> None:
    """An unknown suffix is refused with the list of known ones, before any work."""
    result = run("render", SEED, "-o", tmp_path / "x.odt")
    assert result.exit_code == 1
    assert "không biết định dạng" in result.output and ".docx" in result.output


def test_render_to_stdout() -> None:
    """``-o - --format md`` writes the Markdown to stdout; ``-o -`` alone is a usage error."""
    result = run("render", SEED, "-o", "-", "--format", "md")
    assert result.exit_code == 0
    assert result.output.startswith("HUYỆN ỦY MINH SƠN")
    assert "# BÁO CÁO" in result.output
    assert run("render", SEED, "-o", "-").exit_code == 2


@needs_posix
def test_render_pdf_goes_through_soffice(fake_soffice: Path, tmp_path: Path) -> None:  # noqa: F811
    """A .pdf output is the rendered .docx converted by the soffice named by --soffice or env."""
    out = tmp_path / "bao-cao.pdf"
    assert run("render", SEED, "-o", out, "--soffice", fake_soffice).exit_code == 0
    assert out.read_bytes() == b"%PDF-1.4 fake of PK\x03\x04"
    env = {"BAOCAO_SOFFICE": str(fake_soffice)}
    assert run("render", SEED, "-o", out, "--force", env=env).exit_code == 0


@needs_posix
def test_failed_pdf_conversion_keeps_the_old_file(
    fake_soffice: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When LibreOffice fails, the existing PDF stays and nothing else is left."""
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "fail")
    out = tmp_path / "out" / "bao-cao.pdf"
    out.parent.mkdir()
    out.write_bytes(b"old")
    result = run("render", SEED, "-o", out, "--force", "--soffice", fake_soffice)
    assert result.exit_code == 1
    assert "PDF conversion failed" in result.output
    assert [p.name for p in out.parent.iterdir()] == ["bao-cao.pdf"]
    assert out.read_bytes() == b"old"


@pytest.mark.usefixtures("no_installed_soffice")
def test_render_pdf_without_libreoffice(tmp_path: Path) -> None:
    """No soffice anywhere: exit 1 with the install command, and no file written."""
    env = {"PATH": str(tmp_path), "BAOCAO_SOFFICE": None}
    result = run("render", SEED, "-o", tmp_path / "x.pdf", env=env)
    assert result.exit_code == 1
    assert INSTALL_HINT in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_render_real_pdf(tmp_path: Path) -> None:
    """With LibreOffice installed, render -o x.pdf makes a PDF with the report's text."""
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) and pdftotext needed; CI installs them")
    out = tmp_path / "bao-cao.pdf"
    result = run("render", SEED, "-o", out)
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Trương Xuân Việt" in text


def test_schema_all_kinds() -> None:
    """``schema`` prints a JSON Schema covering every report kind."""
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "bao_cao_thuc_hien" in result.output and "document" in result.output


def test_schema_one_kind() -> None:
    """``schema --kind`` prints that kind's schema; an unknown kind is a usage error."""
    result = run("schema", "--kind", "bao_cao_thuc_hien")
    schema = json.loads(result.output)
    assert {"header", "period_year", "preamble"} <= set(schema["required"])
    bad = run("schema", "--kind", "khong_co")
    assert bad.exit_code == 2 and "bao_cao_thuc_hien" in bad.output


def test_output_error_is_the_baocao_error() -> None:
    """The refusal to clobber is the library's OutputError, shared with the Python API."""
    from baocao.cli.core import refuse_clobber

    with pytest.raises(OutputError):
        refuse_clobber(SEED, force=False)
    refuse_clobber(SEED, force=True)
