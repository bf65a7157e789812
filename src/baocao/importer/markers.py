"""Heading and list markers in every form offices type.

PHẦN I, Phần thứ nhất, A., I- / I., 1., 1.1., 1/, (1), a), -, +, *, •.

A marker is read into a kind (the numbering level it belongs to), the number,
and the punctuation after it, so ``I-`` and ``I.`` are one level written two ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["BULLETS", "Marker", "read_marker"]

BULLETS = "-–—+*•·▪○"

_ORDINALS = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_PART = re.compile(
    r"^(?P<m>(?:PHẦN|Phần)\s+(?:(?:THỨ|thứ)\s+(?P<ord>\w+)|(?P<num>[IVXLC]+|\d+)))"
    r"\s*(?P<suffix>[.:\-–]?)\s*"
)
_ROMAN = re.compile(r"^(?P<m>(?P<num>[IVX]+))\s*(?P<suffix>[.\-–/)]|:)\s*(?=\S)")
_UPPER = re.compile(r"^(?P<m>(?P<num>[A-H]))\s*(?P<suffix>[.\-–)])\s+(?=\S)")
_DOTTED = re.compile(r"^(?P<m>(?P<num>\d{1,2}(?:\.\d{1,2})+))(?P<suffix>\.?)\s+(?=\S)")
_ARABIC = re.compile(r"^(?P<m>(?P<num>\d{1,2}))\s*(?P<suffix>[.\-–/)])\s*(?=[^\d\s/.])")
_PAREN = re.compile(r"^(?P<m>\((?P<num>\d{1,2})\))(?P<suffix>)\s*(?=\S)")
_ALPHA = re.compile(r"^(?P<m>(?P<num>[a-zđ]))\s*(?P<suffix>[).])\s+(?=\S)")
_B = re.escape(BULLETS)
_BULLET = re.compile(rf"^(?P<m>[{_B}])(?P<suffix>)(?:\s+(?=[^\s{_B}])|(?=[^\s{_B}\d]))")


@dataclass(frozen=True, slots=True)
class Marker:
    kind: str
    text: str
    """The marker as typed (``I-``, ``2.1.``, ``a)``)."""
    number: int
    suffix: str
    rest: str
    """The text after the marker."""


def _roman_value(text: str) -> int:
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES.get(b, 0) > v else v
    return total


def read_marker(text: str) -> Marker | None:
    """The marker at the start of ``text``, or None for an unnumbered paragraph."""
    t = text.lstrip()
    for kind, pattern in (
        ("part", _PART),
        ("dotted", _DOTTED),
        ("roman", _ROMAN),
        ("upper", _UPPER),
        ("paren", _PAREN),
        ("arabic", _ARABIC),
        ("alpha", _ALPHA),
        ("bullet", _BULLET),
    ):
        m = pattern.match(t)
        if m is None:
            continue
        number = _number(kind, m)
        if number is None:
            continue
        full = t[: m.end("suffix")] if m["suffix"] else m["m"]
        return Marker(kind, full.strip(), number, m["suffix"], t[m.end() :].strip())
    return None


def _number(kind: str, m: re.Match[str]) -> int | None:
    if kind == "bullet":
        return 0
    if kind == "part":
        if m["ord"]:
            return _ORDINALS.get(m["ord"].lower())
        num = m["num"]
        return int(num) if num.isdigit() else _roman_value(num)
    num = m["num"]
    if kind == "roman":
        return _roman_value(num)
    if kind == "dotted":
        return int(num.split(".")[-1])
    if kind in ("upper", "alpha"):
        letters = "abcdđeghiklmnopqrstuvxy"
        return letters.index(num.lower()) + 1 if num.lower() in letters else None
    return int(num)
