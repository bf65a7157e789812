"""CLI conventions: '-' is stdin, render tells what check would, --strict, --json, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from baocao.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"  # kept with its real defects
CLEAN = ROOT / "examples" / "bao-cao-ubnd-xa.yaml"
BAD = Path(__file__).parent / "data" / "tuq-party.yaml"


def test_dash_reads_the_report_from_stdin() -> None:
    runner = CliRunner()
    good = runner.invoke(main, ["validate", "-"], input=CLEAN.read_bytes())
    assert good.exit_code == 0 and "-: hợp lệ" in good.output
    bad = runner.invoke(main, ["validate", "-"], input=BAD.read_bytes())
    assert bad.exit_code == 1 and "<stdin>" in bad.output and "signer.authority" in bad.output


def test_render_tells_what_check_would(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(SEED), "-o", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    check = CliRunner().invoke(main, ["check", "--json", str(SEED)])
    summary = json.loads(check.stdout)["summary"]
    line = f"{summary['errors']} lỗi, {summary['warnings']} cảnh báo — chạy `baocao check"
    assert summary["errors"] > 0 and line in result.output


def test_a_clean_report_renders_without_the_findings_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(CLEAN), "-o", str(tmp_path / "a.txt")])
    assert result.exit_code == 0 and "baocao check" not in result.output


def test_strict_writes_nothing_when_check_finds_errors(tmp_path: Path) -> None:
    out = tmp_path / "a.docx"
    result = CliRunner().invoke(main, ["render", str(SEED), "-o", str(out), "--strict"])
    assert result.exit_code == 1 and not out.exists()
    assert "BC601" in result.output
    clean = CliRunner().invoke(main, ["render", str(CLEAN), "-o", str(out), "--strict"])
    assert clean.exit_code == 0 and out.exists()


def test_check_json_has_the_shared_shape() -> None:
    result = CliRunner().invoke(main, ["check", "--json", str(SEED), str(BAD)])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["command"] == "check" and [f["ok"] for f in doc["files"]] == [False, False]
    seed, bad = doc["files"]
    assert seed["error"] is None and all(
        set(d) == {"code", "severity", "message", "loc", "path", "line", "suggestion", "text"}
        for d in seed["diagnostics"]
    )
    assert all(d["text"] for d in seed["diagnostics"])  # the exact words of each finding
    assert bad["error"]["code"] == "invalid_input"


def test_usage_error_exits_two() -> None:
    assert CliRunner().invoke(main, ["render", str(SEED)]).exit_code == 2
    assert CliRunner().invoke(main, ["no-such-command"]).exit_code == 2


def test_conformance_json_has_the_shared_shape(tmp_path: Path) -> None:
    out = tmp_path / "ubnd.docx"
    assert CliRunner().invoke(main, ["render", str(CLEAN), "-o", str(out)]).exit_code == 0
    result = CliRunner().invoke(main, ["conformance", str(out), "--json"])
    doc = json.loads(result.stdout)
    assert doc["command"] == "conformance" and doc["files"][0]["file"] == str(out)
    assert result.exit_code == (0 if doc["ok"] else 1)
    assert all(d["severity"] == "error" for d in doc["files"][0]["diagnostics"])


def test_format_means_the_output_format_only() -> None:
    """-f/--format names an output document format wherever it is visible."""
    for command in ("render", "batch"):
        help_text = CliRunner().invoke(main, ["--lang", "en", command, "--help"]).output
        assert "-f, --format" in help_text
    for command in ("check", "conformance", "validate"):
        help_text = CliRunner().invoke(main, ["--lang", "en", command, "--help"]).output
        assert "--format" not in help_text and "--json" in help_text


def test_stdin_that_is_not_utf8_is_a_clear_error() -> None:
    result = CliRunner().invoke(
        main, ["validate", "-"], input="kind: document\nx: Vi\xe9t\n".encode("cp1252")
    )
    assert result.exit_code == 1 and "UTF-8" in result.output and "<stdin>" in result.output
