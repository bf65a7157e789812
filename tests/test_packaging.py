"""The wheel carries everything a non-editable install needs: templates, data, entry points."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """A wheel built from this checkout (hatchling comes with the test extra)."""
    pytest.importorskip("hatchling", reason="hatchling not installed (pip install '.[test]')")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (path,) = out.glob("baocao-*.whl")
    return zipfile.ZipFile(path)


def test_every_builtin_template_file_is_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    """Each file under templates/ ships as baocao/_builtin/…"""
    names = set(wheel.namelist())
    files = [
        p for p in (ROOT / "templates").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ]
    assert files
    missing = [
        str(p.relative_to(ROOT))
        for p in files
        if f"baocao/_builtin/{p.relative_to(ROOT / 'templates').as_posix()}" not in names
    ]
    assert not missing


def test_package_data_is_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    """Profiles, checker word lists, starters, the seed example and py.typed all ship."""
    names = set(wheel.namelist())
    src = ROOT / "src"
    data = [
        p
        for p in (src / "baocao").rglob("*")
        if p.is_file() and p.suffix in {".yml", ".yaml", ".typed"}
    ]
    assert any(p.parent.name == "profiles" for p in data)
    assert any(p.parent.name == "data" for p in data)
    missing = [str(p) for p in data if p.relative_to(src).as_posix() not in names]
    assert not missing
    assert "baocao/py.typed" in names
    # The compiled English catalog (committed, see docs/i18n.md): English needs no build step.
    assert "baocao/locale/en/LC_MESSAGES/baocao.mo" in names


def test_entry_points_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    """The console script and the built-in packs' entry points are declared."""
    (ep,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(ep).decode()
    assert "baocao = baocao.cli:main" in text
    assert "[baocao.templates]" in text
    assert "dang = " in text and "nha-nuoc = " in text


def test_docxtpl_is_bounded_and_the_installed_one_is_inside() -> None:
    """engines.compiled reaches into docxtpl: the declared range is the tested one."""
    from importlib.metadata import requires, version

    from packaging.requirements import Requirement

    reqs = [Requirement(r) for r in requires("baocao") or []]
    (docxtpl,) = [r for r in reqs if r.name == "docxtpl"]
    assert any(s.operator == "<" for s in docxtpl.specifier), "docxtpl needs an upper bound"
    assert version("docxtpl") in docxtpl.specifier
    declared = {r.name.lower() for r in reqs if r.marker is None}
    assert {"jinja2", "python-docx", "markupsafe"} <= declared
