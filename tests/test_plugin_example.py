"""The example plugin, examples/plugin-to-huyen, installed with pip into a fresh venv.

One venv per module: baocao (built from this checkout) and the plugin are pip
installed into it without network (``--no-deps --no-build-isolation``; the
dependencies come from the interpreter running the tests, whose site-packages
the new venv sees through a ``.pth`` file), then the venv's own ``baocao``
lists and renders. ``--system-site-packages`` would not do: when the tests run
inside a virtual environment it exposes the *base* interpreter's packages, not
the outer venv's where pytest and hatchling are installed.
"""

from __future__ import annotations

import importlib.util
import io
import os
import runpy
import site
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from baocao import get_pack, load
from baocao.testing import assert_pack_clean

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "examples" / "plugin-to-huyen"
EXAMPLE = PLUGIN / "bao-cao-to-huyen-nam-xe-2023.yaml"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("hatchling") is None,
    reason="hatchling is needed to build the packages (pip install '.[test]')",
)


def _run(args: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv holding baocao and baocao-to-huyen, installed by pip."""
    where = tmp_path_factory.mktemp("venv") / "v"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(where)])
    assert made.returncode == 0, made.stderr
    python = where / ("Scripts" if os.name == "nt" else "bin") / "python"
    inner = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    outer = [*site.getsitepackages(), site.getusersitepackages()]
    (Path(inner.stdout.strip()) / "outer-site.pth").write_text(
        "".join(f"{p}\n" for p in outer if Path(p).is_dir()), encoding="utf-8"
    )
    install = ["install", "-q", "--no-deps", "--no-build-isolation", str(ROOT), str(PLUGIN)]
    pip = _run([sys.executable, "-m", "pip", "--python", str(python), *install])
    if "no such option: --python" in pip.stderr:  # pip < 22.3: give the venv its own pip
        _run([str(python), "-m", "ensurepip", "--default-pip"])
        pip = _run([str(python), "-m", "pip", *install])
    assert pip.returncode == 0, pip.stdout + pip.stderr
    yield python


def test_fresh_venv_lists_the_plugin_template(venv: Path) -> None:
    """`baocao templates list` shows to-huyen with its package and version, and the built-ins."""
    out = _run([str(venv), "-m", "baocao", "templates", "list"], cwd=venv.parent)
    assert out.returncode == 0, out.stderr
    rows = {line.split()[0]: line for line in out.stdout.splitlines()[1:]}
    assert {"dang", "nha-nuoc", "to-huyen"} <= set(rows)
    assert "baocao-to-huyen 1.0.0" in rows["to-huyen"] and "dang" in rows["to-huyen"]
    assert out.stderr == ""


def test_fresh_venv_renders_with_the_plugin(venv: Path, tmp_path: Path) -> None:
    """`baocao render -t to-huyen` writes a .docx with the plugin's appendix."""
    target = tmp_path / "to-huyen.docx"
    out = _run(
        [str(venv), "-m", "baocao", "render", str(EXAMPLE), "-t", "to-huyen", "-o", str(target)],
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    probe = _run(
        [
            str(venv),
            "-c",
            "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1])"
            ".read('word/document.xml').decode())",
            str(target),
        ]
    )
    assert "PHỤ LỤC" in probe.stdout and "Khó khăn, vướng mắc" in probe.stdout


def test_plugin_passes_its_own_tests_when_installed(venv: Path) -> None:
    """The plugin's test suite (through baocao.testing) passes against the installed packages."""
    out = _run(
        [str(venv), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(PLUGIN / "tests")],
        cwd=PLUGIN,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "4 passed" in out.stdout


def test_plugin_folder_loads_through_the_same_code_path_uninstalled() -> None:
    """As a trusted folder, the pack needs its hook importable; with it, the check is clean."""
    sys.path.insert(0, str(PLUGIN / "src"))
    try:
        pack = get_pack(PLUGIN / "src" / "baocao_to_huyen", trust_code=True)
        assert [p.id for p in pack.lineage()] == ["to-huyen", "dang"]
        assert assert_pack_clean(pack, load(EXAMPLE)) is not None
    finally:
        sys.path.remove(str(PLUGIN / "src"))
        sys.modules.pop("baocao_to_huyen", None)


def _paragraphs(data: bytes) -> list[tuple[str | None, str]]:
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for para in root.iter(f"{w}p"):
        style = para.find(f"{w}pPr/{w}pStyle")
        out.append(
            (
                None if style is None else style.get(f"{w}val"),
                "".join(t.text or "" for t in para.iter(f"{w}t")),
            )
        )
    return out


def test_committed_parts_match_their_builder() -> None:
    """title.docx and appendix.docx say what build_parts.py makes from the current dang title.

    Compared paragraph by paragraph (style and text), so a rebuild of dang that
    only changes formatting does not fail this, while a changed tag in dang's
    title (which the copy would miss) does.
    """
    builder = runpy.run_path(str(PLUGIN / "build_parts.py"))
    for name, data in builder["build"]().items():
        committed = (PLUGIN / "src" / "baocao_to_huyen" / name).read_bytes()
        assert _paragraphs(committed) == _paragraphs(data), (
            f"{name} is stale: run python examples/plugin-to-huyen/build_parts.py"
        )
