"""Heading labels per family, from the numbering scheme data."""

from __future__ import annotations

import pytest

from baocao.model import PARTY_NUMBERING, STATE_NUMBERING, LevelStyle, NumberingScheme, roman


@pytest.mark.parametrize(
    ("path", "party", "state"),
    [
        ((1,), "I-", "I."),
        ((3,), "III-", "III."),
        ((2, 1), "1.", "1."),
        ((2, 2, 1), "2.1.", "a)"),
        ((2, 2, 3, 4), "d)", "-"),
        ((1, 1, 1, 5), "đ)", "-"),
    ],
)
def test_labels(path: tuple[int, ...], party: str, state: str) -> None:
    """Party numbers I- / 1. / 2.1. / a); State numbers I. / 1. / a) / -."""
    assert PARTY_NUMBERING.label(path) == party
    assert STATE_NUMBERING.label(path) == state


def test_roman() -> None:
    """Roman numerals for parts, refusing zero."""
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    with pytest.raises(ValueError):
        roman(0)


def test_vietnamese_alphabet_skips_f_j_w_z() -> None:
    """Lettered points follow the Vietnamese alphabet: a b c d đ e g …"""
    s = NumberingScheme(levels=[LevelStyle(format="alpha", suffix=")")])
    assert [s.label((i,)) for i in range(1, 9)] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)"]
