"""Letter case for Vietnamese text (headings, sentence starts; format-rules.md §13).

Python's ``str.upper`` already maps Vietnamese letters (đ → Đ, ủ → Ủ); what goes
wrong in practice is decomposed (NFD) input, where a diacritic is a separate code
point. Every function therefore normalizes to NFC on the way in and on the way out.
"""

from __future__ import annotations

from baocao.vi._checks import nfc

__all__ = ["lower_first", "sentence_case", "upper_vi"]


def upper_vi(text: str) -> str:
    """Upper-case a heading ("Đánh giá chung" → "ĐÁNH GIÁ CHUNG"), returned in NFC.

    >>> upper_vi("đảng ủy")
    'ĐẢNG ỦY'
    """
    return nfc(nfc(text).upper())


def _first_letter(text: str) -> int:
    """Index of the first letter, skipping leading spaces, digits and punctuation; -1 if none."""
    return next((i for i, ch in enumerate(text) if ch.isalpha()), -1)


def sentence_case(text: str) -> str:
    """Capitalise the first letter only; the rest is left alone because it may hold names.

    >>> sentence_case("đảng ủy xã")
    'Đảng ủy xã'
    """
    s = nfc(text)
    i = _first_letter(s)
    if i < 0:
        return s
    return nfc(s[:i] + s[i].upper() + s[i + 1 :])


def lower_first(text: str) -> str:
    """Lower-case the first letter, e.g. a trích yếu placed after "BÁO CÁO".

    A first word written in capitals ("UBND", "BCH") is an abbreviation and stays.

    >>> lower_first("Kết quả thực hiện")
    'kết quả thực hiện'
    >>> lower_first("UBND tỉnh")
    'UBND tỉnh'
    """
    s = nfc(text)
    i = _first_letter(s)
    if i < 0:
        return s
    end = i
    while end < len(s) and s[end].isalpha():
        end += 1
    word = s[i:end]
    if len(word) > 1 and word.isupper():
        return s
    return nfc(s[:i] + s[i].lower() + s[i + 1 :])
