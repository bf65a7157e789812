"""`baocao templates new`: a plugin package that installs with pip and passes its own test."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import baocao
from baocao.errors import OutputError, TemplateError
from baocao.packs import get_pack, load_manifest, new_pack
from baocao.testing import assert_pack_renders, sample_reports


def test_scaffold_writes_a_package_extending_a_builtin(tmp_path: Path) -> None:
    """pyproject with the entry point, the module with manifest and a copied part, a test."""
    target = new_pack("tinh-uy-bac-giang", tmp_path)
    assert target == tmp_path / "baocao-tinh-uy-bac-giang"
    module = target / "src" / "baocao_tinh_uy_bac_giang"
    assert sorted(p.name for p in module.iterdir()) == [
        "__init__.py",
        "baocao-template.yml",
        "signature.docx",
    ]
    pyproject = (target / "pyproject.toml").read_text(encoding="utf-8")
    assert 'name = "baocao-tinh-uy-bac-giang"' in pyproject
    assert 'tinh-uy-bac-giang = "baocao_tinh_uy_bac_giang"' in pyproject
    assert 'build-backend = "hatchling.build"' in pyproject
    manifest = load_manifest(module / "baocao-template.yml")
    assert (manifest.id, manifest.extends) == ("tinh-uy-bac-giang", "dang")
    copied = (module / "signature.docx").read_bytes()
    assert copied == get_pack("dang").find("signature.docx").read_bytes()
    assert (target / "tests" / "test_baocao_tinh_uy_bac_giang.py").is_file()


def test_scaffold_folder_is_a_pack_that_renders(tmp_path: Path) -> None:
    """Uninstalled, the module folder is already a pack whose part comes first on the path."""
    module = new_pack("xa-a", tmp_path, extends="nha-nuoc", part="title") / "src" / "baocao_xa_a"
    pack = get_pack(module)
    assert pack.family == "nha_nuoc" and pack.find("title.docx") == module.resolve() / "title.docx"
    report = sample_reports(pack)[0]
    assert report.header.family == "nha_nuoc"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in assert_pack_renders(pack, report).paragraphs


@pytest.mark.parametrize("name", ["Tỉnh Ủy", "dang", "-x", "a b"])
def test_scaffold_refuses_unusable_names(tmp_path: Path, name: str) -> None:
    """Names that cannot be a pack id (or reuse the parent's) are refused before writing."""
    with pytest.raises(TemplateError):
        new_pack(name, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_scaffold_refuses_an_unknown_part_and_an_existing_folder(tmp_path: Path) -> None:
    """A part the parent lacks, or a target that exists, is an error and nothing is written."""
    with pytest.raises(TemplateError, match="no part 'phu-luc'"):
        new_pack("moi", tmp_path, part="phu-luc")
    (tmp_path / "baocao-moi").mkdir()
    with pytest.raises(OutputError, match="already exists"):
        new_pack("moi", tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["baocao-moi"]


@pytest.mark.skipif(
    importlib.util.find_spec("hatchling") is None,
    reason="hatchling is needed to build the package (pip install '.[test]')",
)
def test_scaffolded_package_installs_and_passes_its_own_test(tmp_path: Path) -> None:
    """pip installs the scaffold; its test (through baocao.testing) renders the seed and passes."""
    project = new_pack("huyen-uy-minh-son", tmp_path / "src")
    site = tmp_path / "site"
    pip = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(site),
            str(project),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    assert (site / "baocao_huyen_uy_minh_son" / "signature.docx").is_file()
    baocao_home = str(Path(baocao.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), baocao_home])}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 passed" in run.stdout
