"""Shared fixtures: paths to the examples and to the shared reference texts."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_YAML = EXAMPLES / "bao-cao-quy-dinh-02.yaml"


def find_shared(name: str) -> Path | None:
    """``shared/reference/<name>`` beside the repository (CI lays a copy of shared/ there)."""
    for parent in [ROOT, *ROOT.parents]:
        candidate = parent / "shared" / "reference" / name
        if candidate.is_file():
            return candidate
    return None


@pytest.fixture
def seed_text() -> str:
    """The seed report's text; tests needing it skip when shared/ is not beside the repo."""
    path = find_shared("seed-report.txt")
    if path is None:
        pytest.skip("shared/reference/seed-report.txt not found beside the repository")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def seed_report():  # type: ignore[no-untyped-def]
    """The seed example loaded into the model."""
    import baocao

    return baocao.load(SEED_YAML)
