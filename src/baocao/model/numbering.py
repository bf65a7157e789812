"""Heading numbering as data: Party ``I-`` / ``1.`` / ``1.1.`` / ``a)`` / ``-``, State ``I.`` ….

The two families differ only in these labels (format-rules.md §5.1, §10), so the
scheme is a value on the document, not code in a template.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .types import Family, Model, Text

__all__ = [
    "PARTY_NUMBERING",
    "STATE_NUMBERING",
    "VI_ALPHABET",
    "LevelStyle",
    "NumberingScheme",
    "default_numbering",
    "roman",
]

VI_ALPHABET = "abcdđeghiklmnopqrstuvxy"
"""Letters used for points (điểm): the Vietnamese alphabet without f, j, w, z."""

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


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


class LevelStyle(Model):
    """How one heading level is numbered and shown."""

    format: Literal["roman", "arabic", "dotted", "alpha", "bullet", "none"]
    suffix: Text = "."
    upper: bool = False
    """Heading text is written in capitals (``I- KẾT QUẢ THỰC HIỆN``)."""
    bold: bool = True
    italic: bool = False
    marker: Text = "-"
    """The bullet mark for ``format: bullet``."""


class NumberingScheme(Model):
    """Heading styles from the outermost level inwards."""

    levels: list[LevelStyle] = Field(min_length=1)

    def style(self, depth: int) -> LevelStyle:
        """Style of a heading at ``depth`` (1-based); deeper levels reuse the last."""
        return self.levels[min(depth, len(self.levels)) - 1]

    def label(self, path: tuple[int, ...]) -> str:
        """The label of the heading at ``path`` (1-based indexes from the top)."""
        depth = len(path)
        st = self.style(depth)
        n = path[-1]
        if st.format == "roman":
            return roman(n) + st.suffix
        if st.format == "arabic":
            return f"{n}{st.suffix}"
        if st.format == "dotted":
            nums = [
                str(i)
                for d, i in enumerate(path, start=1)
                if self.style(d).format in ("arabic", "dotted")
            ]
            return ".".join(nums) + st.suffix
        if st.format == "alpha":
            if n > len(VI_ALPHABET):
                raise ValueError(f"more than {len(VI_ALPHABET)} lettered points")
            return VI_ALPHABET[n - 1] + st.suffix
        if st.format == "bullet":
            return st.marker
        return ""


PARTY_NUMBERING = NumberingScheme(
    levels=[
        LevelStyle(format="roman", suffix="-", upper=True),
        LevelStyle(format="arabic", suffix="."),
        LevelStyle(format="dotted", suffix=".", italic=True),
        LevelStyle(format="alpha", suffix=")", bold=False, italic=True),
        LevelStyle(format="bullet", bold=False),
    ]
)
"""Hướng dẫn 36-HD/VPTW practice, as in the seed: ``I-``, ``1.``, ``2.1.``, ``a)``, ``-``."""

STATE_NUMBERING = NumberingScheme(
    levels=[
        LevelStyle(format="roman", suffix=".", upper=True),
        LevelStyle(format="arabic", suffix="."),
        LevelStyle(format="alpha", suffix=")", bold=False),
        LevelStyle(format="bullet", bold=False),
    ]
)
"""NĐ 30/2020 Phụ lục I báo cáo layout: ``I.``, ``1.``, ``a)``, ``-``."""


def default_numbering(family: Family) -> NumberingScheme:
    """The scheme a family uses unless the document names its own."""
    return PARTY_NUMBERING if family == "dang" else STATE_NUMBERING
