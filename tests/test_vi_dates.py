"""Tests for baocao.vi.dates: header dates, short dates and their padding rule."""

from __future__ import annotations

import datetime
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.vi.dates import (
    header_date,
    parse_short_date,
    place_date,
    short_date,
    vi_date,
)

# Every d/m/yyyy date in seed-report.txt and in format-rules.md, exactly as written.
SEED_SHORT_DATES = [
    "06/3/2018",
    "08/10/2018",
    "13/12/2023",
    "22/9/2017",
    "24/9/2018",
    "27/11/2023",
    "28/3/2018",
    "30/12/2022",
]
RULES_SHORT_DATES = [
    "01/10/1997",
    "01/7/2025",
    "03/4/2018",
    "05/01/2024",
    "05/3/2020",
    "05/9/2026",
    "06/02/2017",
    "09/01/2026",
    "25/10/2017",
    "27/5/2026",
]


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        (5, 1, 2024, "ngày 05 tháng 01 năm 2024"),
        (15, 12, 2023, "ngày 15 tháng 12 năm 2023"),
        (24, 9, 2018, "ngày 24 tháng 9 năm 2018"),
        (5, 1, 2020, "ngày 05 tháng 01 năm 2020"),
        (29, 6, 2019, "ngày 29 tháng 6 năm 2019"),
        (3, 4, 2018, "ngày 03 tháng 4 năm 2018"),
        (9, 1, 2026, "ngày 09 tháng 01 năm 2026"),
        (20, 2, 2018, "ngày 20 tháng 02 năm 2018"),
        (1, 3, 2018, "ngày 01 tháng 3 năm 2018"),
        (10, 10, 2010, "ngày 10 tháng 10 năm 2010"),
        (29, 2, 2024, "ngày 29 tháng 02 năm 2024"),
        (31, 12, 1999, "ngày 31 tháng 12 năm 1999"),
    ],
)
def test_header_date_examples(day: int, month: int, year: int, expected: str) -> None:
    """Header dates pad days 1-9 and months 1-2 only, as in format-rules.md §14."""
    assert header_date(day, month, year) == expected


@pytest.mark.parametrize(
    ("day", "month", "expected"),
    [
        (None, 12, "ngày    tháng 12 năm 2023"),
        (None, None, "ngày    tháng    năm 2023"),
        (5, None, "ngày 05 tháng    năm 2023"),
        (31, None, "ngày 31 tháng    năm 2023"),
        (None, 2, "ngày    tháng 02 năm 2023"),
    ],
)
def test_header_date_blanks(day: int | None, month: int | None, expected: str) -> None:
    """A missing day or month leaves a four-space gap for the clerk to fill in."""
    assert header_date(day, month, 2023) == expected


@given(st.dates(min_value=datetime.date(1, 1, 1)))
def test_header_date_padding_property(d: datetime.date) -> None:
    """The day always has two digits; the month has two digits exactly when it is 1 or 2."""
    words = header_date(d.day, d.month, d.year).split(" ")
    assert words[0::2] == ["ngày", "tháng", "năm"]
    day_text, month_text, year_text = words[1::2]
    assert len(day_text) == 2 and int(day_text) == d.day
    assert int(month_text) == d.month
    assert month_text.startswith("0") == (d.month < 3)
    assert year_text == str(d.year)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        (0, 1, 2024, "day out of range 1..31: 0"),
        (32, 1, 2024, "day out of range 1..31: 32"),
        (-1, None, 2024, "day out of range 1..31: -1"),
        (32, None, 2024, "day out of range 1..31: 32"),
        (1, 0, 2024, "month out of range 1..12: 0"),
        (1, 13, 2024, "month out of range 1..12: 13"),
        (None, 13, 2024, "month out of range 1..12: 13"),
        (1, 1, 0, "year out of range 1..9999: 0"),
        (1, 1, 10000, "year out of range 1..9999: 10000"),
    ],
)
def test_header_date_rejects_out_of_range(
    day: int | None, month: int | None, year: int, message: str
) -> None:
    """An out-of-range part raises ValueError naming the part and its bad value."""
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        header_date(day, month, year)


@pytest.mark.parametrize(
    ("day", "month", "year"), [(31, 2, 2024), (30, 2, 2024), (29, 2, 2023), (31, 4, 2024)]
)
def test_header_date_rejects_impossible_dates(day: int, month: int, year: int) -> None:
    """A day that does not exist in its month raises ValueError naming the date."""
    with pytest.raises(ValueError, match=rf"day {day}, month {month}, year {year}"):
        header_date(day, month, year)


