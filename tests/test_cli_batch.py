"""``baocao batch``: many inputs in parallel, failures isolated, PDFs in one LibreOffice run."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from baocao import load, rendering
from baocao.cli import main
from baocao.cli.batch import Outcome, expand_inputs
from baocao.engines.pdf import INSTALL_HINT

from .test_engines_pdf import fake_soffice, needs_posix, soffice_calls  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("english")  # these tests assert the English messages


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"
CLI = Path(__file__).parent / "fixtures" / "cli"


def run(*args: str | Path, env: dict[str, str | None] | None = None) -> Result:
    """Invoke ``baocao`` in-process with click's runner (stdout and stderr together).

    ``--verbose`` so the summary lists the inputs that went well too.
    """
    argv = [str(a) for a in args]
    if argv and argv[0] == "batch":
        argv.append("--verbose")
    return CliRunner().invoke(main, argv, env=env, catch_exceptions=False)


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder ``in/`` with two good reports and two broken ones; the cwd is its parent."""
    monkeypatch.chdir(tmp_path)
    folder = Path("in")
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.yaml")
    for name in ("valid.yaml", "tally-mismatch.yaml", "invalid-yaml.yaml"):
        shutil.copy(CLI / name, folder / name)
    return folder


def _row(output: str, name: str) -> str:
    """The summary-table line of input ``name``."""
    return next(line for line in output.splitlines() if name in line and "│" in line)


def test_one_bad_input_does_not_stop_the_rest(inputs: Path, tmp_path: Path) -> None:
    """Good inputs are rendered in every format, bad ones are reported, exit status 1."""
    out = tmp_path / "out"
    result = run("batch", inputs, "-o", out, "--format", "md,html,txt", "--jobs", "2")
    assert result.exit_code == 1, result.output
    made = sorted(p.name for p in out.iterdir())
    assert made == [f"{stem}.{ext}" for stem in ("seed", "valid") for ext in ("html", "md", "txt")]
    assert "rendered" in _row(result.output, "seed.yaml")
    assert "rendered" in _row(result.output, "valid.yaml")
    tally = _row(result.output, "tally-mismatch.yaml")
    assert "failed" in tally and "3 + 18 ≠ 20" in tally and "(line 23)" in tally
    assert "failed" in _row(result.output, "invalid-yaml.yaml")
    assert "2 rendered, 2 failed" in result.output


def test_outputs_match_single_renders(inputs: Path, tmp_path: Path) -> None:
    """Each batch output is byte for byte what ``render_bytes`` gives for that input."""
    out = tmp_path / "out"
    run("batch", inputs / "seed.yaml", inputs / "valid.yaml", "-o", out, "-f", "docx,md")
    for stem in ("seed", "valid"):
        report = load(inputs / f"{stem}.yaml")
        assert (out / f"{stem}.md").read_bytes() == rendering.render_bytes(report, "md")
        assert (out / f"{stem}.docx").read_bytes()[:2] == b"PK"


def test_all_good_exits_zero_and_summary_has_times(inputs: Path, tmp_path: Path) -> None:
    """Only good inputs: exit 0, and each row shows a time in seconds."""
    result = run(
        "batch", inputs / "seed.yaml", inputs / "valid.yaml", "-o", tmp_path / "o", "-f", "txt"
    )
    assert result.exit_code == 0, result.output
    assert "File" in result.output and "Time" in result.output
    for name in ("seed.yaml", "valid.yaml"):
        assert _row(result.output, name).rstrip(" │").endswith(" s")


def test_glob_and_missing_inputs(inputs: Path, tmp_path: Path) -> None:
    """A glob picks matching files; a path that matches nothing is a failed row, not a stop."""
    result = run("batch", f"{inputs}/s*.yaml", "nope.yaml", "-o", tmp_path / "o", "-f", "txt")
    assert result.exit_code == 1
    assert (tmp_path / "o" / "seed.txt").exists()
    assert "no report files found" in _row(result.output, "nope.yaml")
    assert "1 rendered, 1 failed" in result.output


