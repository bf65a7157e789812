"""Report objects cannot change under a renderer: no mutation, and changed copies are validated."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from baocao.model import Document, Section, Tally


def test_lists_are_tuples_so_appending_fails_loudly() -> None:
    """A block appended to a section must not vanish silently: the sequence is immutable."""
    s = Section.model_validate({"title": "Kết quả", "blocks": ["Đoạn một."]})
    assert isinstance(s.blocks, tuple)
    with pytest.raises(AttributeError):
        s.blocks.append("Đoạn hai.")  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        s.title = "Khác"  # type: ignore[misc]


def test_replace_validates_the_changed_copy() -> None:
    """``replace`` runs the validators; ``model_copy(update=…)`` would not."""
    t = Tally.model_validate(
        {"total": 21, "noun": "kiến nghị", "parts": [{"count": 3}, {"count": 18}]}
    )
    assert t.replace(noun="đề xuất").noun == "đề xuất"
    with pytest.raises(ValidationError, match="3 \\+ 18 ≠ 20"):
        t.replace(total=20)
    assert t.model_copy(update={"total": 20}).total == 20  # the unvalidated way, for contrast
    with pytest.raises(TypeError, match="totl"):
        t.replace(totl=20)


def test_replace_normalizes_text_like_input() -> None:
    doc = Document.model_validate(
        {
            "header": {
                "family": "nha_nuoc",
                "issuer": {"name": "ỦY BAN NHÂN DÂN"},
                "number": "01/BC-UBND",
                "place": "Đông Hòa",
                "date": "2025-12-01",
                "subject": "tình hình",
            }
        }
    )
    decomposed = "Tie\u0302\u0301n"  # "Tiến" typed as NFD
    changed = doc.replace(closing=decomposed)
    assert changed.closing == "Tiến"
    assert doc.closing is None
