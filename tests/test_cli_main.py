"""The ``baocao`` entry point as a user runs it: a real process, help everywhere, exit codes."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import baocao
from baocao.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"
CLI = Path(__file__).parent / "fixtures" / "cli"
COMMANDS = ["validate", "render", "batch", "schema", "init"]


def baocao_process(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m baocao`` in a child process importing this same baocao."""
    env = dict(os.environ)
    src = str(Path(baocao.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "baocao", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
    )


def test_module_entry_point_lists_every_command() -> None:
    """``python -m baocao --help`` runs and names every command."""
    proc = baocao_process("--help")
    assert proc.returncode == 0, proc.stderr
    assert "Cách dùng: baocao" in proc.stdout
    for name in COMMANDS:
        assert f"  {name} " in proc.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_examples(name: str) -> None:
    """Each command's --help shows a usage line and at least one example."""
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    out = result.output
    assert f"Cách dùng: main {name}" in out or f"Cách dùng: baocao {name}" in out
    assert ("Ví dụ" in out or "Example" in out) and f"baocao {name}" in out


def test_validate_in_a_real_process() -> None:
    """Real process: a good file exits 0 (stdout); a broken one exits 1, error on stderr."""
    good = baocao_process("validate", SEED)
    assert good.returncode == 0 and "hợp lệ" in good.stdout
    bad = baocao_process("validate", CLI / "tally-mismatch.yaml")
    assert bad.returncode == 1
    assert "3 + 18 ≠ 20" in bad.stderr and "(dòng 23)" in bad.stderr
    assert bad.stdout == "" and "Traceback" not in bad.stderr


def test_init_then_validate_then_render_in_real_processes(tmp_path: Path) -> None:
    """The clerk's path: init a file, validate it, render it to Markdown; all exit 0."""
    assert baocao_process("init", "-o", "bao-cao.yaml", cwd=tmp_path).returncode == 0
    check = baocao_process("validate", "bao-cao.yaml", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    done = baocao_process("render", "bao-cao.yaml", "-o", "bao-cao.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "bao-cao.md").read_text(encoding="utf-8")
    assert "# BÁO CÁO" in text and "Nguyễn Văn An" in text


def test_usage_errors_exit_2() -> None:
    """A missing argument is a usage error (exit 2) naming what is missing."""
    proc = baocao_process("render", SEED)
    assert proc.returncode == 2
    assert "-o" in proc.stderr


def test_outputs_are_readable_like_any_new_file(tmp_path: Path) -> None:
    """A rendered file gets the usual permissions (0o666 less the umask), not mkstemp's 0o600."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    assert baocao_process("render", SEED, "-o", "x.txt", cwd=tmp_path).returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((tmp_path / "x.txt").stat().st_mode) == 0o666 & ~mask


def test_installed_script_when_present() -> None:
    """The installed ``baocao`` console script, when on PATH, reports this version."""
    script = shutil.which("baocao")
    if script is None:
        pytest.skip("baocao is not installed as a script here (pip install .)")
    proc = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert baocao.__version__ in proc.stdout