def test_existing_outputs_are_kept_without_force(inputs: Path, tmp_path: Path) -> None:
    """An output that exists makes its input fail unless --force; with --force it is replaced."""
    out = Path("o")  # relative to the cwd set by ``inputs``: short names in the table
    out.mkdir()
    (out / "valid.txt").write_text("cũ", encoding="utf-8")
    result = run("batch", inputs / "valid.yaml", inputs / "seed.yaml", "-o", out, "-f", "txt")
    assert result.exit_code == 1
    assert "already exists" in _row(result.output, "valid.yaml")
    assert (out / "valid.txt").read_text(encoding="utf-8") == "cũ"
    assert (out / "seed.txt").exists()
    again = run("batch", inputs / "valid.yaml", "-o", out, "-f", "txt", "--force")
    assert again.exit_code == 0
    assert (out / "valid.txt").read_text(encoding="utf-8") != "cũ"


def test_same_name_in_two_folders(tmp_path: Path) -> None:
    """Two inputs that would write the same output name: the second is failed, not overwritten."""
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()  # absolute paths: long names must not break the table
        shutil.copy(CLI / "valid.yaml", tmp_path / sub / "x.yaml")
    result = run("batch", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "o", "-f", "txt")
    assert result.exit_code == 1
    assert "same output name" in result.output
    assert [p.name for p in (tmp_path / "o").iterdir()] == ["x.txt"]


