"""``baocao check``: plain lines or JSON, exit status, switches (baocao.cli.check)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from baocao.cli import main

from .fixtures.checker.factory import FIXED, SEED
from .test_checker_seed import SEED_DEFECTS


def run(*args: str | Path) -> Result:
    """Invoke ``baocao`` in-process; stdout and stderr kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_the_seed_fails_with_one_line_per_defect() -> None:
    """Exit 1 (the seed has errors); each line starts FILE:LINE: CODE severity."""
    result = run("check", SEED)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(SEED_DEFECTS)
    for line, (code, path, number) in zip(lines, SEED_DEFECTS, strict=True):
        assert line.startswith(f"{SEED}:{number}: {code} ")
        assert f"({path})" in line
    assert "lỗi" in result.stderr and "cảnh báo" in result.stderr


def test_the_corrected_copy_passes() -> None:
    """Exit 0 and no diagnostic lines."""
    result = run("check", FIXED)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "không có lỗi" in result.stderr


def test_json_output_is_a_list_of_objects() -> None:
    """``--format json``: one object per diagnostic, file and line included, text in UTF-8."""
    result = run("check", SEED, FIXED, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(d["code"], d["path"], d["line"]) for d in data] == SEED_DEFECTS
    assert {d["file"] for d in data} == {str(SEED)}
    assert set(data[0]) == {
        *("file", "code", "severity", "path", "message", "suggestion", "line", "text")
    }
    assert data[0]["text"].startswith("Quy định số 02-QĐ/HU, ngày 24/9/2018")
    assert "Quy định số 02-QĐ/HU" in result.stdout


def test_disable_switches_rules_off_and_only_warnings_pass() -> None:
    """Without the error rules only warnings and hints remain, so the exit status is 0."""
    result = run("check", SEED, "--disable", "BC101,BC601", "--disable", "BC202")
    assert result.exit_code == 0
    codes = {line.split(": ")[1].split()[0] for line in result.stdout.splitlines()}
    assert codes == {"BC501", "BC701"}


def test_unknown_codes_and_profiles_are_usage_errors() -> None:
    """A code or profile that does not exist exits 2 and names it."""
    result = run("check", SEED, "--disable", "BC999")
    assert result.exit_code == 2 and "BC999" in result.output
    result = run("check", SEED, "--profile", "dang-hd99")
    assert result.exit_code == 2 and "dang-hd99" in result.output


def test_profile_changes_the_party_regulation_code() -> None:
    """Under dang-hd05 QĐ is the Party code of a Quy định: every QĐi mention warns, and the
    six 02-QĐi/HU mentions become the inconsistent ones."""
    result = run("check", SEED, "--profile", "dang-hd05", "--format", "json")
    data = json.loads(result.stdout)
    warned = [d["path"] for d in data if d["code"] == "BC202"]
    assert len(warned) == 6 + 1 + 2  # 02-QĐi/HU ×6, 03-QĐi/HU ×1, 14-QĐi/TU ×2
    assert "header.subject" not in warned
    inconsistent = [d for d in data if d["code"] == "BC101"]
    assert len(inconsistent) == 6
    assert {d["suggestion"] for d in inconsistent} == {"ghi thống nhất: Quy định số 02-QĐ/HU"}


def test_a_file_that_does_not_load_fails_cleanly(tmp_path: Path) -> None:
    """A broken file is reported on stderr with exit 1; the other files are still checked."""
    broken = tmp_path / "hong.yaml"
    broken.write_text("kind: bao_cao_thuc_hien\nheader: [\n", encoding="utf-8")
    result = run("check", broken, FIXED)
    assert result.exit_code == 1
    assert "hong.yaml" in result.stderr
    assert "Traceback" not in result.output
