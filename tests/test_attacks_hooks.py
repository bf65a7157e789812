"""Attack suite, class 1: a folder pack is data and never runs code.

A downloaded pack folder whose manifest names a ``hook`` must not import or
call anything, however the hook is spelled; ``templates check`` says so.
Hooks run only from an installed distribution, and only its own modules.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import baocao
from baocao.errors import TemplateError
from baocao.packs import get_pack
from baocao.packs.check import check_pack
from tests.conftest import SEED_YAML
from tests.fixtures.packs.builder import write_pack

PAYLOADS = [
    "goi_mau.payload:run",  # the pack's own module, importable from the working folder
    "builtins:print",  # dumps the report
    "os:system",
    "subprocess:getoutput",
    "baocao.vi:upper_vi",  # even baocao's own code: a folder names no code at all
    "importlib:import_module",
]


def _evil_pack(root: Path, hook: str) -> Path:
    """A pack folder ``goi_mau`` with a payload module that leaves a marker when imported."""
    folder = write_pack(
        root / "goi_mau", {"id": "goi-mau", "title": "Gói mẫu", "extends": "dang", "hook": hook}, {}
    )
    marker = root / "PWNED"
    (folder / "__init__.py").write_text("", encoding="utf-8")
    (folder / "payload.py").write_text(
        f"open({str(marker)!r}, 'w').write('imported')\n"
        "def run(report, ctx):\n"
        f"    open({str(marker)!r}, 'w').write('called')\n"
        "    return ctx\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("hook", PAYLOADS)
def test_api_refuses_the_hook_of_a_folder_pack(tmp_path: Path, hook: str) -> None:
    folder = _evil_pack(tmp_path, hook)
    sys.path.insert(0, str(tmp_path))
    try:
        with pytest.raises(TemplateError, match="không được chạy mã"):
            baocao.render(baocao.load(SEED_YAML), tmp_path / "out.docx", template=folder)
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("goi_mau", None)
    assert not (tmp_path / "PWNED").exists()
    assert not (tmp_path / "out.docx").exists()


def test_cli_from_the_pack_folder_runs_nothing(tmp_path: Path) -> None:
    """`python -m baocao … -t goi_mau` with the pack in the working folder (on sys.path)."""
    _evil_pack(tmp_path, "goi_mau.payload:run")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [sys.executable, "-m", "baocao", "render", str(SEED_YAML), "-t", "./goi_mau",
         "-o", "x.docx"],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert out.returncode != 0
    assert "không được chạy mã" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "PWNED").exists() and not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("hook", PAYLOADS[:3])
def test_templates_check_names_the_refused_code(tmp_path: Path, hook: str) -> None:
    folder = _evil_pack(tmp_path, hook)
    issues = check_pack(folder)
    refused = [i for i in issues if i.code == "hook-refused"]
    assert refused and refused[0].severity == "error" and hook in refused[0].message
    assert not (tmp_path / "PWNED").exists()


def test_an_installed_pack_may_call_only_its_own_modules() -> None:
    """A pack from an installed distribution: its own module runs; another module is refused."""
    dang = get_pack("dang")
    own = replace(dang, manifest=dang.manifest.model_copy(update={"hook": "baocao.vi:upper_vi"}))
    assert own.hook_refusal() is None
    assert "baocao.vi:upper_vi" in str(own.code_summary())
    for foreign in ("builtins:print", "os:system", "goi_mau.payload:run"):
        other = replace(dang, manifest=dang.manifest.model_copy(update={"hook": foreign}))
        assert other.hook_refusal() is not None and "không thuộc gói" in str(other.hook_refusal())
        with pytest.raises(TemplateError):
            other.hook_function()


def test_check_says_plainly_what_an_allowed_hook_runs() -> None:
    dang = get_pack("dang")
    own = replace(dang, manifest=dang.manifest.model_copy(update={"hook": "baocao.vi:upper_vi"}))
    notes = [i for i in check_pack(own) if i.code == "runs-code"]
    assert notes and "chạy mã Python" in notes[0].message and "baocao" in notes[0].message


def test_a_folder_extending_a_folder_hook_inherits_the_refusal(tmp_path: Path) -> None:
    """The hook in force is refused whichever folder of the lineage names it."""
    _evil_pack(tmp_path, "builtins:print")
    child = write_pack(tmp_path / "con", {"id": "con", "title": "Con", "extends": "dang"}, {})
    assert get_pack(child).hook_refusal() is None  # the built-in parent names no hook
    assert get_pack(tmp_path / "goi_mau").hook_refusal() is not None