def test_unexpected_error_in_one_input_is_contained(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash while rendering one input (a bug) fails that input only."""
    real = rendering.OUTPUT_FORMATS["txt"]

    def flaky(report: object, template: object, draft: bool, form: str) -> bytes:
        if "Trương Xuân Việt" in str(report):
            raise RuntimeError("boom")
        return real(report, template, draft, form)  # type: ignore[arg-type]

    monkeypatch.setitem(rendering.OUTPUT_FORMATS, "txt", flaky)
    result = run(
        "batch",
        inputs / "seed.yaml",
        inputs / "valid.yaml",
        "-o",
        tmp_path / "o",
        "-f",
        "txt",
        "-j",
        "1",
    )
    assert result.exit_code == 1
    assert "RuntimeError: boom" in _row(result.output, "seed.yaml")
    assert "rendered" in _row(result.output, "valid.yaml")


def test_reason_is_one_line_with_a_count_of_the_rest() -> None:
    """The table's reason is the first problem and how many more; the file is not repeated."""
    many = Outcome(Path("x.yaml"), error="x.yaml: 3 lỗi\n  a (dòng 1): m\n  b: n\n  c: o")
    assert many.reason == "a (dòng 1): m (+2 more)"
    one = Outcome(Path("x.yaml"), error="x.yaml: PDF: timed out")
    assert one.reason == "PDF: timed out"
    assert Outcome(Path("x.yaml")).reason == ""


def test_expand_inputs_folder_order_and_repeats(inputs: Path) -> None:
    """A folder gives its report files sorted; naming a file twice renders it once."""
    (inputs / "notes.txt").write_text("x", encoding="utf-8")
    files, missing = expand_inputs([str(inputs), str(inputs / "seed.yaml")])
    assert [f.name for f in files] == [
        "invalid-yaml.yaml",
        "seed.yaml",
        "tally-mismatch.yaml",
        "valid.yaml",
    ]
    assert missing == []


def test_unknown_format_is_refused(inputs: Path, tmp_path: Path) -> None:
    """A format outside docx, pdf, md, html, txt stops the batch before any work."""
    result = run("batch", inputs, "-o", tmp_path / "o", "-f", "docx,odt")
    assert result.exit_code == 1
    assert "unknown output format" in result.output and "'odt'" in result.output
    assert not (tmp_path / "o").exists()


@needs_posix
def test_pdfs_come_from_one_soffice_call(
    fake_soffice: Path,  # noqa: F811
    inputs: Path,
    tmp_path: Path,
) -> None:
    """All PDFs of a batch are converted in a single LibreOffice invocation."""
    for i in range(3):
        shutil.copy(CLI / "valid.yaml", inputs / f"extra-{i}.yaml")
    out = tmp_path / "o"
    result = run("batch", inputs, "-o", out, "-f", "docx,pdf", "--soffice", fake_soffice, "-j", "2")
    assert result.exit_code == 1  # the two broken inputs
    calls = soffice_calls(fake_soffice)
    assert len(calls) == 1
    converted = sorted(Path(a).name for a in calls[0] if a.endswith(".docx"))
    assert converted == ["extra-0.docx", "extra-1.docx", "extra-2.docx", "seed.docx", "valid.docx"]
    for stem in ("extra-0", "extra-1", "extra-2", "seed", "valid"):
        assert (out / f"{stem}.pdf").read_bytes() == b"%PDF-1.4 fake of PK\x03\x04"
        assert (out / f"{stem}.docx").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert "PDF: 5 file(s) in one LibreOffice run" in result.output


@needs_posix
def test_pdf_failure_of_one_input(
    fake_soffice: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An input LibreOffice cannot convert is a failed row; the others get their PDF."""
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "skip-bad")
    monkeypatch.chdir(tmp_path)
    folder = Path("in")
    folder.mkdir()
    shutil.copy(CLI / "valid.yaml", folder / "good.yaml")
    shutil.copy(CLI / "valid.yaml", folder / "bad.yaml")
    result = run("batch", folder, "-o", tmp_path / "o", "-f", "pdf", "--soffice", fake_soffice)
    assert result.exit_code == 1
    assert "PDF: LibreOffice produced no PDF" in _row(result.output, "bad.yaml")
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["good.pdf"]


@pytest.mark.usefixtures("no_installed_soffice")
def test_pdf_without_libreoffice_stops_before_work(inputs: Path, tmp_path: Path) -> None:
    """No soffice: exit 1 with the install command, nothing rendered."""
    env = {"PATH": str(tmp_path), "BAOCAO_SOFFICE": None}
    result = run("batch", inputs, "-o", tmp_path / "o", "-f", "docx,pdf", env=env)
    assert result.exit_code == 1
    assert INSTALL_HINT in result.output
    assert not (tmp_path / "o").exists()


def test_real_libreoffice_batch(inputs: Path, tmp_path: Path) -> None:
    """With LibreOffice installed, a docx,pdf batch makes real PDFs (one soffice call)."""
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) and pdftotext needed; CI installs them")
    out = tmp_path / "o"
    result = run("batch", inputs / "seed.yaml", inputs / "valid.yaml", "-o", out, "-f", "docx,pdf")
    assert result.exit_code == 0, result.output
    for stem, text in (("seed", "Trương Xuân Việt"), ("valid", "Nguyễn Văn An")):
        pdf = out / f"{stem}.pdf"
        got = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert text in got


def test_summary_lists_only_failures_unless_verbose(inputs: Path, tmp_path: Path) -> None:
    """Failures first; a good input has no row without --verbose; --quiet prints no table."""
    argv = ["batch", str(inputs), "-o", str(tmp_path / "o"), "-f", "txt"]
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 1
    rows = [line for line in result.output.splitlines() if "│" in line and "yaml" in line]
    assert rows and all("failed" in r or "│  " in r for r in rows)
    assert not any("seed.yaml" in r for r in rows)
    quiet = CliRunner().invoke(main, [*argv, "--quiet", "--force"])
    assert quiet.exit_code == 1 and "│" not in quiet.output


def test_skip_existing_resumes_a_run(inputs: Path, tmp_path: Path) -> None:
    """A second run with --skip-existing renders nothing again and is not a failure."""
    out = tmp_path / "o"
    good = [str(inputs / "seed.yaml"), str(inputs / "valid.yaml")]
    first = CliRunner().invoke(main, ["batch", *good, "-o", str(out), "-f", "txt"])
    assert first.exit_code == 0
    stamp = (out / "seed.txt").stat().st_mtime_ns
    again = CliRunner().invoke(
        main, ["batch", *good, "-o", str(out), "-f", "txt", "--skip-existing", "--json"]
    )
    assert again.exit_code == 0, again.output
    doc = json.loads(again.stdout)
    assert doc["command"] == "batch" and doc["ok"] is True
    assert all(f["skipped"] for f in doc["files"])
    assert (out / "seed.txt").stat().st_mtime_ns == stamp


def test_batch_json_lists_failures_with_diagnostics(inputs: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["batch", str(inputs), "-o", str(tmp_path / "o"), "-f", "txt", "--json"]
    )
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["summary"]["files"] == 4 and doc["summary"]["failed"] == 2
    bad = [f for f in doc["files"] if not f["ok"]]
    assert all(f["diagnostics"] and f["error"]["code"] == "render_failed" for f in bad)
    good = [f for f in doc["files"] if f["ok"]]
    assert all(f["outputs"] and f["outputs"][0].endswith(".txt") for f in good)
