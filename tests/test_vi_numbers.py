"""Tests for baocao.vi.numbers: vi-VN separators, percentages, counts, tallies."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol
from hypothesis import given
from hypothesis import strategies as st

from baocao.vi.numbers import (
    LOCALE,
    format_count,
    format_fraction,
    format_number,
    format_percent,
)


@pytest.mark.parametrize("locale", [LOCALE, "vi_VN"])
def test_babel_locale_symbols(locale: str) -> None:
    """Babel's vi and vi_VN data use "." for thousands and "," for decimals, as §14 states."""
    assert get_group_symbol(locale) == "."
    assert get_decimal_symbol(locale) == ","


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (1250000, "1.250.000"),
        (-1250000, "-1.250.000"),
        (10**18, "1.000.000.000.000.000.000"),
        (1234.5, "1.234,5"),
        (0.1, "0,1"),
        (100.0, "100"),
        (-0.5, "-0,5"),
        (1e20, "100.000.000.000.000.000.000"),
        (Decimal("1500050.30"), "1.500.050,30"),
        (Decimal("99.1"), "99,1"),
        (Decimal("12"), "12"),
        (Decimal("1E+3"), "1.000"),
    ],
)
def test_format_number_natural_places(value: int | float | Decimal, expected: str) -> None:
    """Without ``decimals``: ints show none, floats their shortest form, Decimals their own."""
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 2, "1.234,50"),
        (1234.5, 0, "1.235"),
        (1250000, 2, "1.250.000,00"),
        (2.25, 1, "2,3"),
        (2.35, 1, "2,4"),
        (0.125, 2, "0,13"),
        (-2.25, 1, "-2,3"),
        (Decimal("1500050.295"), 2, "1.500.050,30"),
        (-0.04, 1, "0,0"),
        (-0.4, 0, "0"),
        (0.1 + 0.2, 2, "0,30"),
    ],
)
def test_format_number_fixed_places(
    value: int | float | Decimal, decimals: int, expected: str
) -> None:
    """With ``decimals``, values round half-up and a rounded zero never shows a minus sign."""
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), Decimal("-Infinity"), Decimal("NaN")]
)
def test_format_number_rejects_non_finite(value: float | Decimal) -> None:
    """NaN and infinities raise ValueError instead of printing a symbol into a report."""
    with pytest.raises(ValueError, match="non-finite"):
        format_number(value)


@pytest.mark.parametrize("value", [True, "1234", None])
def test_format_number_rejects_non_numbers(value: object) -> None:
    """Booleans, strings and None are refused with TypeError."""
    with pytest.raises(TypeError):
        format_number(value)  # type: ignore[arg-type]


def test_format_number_rejects_negative_decimals() -> None:
    """A negative number of decimal places is a ValueError naming it."""
    with pytest.raises(ValueError, match="-1"):
        format_number(1, -1)


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_format_number_integer_grouping(n: int) -> None:
    """Integers group in threes with "." and lose nothing: removing the dots gives str(n)."""
    text = format_number(n)
    assert text.replace(".", "") == str(n)
    groups = text.lstrip("-").split(".")
    assert 1 <= len(groups[0]) <= 3
    assert all(len(g) == 3 for g in groups[1:])


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3), st.integers(0, 4))
def test_format_number_value_preserved(value: Decimal, decimals: int) -> None:
    """Reading the output back (dots removed, comma as point) gives the value rounded half-up."""
    text = format_number(value, decimals)
    back = Decimal(text.replace(".", "").replace(",", "."))
    expected = value.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
    assert back == expected
    assert ("," in text) == (decimals > 0)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (99.1, 1, "99,1%"),
        (100, 1, "100%"),
        (100.0, 1, "100%"),
        (99.95, 1, "100%"),
        (0, 1, "0%"),
        (12.345, 2, "12,35%"),
        (Decimal("99.10"), 2, "99,10%"),
        (50, 2, "50%"),
        (33.333, 0, "33%"),
        (1234.5, 1, "1.234,5%"),
        (-5.25, 1, "-5,3%"),
    ],
)
def test_format_percent(value: int | float | Decimal, decimals: int, expected: str) -> None:
    """Percentages use a decimal comma, no space before "%", and drop an all-zero fraction."""
    assert format_percent(value, decimals) == expected


def test_format_percent_default_one_place() -> None:
    """The default precision is one decimal place."""
    assert format_percent(66.666) == "66,7%"


def test_format_percent_rejects_negative_decimals() -> None:
    """A negative number of decimal places is a ValueError."""
    with pytest.raises(ValueError):
        format_percent(1, -1)


@pytest.mark.parametrize(
    ("n", "pad", "expected"),
    [
        (1, True, "01"),
        (9, True, "09"),
        (10, True, "10"),
        (17, True, "17"),
        (0, True, "0"),
        (1, False, "1"),
        (3, False, "3"),
        (1250, True, "1.250"),
    ],
)
def test_format_count(n: int, pad: bool, expected: str) -> None:
    """Counts 1-9 get a leading zero when padded ("01 lần"); larger counts keep separators."""
    assert format_count(n, pad) == expected


def test_format_count_default_pads() -> None:
    """Padding is on by default, matching "ít nhất 01 lần" in the seed report."""
    assert format_count(1) == "01"


@pytest.mark.parametrize(("n", "error"), [(-1, ValueError), (1.0, TypeError), (True, TypeError)])
def test_format_count_rejects(n: object, error: type[Exception]) -> None:
    """Negative counts are ValueError; non-integers are TypeError."""
    with pytest.raises(error):
        format_count(n)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [(17, 17, "17/17"), (3, 17, "3/17"), (0, 5, "0/5"), (1250, 2000, "1.250/2.000")],
)
def test_format_fraction(a: int, b: int, expected: str) -> None:
    """A tally is written "a/b" with no padding and no spaces."""
    assert format_fraction(a, b) == expected


@pytest.mark.parametrize(("a", "b"), [(-1, 5), (1, 0), (1, -5)])
def test_format_fraction_rejects(a: int, b: int) -> None:
    """A negative part or a zero denominator raises ValueError."""
    with pytest.raises(ValueError):
        format_fraction(a, b)
