"""The code holds to its own rules: lint, strict types, layering, the public surface."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import baocao

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "baocao"

# Each layer may import only layers listed before it (docs/architecture.md).
LAYERS = [
    ("scoped",),
    ("errors", "i18n", "atomic", "yamlread", "xmlchars", "limits", "textlines", "ooxml", "vi"),
    ("model",),
    ("problems", "loading", "schema"),
    ("layout",),
    ("profiles",),
    ("packs",),
    ("engines",),
    ("conformance", "checker"),
    ("importer",),
    ("aggregate",),
    ("rendering", "batch", "testing", "annotate"),
    ("cli", "server", "__main__"),
]


def _layer(module: str) -> int:
    top = module.split(".")[0]
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    return -1


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    pkg = path.relative_to(SRC).parts
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            base = list(pkg[: len(pkg) - node.level])
            target = ".".join([*base, node.module] if node.module else base)
            found.add(target)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("baocao."):
            found.add(node.module.removeprefix("baocao."))
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("baocao.") for a in node.names if a.name.startswith("baocao.")
            )
    return found


def test_lower_layers_never_import_upper_ones() -> None:
    """No module imports from a layer above its own."""
    bad = []
    for path in SRC.rglob("*.py"):
        rel = ".".join(path.relative_to(SRC).with_suffix("").parts)
        if rel == "__init__":
            continue
        mine = _layer(rel)
        if mine < 0:
            bad.append(f"{rel}: not assigned to a layer")
            continue
        for target in _imports(path):
            if target and _layer(target) > mine:
                bad.append(f"{rel} imports {target}")
    assert not bad, "\n".join(bad)


def test_public_names_are_exported() -> None:
    """``baocao.__all__`` is sorted and every name in it exists."""
    assert list(baocao.__all__) == sorted(baocao.__all__, key=lambda s: (not s[0].isupper(), s))
    for name in baocao.__all__:
        assert hasattr(baocao, name), name


@pytest.mark.skipif(
    shutil.which("ruff") is None, reason="ruff not installed (pip install '.[test]')"
)
def test_ruff_clean() -> None:
    """ruff finds nothing in src/ and tests/."""
    out = subprocess.run(
        ["ruff", "check", "src", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_strict_clean() -> None:
    """mypy --strict passes on src/."""
    pytest.importorskip("mypy", reason="mypy not installed (pip install '.[test]')")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "src/baocao"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
