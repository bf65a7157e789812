"""Whole numbers in Vietnamese words, for the "Bằng chữ: …" line under an amount.

Convention (invoices, State Treasury): numbers are read in groups of three digits
with the scales nghìn, triệu, tỷ; beyond tỷ the scales repeat ("một nghìn tỷ").
An all-zero group is skipped, and every group after the first non-zero one is read
in full, so 2024 is "hai nghìn không trăm hai mươi bốn" (not num2words' "hai
nghìn lẻ hai mươi bốn") and 1 000 005 is "một triệu không trăm linh năm".

Regional variants are keyword switches: ``linh="lẻ"`` (northern "linh", southern
"lẻ"), ``four="tư"`` (only after "mươi": "hai mươi tư", but always "bốn", "mười
bốn"), and ``zero_hundred=""`` to drop "không trăm".
"""

from __future__ import annotations

from typing import Literal

from baocao.vi._checks import nfc, require_int

__all__ = ["Four", "Linh", "ZeroHundred", "amount_in_words", "number_to_words"]

ZeroHundred = Literal["không trăm", ""]
"""How an empty hundreds place inside a number is read; "" omits it."""
Linh = Literal["linh", "lẻ"]
"""Word joining hundreds to a single unit: 105 → "một trăm linh năm" / "một trăm lẻ năm"."""
Four = Literal["bốn", "tư"]
"""Unit 4 after "mươi": 24 → "hai mươi bốn" / "hai mươi tư"."""

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ((1_000_000, "triệu"), (1_000, "nghìn"), (1, ""))
_BILLION = 1_000_000_000


def _variant(value: str, allowed: tuple[str, ...], name: str) -> str:
    """NFC-normalize a variant word and refuse anything outside the known readings."""
    word = nfc(value)
    if word not in allowed:
        raise ValueError(f"{name} must be one of {allowed!r}, got {value!r}")
    return word


def _group(n: int, full: bool, zero_hundred: str, linh: str, four: str) -> list[str]:
    """Read 1..999; ``full`` means a higher group precedes, so hundreds are always said."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    elif full:
        words += zero_hundred.split()
    said_hundreds = bool(hundreds) or full
    if tens == 0:
        if units:
            words += [linh, _DIGITS[units]] if said_hundreds else [_DIGITS[units]]
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: four, 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def _below_billion(n: int, full: bool, zero_hundred: str, linh: str, four: str) -> list[str]:
    """Read 1..999 999 999 group by group, skipping all-zero groups."""
    words: list[str] = []
    for size, scale in _SCALES:
        group = n // size % 1000
        if group:
            words += _group(group, full, zero_hundred, linh, four)
            if scale:
                words.append(scale)
            full = True
    return words


def _words(n: int, full: bool, zero_hundred: str, linh: str, four: str) -> list[str]:
    """Read n >= 1; whatever precedes "tỷ" is itself a number, so "tỷ" nests."""
    if n < _BILLION:
        return _below_billion(n, full, zero_hundred, linh, four)
    high, low = divmod(n, _BILLION)
    words = [*_words(high, full, zero_hundred, linh, four), "tỷ"]
    if low:
        words += _below_billion(low, True, zero_hundred, linh, four)
    return words


def number_to_words(
    n: int,
    *,
    zero_hundred: ZeroHundred = "không trăm",
    linh: Linh = "linh",
    four: Four = "bốn",
) -> str:
    """Read an integer in lowercase Vietnamese words; negatives start with "âm".

    >>> number_to_words(2024)
    'hai nghìn không trăm hai mươi bốn'
    >>> number_to_words(105, linh="lẻ")
    'một trăm lẻ năm'
    """
    require_int(n, "n")
    zh = _variant(zero_hundred, ("không trăm", ""), "zero_hundred")
    ln = _variant(linh, ("linh", "lẻ"), "linh")
    fr = _variant(four, ("bốn", "tư"), "four")
    if n == 0:
        return _DIGITS[0]
    words = _words(abs(n), False, zh, ln, fr)
    return " ".join(["âm", *words] if n < 0 else words)


def amount_in_words(
    n: int,
    currency: str = "đồng",
    *,
    zero_hundred: ZeroHundred = "không trăm",
    linh: Linh = "linh",
    four: Four = "bốn",
) -> str:
    """The sentence written after "Bằng chữ:": capitalised, currency appended, final period.

    >>> amount_in_words(2024)
    'Hai nghìn không trăm hai mươi bốn đồng.'
    """
    words = number_to_words(n, zero_hundred=zero_hundred, linh=linh, four=four)
    unit = nfc(currency).strip()
    text = f"{words} {unit}" if unit else words
    return f"{text[0].upper()}{text[1:]}."
