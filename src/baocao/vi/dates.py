"""Dates as Vietnamese official documents write them (format-rules.md §14).

One padding rule serves both forms: days 1–9 and months 1–2 take a leading zero,
months 3–12 do not ("ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019";
"05/01/2024", "06/3/2018"). The month rule exists so that "tháng 01"/"tháng 02"
cannot be altered into "tháng 11"/"tháng 12" by adding a digit; padding every month
("tháng 08") is a known bug in other renderers.
"""

from __future__ import annotations

import datetime
import re

from baocao.vi._checks import nfc, require_int

__all__ = [
    "BLANK",
    "header_date",
    "parse_short_date",
    "place_date",
    "short_date",
    "vi_date",
]

BLANK = "    "
"""The gap left between two words for a day or month the clerk writes in at issuance."""

_SHORT_DATE = re.compile(r"([0-9]{1,2})([/-])([0-9]{1,2})\2([0-9]{4})", re.ASCII)


def _pad_day(day: int) -> str:
    """Days 1–9 get a leading zero."""
    return f"{day:02d}"


def _pad_month(month: int) -> str:
    """Only January and February get a leading zero (§14: "tháng 01", but "tháng 3")."""
    return f"{month:02d}" if month < 3 else str(month)


def _check(day: int | None, month: int | None, year: int) -> None:
    """Reject out-of-range parts and, when all three are known, impossible dates."""
    require_int(year, "year")
    if not 1 <= year <= 9999:
        raise ValueError(f"year out of range 1..9999: {year}")
    if month is not None and not 1 <= require_int(month, "month") <= 12:
        raise ValueError(f"month out of range 1..12: {month}")
    if day is not None and not 1 <= require_int(day, "day") <= 31:
        raise ValueError(f"day out of range 1..31: {day}")
    if day is not None and month is not None:
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise ValueError(f"no such date: day {day}, month {month}, year {year}") from None


def header_date(day: int | None, month: int | None, year: int) -> str:
    """Long date for the header line; ``None`` leaves a blank for a draft awaiting issuance.

    >>> header_date(5, 1, 2024)
    'ngày 05 tháng 01 năm 2024'
    >>> header_date(None, 12, 2023)
    'ngày    tháng 12 năm 2023'
    """
    _check(day, month, year)
    d = BLANK if day is None else f" {_pad_day(day)} "
    m = BLANK if month is None else f" {_pad_month(month)} "
    return f"ngày{d}tháng{m}năm {year}"


def place_date(place: str, day: int | None, month: int | None, year: int) -> str:
    """The full "Địa danh, ngày … tháng … năm …" line of the header.

    >>> place_date("Hà Nội", 3, 4, 2018)
    'Hà Nội, ngày 03 tháng 4 năm 2018'
    """
    name = nfc(place).strip()
    if not name:
        raise ValueError(f"place must not be empty: {place!r}")
    return f"{name}, {header_date(day, month, year)}"


def vi_date(value: datetime.date) -> str:
    """``header_date`` of a ``date``: the form a template filter receives from the model."""
    if not isinstance(value, datetime.date):
        raise TypeError(f"expected datetime.date, got {type(value).__name__}: {value!r}")
    return header_date(value.day, value.month, value.year)


def short_date(d: datetime.date) -> str:
    """Short date for citations in the body, padded like the header date.

    Reproduces every date in the seed report and format-rules.md ("24/9/2018",
    "06/3/2018", "08/10/2018", "05/01/2024").

    >>> short_date(datetime.date(2018, 3, 6))
    '06/3/2018'
    """
    if not isinstance(d, datetime.date):
        raise TypeError(f"expected datetime.date, got {type(d).__name__}: {d!r}")
    return f"{_pad_day(d.day)}/{_pad_month(d.month)}/{d.year}"


def parse_short_date(text: str) -> datetime.date:
    """Read a d/m/yyyy date however it is padded; "-" is accepted for older Party texts.

    >>> parse_short_date("24/9/2018")
    datetime.date(2018, 9, 24)
    """
    cleaned = nfc(text).strip()
    match = _SHORT_DATE.fullmatch(cleaned)
    if match is None:
        raise ValueError(f"not a d/m/yyyy date: {text!r}")
    day, month, year = int(match[1]), int(match[3]), int(match[4])
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"no such date: {text!r}") from None