@pytest.mark.parametrize(
    ("day", "month", "year"), [(True, 1, 2024), (1, 1.0, 2024), (1, 1, "2024")]
)
def test_header_date_rejects_non_integers(day: object, month: object, year: object) -> None:
    """Booleans, floats and strings are refused with TypeError instead of being coerced."""
    with pytest.raises(TypeError):
        header_date(day, month, year)  # type: ignore[arg-type]


def test_place_date() -> None:
    """The place comes first, followed by a comma and the header date."""
    assert place_date("Huyện X", 5, 1, 2024) == "Huyện X, ngày 05 tháng 01 năm 2024"
    assert place_date("Hà Nội", 9, 1, 2026) == "Hà Nội, ngày 09 tháng 01 năm 2026"
    assert place_date("  Hạ Long ", None, 2, 2018) == "Hạ Long, ngày    tháng 02 năm 2018"


def test_place_date_nfd_input_gives_nfc_output() -> None:
    """A decomposed (NFD) place name produces the same NFC line as the composed one."""
    nfd = unicodedata.normalize("NFD", "Thành phố Hồ Chí Minh")
    assert nfd != "Thành phố Hồ Chí Minh"
    result = place_date(nfd, 15, 12, 2023)
    assert result == "Thành phố Hồ Chí Minh, ngày 15 tháng 12 năm 2023"
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize("place", ["", "   "])
def test_place_date_rejects_empty_place(place: str) -> None:
    """An empty place is a data error, not something to render as ", ngày …"."""
    with pytest.raises(ValueError, match="place"):
        place_date(place, 1, 1, 2024)


def test_vi_date_uses_header_date() -> None:
    """vi_date formats a date object (or datetime) exactly like header_date."""
    assert vi_date(datetime.date(2024, 1, 5)) == "ngày 05 tháng 01 năm 2024"
    assert vi_date(datetime.datetime(2018, 9, 24, 8, 30)) == "ngày 24 tháng 9 năm 2018"
    with pytest.raises(TypeError):
        vi_date("2024-01-05")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (datetime.date(2018, 9, 24), "24/9/2018"),
        (datetime.date(2018, 3, 6), "06/3/2018"),
        (datetime.date(2018, 10, 8), "08/10/2018"),
        (datetime.date(2017, 9, 22), "22/9/2017"),
        (datetime.date(2024, 1, 5), "05/01/2024"),
        (datetime.date(2017, 2, 6), "06/02/2017"),
        (datetime.date(2025, 7, 1), "01/7/2025"),
    ],
)
def test_short_date_examples(d: datetime.date, expected: str) -> None:
    """Short dates pad the day to two digits and the month only when it is 1 or 2."""
    assert short_date(d) == expected


@pytest.mark.parametrize("text", SEED_SHORT_DATES + RULES_SHORT_DATES)
def test_short_date_reproduces_reference_dates(text: str) -> None:
    """Every short date in the seed report and format-rules.md is reproduced exactly."""
    assert short_date(parse_short_date(text)) == text


def test_short_date_rejects_non_dates() -> None:
    """A string is refused with TypeError rather than echoed back."""
    with pytest.raises(TypeError):
        short_date("24/9/2018")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24/9/2018", datetime.date(2018, 9, 24)),
        ("06/03/2018", datetime.date(2018, 3, 6)),
        ("1/1/2020", datetime.date(2020, 1, 1)),
        ("05/01/2024", datetime.date(2024, 1, 5)),
        (" 29/2/2024\n", datetime.date(2024, 2, 29)),
        ("01-10-1997", datetime.date(1997, 10, 1)),
    ],
)
def test_parse_short_date_accepts(text: str, expected: datetime.date) -> None:
    """Any padding is accepted, surrounding whitespace is ignored, and "-" works like "/"."""
    assert parse_short_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "24/9",
        "24/9/18",
        "2018-09-24",
        "24/9-2018",
        "24.9.2018",
        "31/2/2024",
        "0/1/2024",
        "1/13/2024",
        "1/1/0000",
        "ngày 24/9/2018",
        "１/1/2020",
        "123/1/2020",
    ],
)
def test_parse_short_date_rejects(text: str) -> None:
    """Malformed or impossible input raises ValueError quoting the text."""
    with pytest.raises(ValueError) as info:
        parse_short_date(text)
    assert repr(text) in str(info.value)


def test_parse_short_date_rejects_non_strings() -> None:
    """A non-string is refused with TypeError."""
    with pytest.raises(TypeError):
        parse_short_date(20180924)  # type: ignore[arg-type]


@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_short_date_round_trips(d: datetime.date) -> None:
    """parse_short_date inverts short_date for every four-digit year."""
    assert parse_short_date(short_date(d)) == d
