"""docs/errors.md holds the exact message of every malformed input in tests/error_cases.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from baocao.errors import BaocaoError
from tests.error_cases import CASES, message_of

ROOT = Path(__file__).resolve().parent.parent
_TOOL = ROOT / "tools" / "error_catalogue.py"
_spec = importlib.util.spec_from_file_location("error_catalogue", _TOOL)
assert _spec is not None and _spec.loader is not None
_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_tool)
documented_table = _tool.documented_table

DOCUMENTED = {
    row.split(" | ")[1].strip("`"): row.split(" | ", 3)[3].rsplit(" |", 1)[0]
    for row in documented_table().splitlines()[2:]
}


def test_the_catalogue_has_forty_cases_and_the_doc_all_of_them() -> None:
    assert len(CASES) >= 40
    assert sorted(DOCUMENTED) == sorted(c.id for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_each_case_gets_its_documented_message(case, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    try:
        message = message_of(case, tmp_path)
    except AssertionError:
        pytest.fail(f"{case.id} raised no BaocaoError")
    documented = DOCUMENTED[case.id]
    assert message.replace("|", "\\|").replace("\n", "<br>") == documented
    assert "Traceback" not in message and "internal error" not in message
    assert issubclass(BaocaoError, Exception)
