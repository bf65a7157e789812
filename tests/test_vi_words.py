"""Tests for baocao.vi.words: numbers and amounts in Vietnamese words."""

from __future__ import annotations

import itertools
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.vi.words import amount_in_words, number_to_words

WORDS_TABLE: list[tuple[int, str]] = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (7, "bảy"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (55, "năm mươi lăm"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (999, "chín trăm chín mươi chín"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1005, "một nghìn không trăm linh năm"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),
    (1100, "một nghìn một trăm"),
    (2024, "hai nghìn không trăm hai mươi bốn"),
    (10_000, "mười nghìn"),
    (15_000, "mười lăm nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (100_000, "một trăm nghìn"),
    (105_000, "một trăm linh năm nghìn"),
    (1_000_000, "một triệu"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (1_250_000, "một triệu hai trăm năm mươi nghìn"),
    (1_000_000_000, "một tỷ"),
    (1_000_000_010, "một tỷ không trăm mười"),
    (2_500_000_000, "hai tỷ năm trăm triệu"),
    (1_000_000_000_000, "một nghìn tỷ"),
    (1_234_000_000_000, "một nghìn hai trăm ba mươi bốn tỷ"),
    (1_000_000_000_005, "một nghìn tỷ không trăm linh năm"),
    (10**18, "một tỷ tỷ"),
    (
        1_234_567_890,
        "một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi",
    ),
    (-5, "âm năm"),
    (-2024, "âm hai nghìn không trăm hai mươi bốn"),
]

VARIANT_TABLE: list[tuple[int, dict[str, Any], str]] = [
    (105, {"linh": "lẻ"}, "một trăm lẻ năm"),
    (1005, {"linh": "lẻ"}, "một nghìn không trăm lẻ năm"),
    (24, {"four": "tư"}, "hai mươi tư"),
    (34_000, {"four": "tư"}, "ba mươi tư nghìn"),
    (4, {"four": "tư"}, "bốn"),
    (14, {"four": "tư"}, "mười bốn"),
    (104, {"four": "tư"}, "một trăm linh bốn"),
    (104, {"four": "tư", "linh": "lẻ"}, "một trăm lẻ bốn"),
    (2024, {"zero_hundred": ""}, "hai nghìn hai mươi bốn"),
    (1005, {"zero_hundred": "", "linh": "lẻ"}, "một nghìn lẻ năm"),
    (2024, {"zero_hundred": "", "four": "tư"}, "hai nghìn hai mươi tư"),
    (1_000_005, {"zero_hundred": ""}, "một triệu linh năm"),
]


@pytest.mark.parametrize(("n", "expected"), WORDS_TABLE)
def test_number_to_words_table(n: int, expected: str) -> None:
    """Each number reads as on invoices and State Treasury forms."""
    assert number_to_words(n) == expected


def test_table_is_large_enough() -> None:
    """The tables cover at least 40 distinct numbers, as the brief requires."""
    assert len({n for n, _ in WORDS_TABLE} | {n for n, _, _ in VARIANT_TABLE}) >= 40


@pytest.mark.parametrize(("n", "variants", "expected"), VARIANT_TABLE)
def test_number_to_words_variants(n: int, variants: dict[str, Any], expected: str) -> None:
    """linh/lẻ, tư (only after "mươi") and omitting "không trăm" change only their own words."""
    assert number_to_words(n, **variants) == expected


def test_2024_is_not_num2words_reading() -> None:
    """2024 keeps "không trăm" and never uses num2words' "lẻ hai mươi"."""
    assert "lẻ" not in number_to_words(2024)
    assert number_to_words(2024) != "hai nghìn lẻ hai mươi bốn"


@pytest.mark.parametrize(
    ("kwargs", "bad"),
    [({"linh": "le"}, "le"), ({"four": "4"}, "4"), ({"zero_hundred": "linh"}, "linh")],
)
def test_number_to_words_rejects_unknown_variants(kwargs: dict[str, Any], bad: str) -> None:
    """An unknown variant word raises ValueError naming it."""
    with pytest.raises(ValueError, match=repr(bad)):
        number_to_words(105, **kwargs)


def test_number_to_words_nfd_variants() -> None:
    """Variant words typed in NFD are accepted and give NFC output."""
    le = unicodedata.normalize("NFD", "lẻ")
    tu = unicodedata.normalize("NFD", "tư")
    assert number_to_words(124, linh=le, four=tu) == "một trăm hai mươi tư"  # type: ignore[arg-type]
    assert number_to_words(105, linh=le) == "một trăm lẻ năm"  # type: ignore[arg-type]


@pytest.mark.parametrize("n", [True, 1.0, "5", None])
def test_number_to_words_rejects_non_integers(n: object) -> None:
    """Only real ints are read; bool, float, str and None raise TypeError."""
    with pytest.raises(TypeError):
        number_to_words(n)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "kwargs", "expected"),
    [
        (2024, {}, "Hai nghìn không trăm hai mươi bốn đồng."),
        (0, {}, "Không đồng."),
        (1_250_000, {}, "Một triệu hai trăm năm mươi nghìn đồng."),
        (-7, {}, "Âm bảy đồng."),
        (105, {"linh": "lẻ"}, "Một trăm lẻ năm đồng."),
        (24, {"four": "tư"}, "Hai mươi tư đồng."),
        (15, {"currency": "đô la Mỹ"}, "Mười lăm đô la Mỹ."),
        (15, {"currency": ""}, "Mười lăm."),
        (15, {"currency": unicodedata.normalize("NFD", " đồng ")}, "Mười lăm đồng."),
    ],
)
def test_amount_in_words(n: int, kwargs: dict[str, Any], expected: str) -> None:
    """Amounts start with a capital, append the currency and end with a period."""
    result = amount_in_words(n, **kwargs)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


def test_amount_in_words_currency_positional() -> None:
    """The currency can be given as the second positional argument."""
    assert amount_in_words(1000, "đồng") == "Một nghìn đồng."


_UNITS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
    "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
}  # fmt: skip
_SCALES = {"nghìn": 1_000, "triệu": 1_000_000}


