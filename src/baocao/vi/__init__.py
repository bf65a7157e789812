"""Vietnamese formatting layer: dates, numbers, amounts in words, letter case.

Pure functions with no dependency on the rest of baocao, so templates, the model
and the CLI can all share one definition of "how Vietnamese documents write this".
Every function NFC-normalizes string input, so NFD text formats identically.
See docs/vietnamese-formatting.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from baocao.vi.case import lower_first, sentence_case, upper_vi
from baocao.vi.dates import (
    BLANK,
    header_date,
    parse_short_date,
    place_date,
    short_date,
    vi_date,
)
from baocao.vi.numbers import (
    LOCALE,
    format_count,
    format_fraction,
    format_number,
    format_percent,
)
from baocao.vi.words import Four, Linh, ZeroHundred, amount_in_words, number_to_words

__all__ = [
    "BLANK",
    "FILTERS",
    "LOCALE",
    "Four",
    "Linh",
    "ZeroHundred",
    "amount_in_words",
    "format_count",
    "format_fraction",
    "format_number",
    "format_percent",
    "header_date",
    "lower_first",
    "number_to_words",
    "parse_short_date",
    "place_date",
    "sentence_case",
    "short_date",
    "upper_vi",
    "vi_date",
]

FILTERS: dict[str, Callable[..., Any]] = {
    "bang_chu": amount_in_words,
    "chu_hoa": upper_vi,
    "dem": format_count,
    "ngay": vi_date,
    "ngay_ngan": short_date,
    "phan_tram": format_percent,
    "so": format_number,
}
"""Jinja filters for templates, e.g. ``{{ ngay_ban_hanh|ngay }}``, ``{{ ty_le|phan_tram }}``.

The names are Vietnamese because template authors are Vietnamese clerks who
write ``|ngay`` ("date"), ``|so`` ("number"), ``|phan_tram`` ("percent"),
``|dem`` ("count"), ``|chu_hoa`` ("capitals"), ``|bang_chu`` ("in words")
next to Vietnamese text; ASCII keeps them typeable on any keyboard.
"""
