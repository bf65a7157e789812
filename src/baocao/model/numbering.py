"""Heading numbering as data: ``PHẦN I`` / ``Phần thứ nhất`` / ``A.`` / ``I-`` / ``1.`` ….

The two families differ only in these labels (format-rules.md §5.1, §10), so the
scheme is a value on the document, not code in a template. A level is written
as its pattern (``"PHẦN I"``, ``"(1)"``, ``"a)"``, ``"+"``) or as fields; its
emphasis follows its *kind* (part, roman, arabic, …), never its depth, so a
Part level above ``I.`` leaves ``1.`` bold and ``a)`` italic.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Literal

from pydantic import Field, model_validator

from ..i18n import _
from .types import Family, Model, Text

__all__ = [
    "BULLET_MARKS",
    "PARTY_NUMBERING",
    "STATE_NUMBERING",
    "VI_ALPHABET",
    "LevelKind",
    "LevelStyle",
    "NumberingScheme",
    "default_numbering",
    "ordinal_word",
    "roman",
]

VI_ALPHABET = "abcdđeghiklmnopqrstuvxy"
"""Letters used for points (điểm): the Vietnamese alphabet without f, j, w, z."""

BULLET_MARKS = ("-", "–", "—", "+", "*", "•", "○", "▪")
"""Marks a bullet level may use; each output prints the mark itself."""

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip

_ORDINALS = (
    "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
    "mười một", "mười hai", "mười ba", "mười bốn", "mười lăm",
    "mười sáu", "mười bảy", "mười tám", "mười chín", "hai mươi",
)  # fmt: skip

LevelKind = Literal[
    "part", "letter", "roman", "arabic", "dotted", "paren", "alpha", "bullet", "plain"
]
"""What a level is, for styling: each kind has one paragraph style in a template pack."""


def roman(n: int) -> str:
    """Upper-case Roman numeral, for parts (phần) and first-level headings."""
    if n <= 0:
        raise ValueError(f"Roman numerals start at 1, got {n}")
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def ordinal_word(n: int) -> str:
    """``nhất``, ``hai``, … ``tư`` (not ``bốn``): the word in "Phần thứ …"."""
    if not 1 <= n <= len(_ORDINALS):
        raise ValueError(f"ordinal words go from 1 to {len(_ORDINALS)}, got {n}")
    return _ORDINALS[n - 1]


_PATTERN = re.compile(
    r"^(?P<prefix>(?:PHẦN|Phần|phần)(?: (?:THỨ|thứ))? |\()?"
    r"(?P<num>[IVXLCDM]+|[A-Z]|\d+(?:\.\d+)+|\d+|[a-zđ]|NHẤT|nhất)"
    r"(?P<suffix>[.\-)/:]?)$"
)


def _parse_pattern(text: str) -> dict[str, Any]:
    """``"PHẦN I"`` → roman with prefix, ``"(1)"`` → arabic in brackets, ``"+"`` → bullet."""
    t = text.strip()
    if t in BULLET_MARKS:
        return {"format": "bullet", "marker": t, "suffix": ""}
    if t in ("", "none"):
        return {"format": "none", "suffix": ""}
    m = _PATTERN.match(t)
    if m is None:
        raise ValueError(
            _(
                "không biết cách đánh số {text!r} (ghi như nhãn đầu tiên: "
                "'PHẦN I', 'Phần thứ nhất', 'A.', 'I-', 'I.', '1.', '1.1.', '1/', '(1)', 'a)', "
                "'-', '+')"
            ).format(text=text)
        )
    prefix, num, suffix = m["prefix"] or "", m["num"], m["suffix"]
    if num.casefold() == "nhất":
        fmt = "ordinal"
    elif "." in num:
        fmt = "dotted"
    elif num.isdigit():
        fmt = "arabic"
    elif num in ("I", "V", "X") or (len(num) > 1 and num.isupper()):
        fmt = "roman"
    elif num.isupper():
        fmt = "letter"
    else:
        fmt = "alpha"
    out: dict[str, Any] = {"format": fmt, "prefix": prefix, "suffix": suffix}
    if fmt == "ordinal":
        out["label_upper"] = num.isupper()
    return out


_FORMAT_KINDS: dict[str, LevelKind] = {
    "roman": "roman",
    "letter": "letter",
    "arabic": "arabic",
    "dotted": "dotted",
    "alpha": "alpha",
    "bullet": "bullet",
    "none": "plain",
}


class LevelStyle(Model):
    """How one heading level is numbered and shown.

    ``bold``, ``italic``, ``upper`` and ``align`` left out (``None``) take the
    default of the level's kind in the document's family.
    """

    format: Literal["roman", "arabic", "dotted", "alpha", "letter", "ordinal", "bullet", "none"]
    prefix: Text = ""
    """Printed before the number: ``PHẦN ``, ``Phần thứ ``, ``(``."""
    suffix: Text = "."
    upper: bool | None = None
    """Heading text is written in capitals (``I- KẾT QUẢ THỰC HIỆN``)."""
    bold: bool | None = None
    italic: bool | None = None
    marker: Text = "-"
    """The bullet mark for ``format: bullet``."""
    align: Literal["center", "left", "justify"] | None = None
    """Centred for parts; ``None`` follows the kind."""
    label_line: bool | None = None
    """The label stands on its own line above the title (``PHẦN I`` / ``TÌNH HÌNH …``)."""
    label_upper: bool = False
    """``PHẦN THỨ NHẤT`` rather than ``Phần thứ nhất`` (ordinal words)."""

    @model_validator(mode="before")
    @classmethod
    def _from_pattern(cls, data: Any) -> Any:
        """Accept the level as its first label: ``"PHẦN I"``, ``"(1)"``, ``"a)"``, ``"•"``."""
        if isinstance(data, str):
            return _parse_pattern(data)
        if isinstance(data, dict) and isinstance(data.get("pattern"), str):
            data = dict(data)
            return {**_parse_pattern(data.pop("pattern")), **data}
        return data

    @property
    def kind(self) -> LevelKind:
        """The styling kind: a ``PHẦN``/``Phần thứ`` prefix makes a part, ``(1)`` a paren."""
        return _level_kind(self.prefix, self.format)

    def resolved(self, family: Family) -> LevelStyle:
        """This level with every ``None`` replaced by its kind's default in ``family``."""
        default = KIND_DEFAULTS[family][self.kind]
        changes = {k: v for k, v in default.items() if getattr(self, k) is None}
        return self.model_copy(update=changes) if changes else self

    def number(self, n: int, path: tuple[int, ...] = ()) -> str:
        """The number part of the label (``IV``, ``2.1``, ``đ``, ``thứ tư``)."""
        if self.format == "roman":
            return roman(n)
        if self.format == "arabic":
            return str(n)
        if self.format == "dotted":
            return ".".join(str(i) for i in (path or (n,)))
        if self.format in ("alpha", "letter"):
            if n > len(VI_ALPHABET):
                raise ValueError(f"more than {len(VI_ALPHABET)} lettered points")
            letter = VI_ALPHABET[n - 1]
            return letter.upper() if self.format == "letter" else letter
        if self.format == "ordinal":
            word = ordinal_word(n)
            return word.upper() if self.label_upper else word
        return ""

    def label(self, n: int, path: tuple[int, ...] = ()) -> str:
        """The printed label of item ``n``; ``path`` holds the numbers a dotted label joins."""
        if self.format == "bullet":
            return self.marker
        if self.format == "none":
            return ""
        return f"{self.prefix}{self.number(n, path)}{self.suffix}"


@functools.lru_cache(maxsize=256)
def _level_kind(prefix: str, format: str) -> LevelKind:
    """Decided once per prefix and format: every heading's label asks, for every level above it."""
    if prefix.strip().casefold().startswith("phần"):
        return "part"
    if format == "ordinal":
        return "part"
    if format == "arabic" and prefix.strip() == "(":
        return "paren"
    return _FORMAT_KINDS[format]


_EMPH = dict[str, Any]
_COMMON: dict[LevelKind, _EMPH] = {
    "part": {"bold": True, "italic": False, "upper": True, "align": "center", "label_line": True},
    "letter": {"bold": True, "italic": False, "upper": True, "align": None, "label_line": False},
    "roman": {"bold": True, "italic": False, "upper": True, "align": None, "label_line": False},
    "arabic": {"bold": True, "italic": False, "upper": False, "align": None, "label_line": False},
    "dotted": {"bold": True, "italic": False, "upper": False, "align": None, "label_line": False},
    "paren": {"bold": False, "italic": False, "upper": False, "align": None, "label_line": False},
    "alpha": {"bold": False, "italic": False, "upper": False, "align": None, "label_line": False},
    "bullet": {"bold": False, "italic": False, "upper": False, "align": None, "label_line": False},
    "plain": {"bold": True, "italic": False, "upper": False, "align": None, "label_line": False},
}
KIND_DEFAULTS: dict[Family, dict[LevelKind, _EMPH]] = {
    # HD 36 practice as in the seed: 2.1. bold italic, a) italic.
    "dang": {
        **_COMMON,
        "dotted": {**_COMMON["dotted"], "italic": True},
        "alpha": {**_COMMON["alpha"], "italic": True},
        "paren": {**_COMMON["paren"], "italic": True},
    },
    "nha_nuoc": dict(_COMMON),
}
"""Emphasis of each kind of level by family (format-rules.md §5.1; parts: common practice)."""


class NumberingScheme(Model):
    """Heading styles from the outermost level inwards."""

    levels: tuple[LevelStyle, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, data: Any) -> Any:
        """``numbering: ["PHẦN I", "I.", "1.", "a)"]`` is the levels list itself."""
        return {"levels": data} if isinstance(data, list) else data

    def style(self, depth: int) -> LevelStyle:
        """Style of a heading at ``depth`` (1-based); deeper levels reuse the last."""
        return self.levels[min(depth, len(self.levels)) - 1]

    def resolved(self, family: Family) -> NumberingScheme:
        """Every level with its kind's defaults filled in for ``family``."""
        levels = [lv.resolved(family) for lv in self.levels]
        if all(a is b for a, b in zip(levels, self.levels, strict=True)):
            return self
        return NumberingScheme(levels=levels)

    def label(self, path: tuple[int, ...]) -> str:
        """The label of the heading at ``path`` (1-based indexes from the top)."""
        st = self.style(len(path))
        joined = tuple(
            i
            for d, i in enumerate(path, start=1)
            if self.style(d).format in ("arabic", "dotted") and self.style(d).kind != "paren"
        )
        return st.label(path[-1], joined)


PARTY_NUMBERING = NumberingScheme(levels=["I-", "1.", "1.1.", "a)", "-"]).resolved("dang")
"""Hướng dẫn 36-HD/VPTW practice, as in the seed: ``I-``, ``1.``, ``2.1.``, ``a)``, ``-``."""

STATE_NUMBERING = NumberingScheme(levels=["I.", "1.", "a)", "-"]).resolved("nha_nuoc")
"""NĐ 30/2020 Phụ lục I báo cáo layout: ``I.``, ``1.``, ``a)``, ``-``."""


def default_numbering(family: Family) -> NumberingScheme:
    """The scheme a family uses unless the document names its own."""
    return PARTY_NUMBERING if family == "dang" else STATE_NUMBERING
