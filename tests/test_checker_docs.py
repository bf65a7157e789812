"""The examples in docs/checker.md run and print what the page shows."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from baocao.checker import RULES

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "checker.md"


def test_doc_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pycon block of docs/checker.md gives the output written under it."""
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(DOC), module_relative=False, encoding="utf-8")
    assert result.attempted > 20
    assert result.failed == 0


def test_every_rule_is_documented_with_its_severity() -> None:
    """The rules table lists each code with the severity the registry gives it, in order."""
    text = DOC.read_text(encoding="utf-8")
    table = re.findall(r"^\| (BC\d{3}) \| (\w+) \|", text, flags=re.MULTILINE)
    assert table == [(code, rule.severity) for code, rule in RULES.items()]
    for code in RULES:
        assert re.search(rf"^### .*{code}", text, flags=re.MULTILINE), code
