"""Shared fixtures: paths to the examples and to the shared reference texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_YAML = EXAMPLES / "bao-cao-quy-dinh-02.yaml"
# A copy of shared/reference/seed-report.txt shipped with the tests (tests/data/README.md).
SEED_TEXT = ROOT / "tests" / "data" / "seed-report.txt"


@pytest.fixture
def seed_text() -> str:
    """The seed report's text, from the copy kept in tests/data."""
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture
def seed_report():  # type: ignore[no-untyped-def]
    """The seed example loaded into the model."""
    import baocao

    return baocao.load(SEED_YAML)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Messages in English for a test that asserts English text (subprocesses too)."""
    from baocao.i18n import set_language

    monkeypatch.setenv("BAOCAO_LANG", "en")
    set_language("en")
    yield
    set_language(None)


@pytest.fixture
def no_installed_soffice(monkeypatch: pytest.MonkeyPatch) -> None:
    """No LibreOffice in its standard install folders either (a test empties PATH too)."""
    monkeypatch.setattr("baocao.engines.pdf.standard_locations", lambda: iter(()))
