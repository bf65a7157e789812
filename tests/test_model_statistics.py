"""Tallies and ratios: sums checked, sentences in the seed's wording."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from baocao.model import Ratio, Tally


def test_tally_sentence_matches_seed_wording() -> None:
    """The seed's difficulties sentence is generated from the data, word for word."""
    t = Tally(
        total=21,
        noun="khó khăn, vướng mắc",
        parts=[
            {"count": 3, "scope": "thuộc thẩm quyền của Tổ huyện"},
            {"count": 18, "scope": "thuộc thẩm quyền của Đảng ủy xã"},
        ],
    )
    assert t.sentence() == (
        "21 khó khăn, vướng mắc (trong đó 3 khó khăn, vướng mắc thuộc thẩm quyền của Tổ huyện; "
        "18 khó khăn, vướng mắc thuộc thẩm quyền của Đảng ủy xã)"
    )


def test_part_noun_override() -> None:
    """A part may word its noun differently, as the seed does once."""
    t = Tally(
        total=14,
        noun="kiến nghị, đề xuất",
        parts=[{"count": 5, "noun": "kiến nghị đề xuất", "scope": "x"}, {"count": 9}],
    )
    assert "5 kiến nghị đề xuất x; 9 kiến nghị, đề xuất)" in t.sentence()


def test_tally_mismatch_names_the_arithmetic() -> None:
    """Parts that do not add up are refused with the sum written out."""
    with pytest.raises(ValidationError) as exc:
        Tally(total=20, noun="khó khăn", parts=[{"count": 3}, {"count": 18}])
    assert "3 + 18 ≠ 20" in str(exc.value)


def test_tally_without_parts_is_just_the_count() -> None:
    """A tally with no breakdown prints the total and noun only."""
    assert Tally(total=7, noun="chi bộ").sentence() == "7 chi bộ"


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=6))
def test_any_breakdown_that_sums_is_accepted(counts: list[int]) -> None:
    """Whatever the parts, a total equal to their sum validates."""
    t = Tally(total=sum(counts), noun="n", parts=[{"count": c} for c in counts])
    assert t.total == sum(p.count for p in t.parts)


@given(
    st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=6),
    st.integers(min_value=1, max_value=50),
)
def test_any_breakdown_off_by_some_is_refused(counts: list[int], off: int) -> None:
    """A total that differs from the sum of the parts never validates."""
    with pytest.raises(ValidationError):
        Tally(total=sum(counts) + off, noun="n", parts=[{"count": c} for c in counts])


def test_ratio_sentence_and_bound() -> None:
    """17/17 prints as in the seed; a part larger than its whole is refused."""
    assert Ratio(value=17, of=17, noun="Tổ huyện").sentence() == "17/17 Tổ huyện"
    with pytest.raises(ValidationError, match=r"18/17"):
        Ratio(value=18, of=17)