def parse_words(text: str) -> int:
    """Independent reader of the words, used to check that number_to_words loses nothing."""
    tokens = text.split(" ")
    sign = 1
    if tokens[0] == "âm":
        sign, tokens = -1, tokens[1:]
    total = group = pending = 0
    for token in tokens:
        if token in _UNITS:
            pending = _UNITS[token]
        elif token == "trăm":
            group, pending = group + pending * 100, 0
        elif token == "mươi":
            group, pending = group + pending * 10, 0
        elif token == "mười":
            group += 10
        elif token in ("linh", "lẻ"):
            pass
        elif token in _SCALES:
            total, group, pending = total + (group + pending) * _SCALES[token], 0, 0
        elif token == "tỷ":
            total, group, pending = (total + group + pending) * 1_000_000_000, 0, 0
        else:
            raise AssertionError(f"unexpected word {token!r} in {text!r}")
    return sign * (total + group + pending)


@pytest.mark.parametrize(("n", "text"), WORDS_TABLE)
def test_parser_agrees_with_table(n: int, text: str) -> None:
    """The test's own reader reads the hand-written table correctly, so it can be trusted."""
    assert parse_words(text) == n


variants = st.fixed_dictionaries(
    {
        "zero_hundred": st.sampled_from(["không trăm", ""]),
        "linh": st.sampled_from(["linh", "lẻ"]),
        "four": st.sampled_from(["bốn", "tư"]),
    }
)


@given(st.integers(min_value=-(10**21), max_value=10**21), variants)
def test_number_to_words_round_trips(n: int, kwargs: dict[str, Any]) -> None:
    """Every integer, in every variant, reads back to itself through an independent parser."""
    assert parse_words(number_to_words(n, **kwargs)) == n


@given(st.integers(min_value=-(10**21), max_value=10**21), variants)
def test_number_to_words_spacing_and_form(n: int, kwargs: dict[str, Any]) -> None:
    """Output is lowercase NFC words separated by single spaces, without padding."""
    text = number_to_words(n, **kwargs)
    assert "  " not in text
    assert text == text.strip()
    assert text == text.lower()
    assert unicodedata.is_normalized("NFC", text)


@given(st.integers(min_value=0, max_value=10**15), variants)
def test_special_units_only_after_tens(n: int, kwargs: dict[str, Any]) -> None:
    """The units "mốt" and "tư" follow only "mươi"; "lăm" follows only "mười" or "mươi"."""
    tokens = number_to_words(n, **kwargs).split(" ")
    for before, word in itertools.pairwise(tokens):
        if word in ("mốt", "tư"):
            assert before == "mươi"
        if word == "lăm":
            assert before in ("mười", "mươi")
    assert tokens[0] not in ("mốt", "tư", "lăm")


@given(st.integers(min_value=1, max_value=10**15))
def test_amount_in_words_shape(n: int) -> None:
    """An amount is the number's words, capitalised, plus " đồng."."""
    words = number_to_words(n)
    assert amount_in_words(n) == words[0].upper() + words[1:] + " đồng."
