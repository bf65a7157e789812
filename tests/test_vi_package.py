"""Tests for the baocao.vi package surface: exports, filters, isolation, documentation."""

from __future__ import annotations

import ast
import datetime
import doctest
import importlib
import inspect
from decimal import Decimal
from pathlib import Path

import pytest

import baocao.vi
from baocao.vi import FILTERS

ROOT = Path(__file__).resolve().parents[1]
VI_DIR = ROOT / "src" / "baocao" / "vi"
DOC = ROOT / "docs" / "vietnamese-formatting.md"
MODULES = ["baocao.vi.case", "baocao.vi.dates", "baocao.vi.numbers", "baocao.vi.words"]


def isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: CONSTANTS, then CamelCase, then everything else."""
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


def test_all_is_sorted_and_complete() -> None:
    """``__all__`` is sorted (ruff's isort style) and lists exactly the public names."""
    exported = baocao.vi.__all__
    assert exported == sorted(exported, key=isort_key)
    helpers = {"annotations", "Any", "Callable"}  # imported for annotations, not exported
    public = {
        name
        for name, obj in vars(baocao.vi).items()
        if not name.startswith("_") and not inspect.ismodule(obj) and name not in helpers
    }
    assert set(exported) == public


@pytest.mark.parametrize("module", MODULES)
def test_module_all_is_sorted_and_reexported(module: str) -> None:
    """Each module declares a sorted ``__all__`` whose names the package re-exports."""
    names = importlib.import_module(module).__all__
    assert names == sorted(names, key=isort_key)
    assert set(names) <= set(baocao.vi.__all__)


def test_filters() -> None:
    """The Jinja filter names a Vietnamese template author types map to the right functions."""
    assert sorted(FILTERS) == ["bang_chu", "chu_hoa", "dem", "ngay", "ngay_ngan", "phan_tram", "so"]
    assert FILTERS["ngay"](datetime.date(2024, 1, 5)) == "ngày 05 tháng 01 năm 2024"
    assert FILTERS["ngay_ngan"](datetime.date(2018, 3, 6)) == "06/3/2018"
    assert FILTERS["so"](1250000) == "1.250.000"
    assert FILTERS["so"](Decimal("1234.5"), 2) == "1.234,50"
    assert FILTERS["phan_tram"](99.1) == "99,1%"
    assert FILTERS["dem"](1) == "01"
    assert FILTERS["chu_hoa"]("đánh giá chung") == "ĐÁNH GIÁ CHUNG"
    assert FILTERS["bang_chu"](2024) == "Hai nghìn không trăm hai mươi bốn đồng."


def test_filters_work_in_jinja() -> None:
    """The filters plug into a Jinja environment and render inside a template."""
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment(autoescape=False)
    env.filters.update(FILTERS)
    template = env.from_string(
        "{{ d|ngay }}; {{ d|ngay_ngan }}; {{ n|so }}; {{ p|phan_tram }}; "
        "{{ c|dem }} lần; {{ t|chu_hoa }}; {{ n|bang_chu }}"
    )
    out = template.render(d=datetime.date(2018, 9, 24), n=1250000, p=100, c=1, t="ưu điểm")
    assert out == (
        "ngày 24 tháng 9 năm 2018; 24/9/2018; 1.250.000; 100%; 01 lần; ƯU ĐIỂM; "
        "Một triệu hai trăm năm mươi nghìn đồng."
    )


def _baocao_imports(path: Path) -> set[str]:
    """Every ``baocao...`` module a source file imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {n for n in names if n == "baocao" or n.startswith("baocao.")}
    return found


@pytest.mark.parametrize("path", sorted(VI_DIR.glob("*.py")), ids=lambda p: p.name)
def test_vi_imports_nothing_else_from_baocao(path: Path) -> None:
    """The formatting layer depends only on itself and baocao.errors, never on other layers."""
    for module in _baocao_imports(path):
        assert module == "baocao.errors" or module.startswith("baocao.vi"), module


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples(module: str) -> None:
    """The examples in each module's docstrings run and give the output shown."""
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0


def test_documentation_examples() -> None:
    """The examples in docs/vietnamese-formatting.md run and give the output shown."""
    result = doctest.testfile(str(DOC), module_relative=False, encoding="utf-8")
    assert result.attempted > 0
    assert result.failed == 0
