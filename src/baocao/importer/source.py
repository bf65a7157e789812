"""What a reader hands the recognizers: the document's blocks in order, each with its place.

Readers (plain text, .docx) differ in what they know: a text file knows lines,
a Word file knows paragraphs, bold runs, alignment, automatic numbering and
table cells. The recognizers see one shape, so each rule is written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

__all__ = ["LAYOUT_CELL", "Block", "Run", "Where"]

LAYOUT_CELL = re.compile(
    r"(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập"
    r"|^Số\s*(?::\s*)?(?:\d+\s*)?[-/]|Nơi nhận|^(T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.)|, ngày)",
    re.MULTILINE,
)
"""Text that marks a table as the layout of the header or the closing, not a table of figures."""


@dataclass(frozen=True, slots=True)
class Where:
    """A place in the source: a text line, a Word paragraph, or a table cell."""

    kind: Literal["line", "paragraph", "table"]
    index: int
    """1-based line or paragraph number; for a table, the table's number."""
    row: int | None = None
    col: int | None = None
    part: int | None = None
    """Which piece of a line split into columns (tabs, wide gaps): 1-based."""

    def __str__(self) -> str:
        names = {"line": "dòng", "paragraph": "đoạn", "table": "bảng"}
        text = f"{names[self.kind]} {self.index}"
        if self.row is not None:
            text += f", hàng {self.row}, ô {self.col}"
        if self.part is not None:
            text += f", phần {self.part}"
        return text

    def as_tuple(self) -> tuple[str | int, ...]:
        """The input location tuple shared with the layout: ``("paragraph", 12)``."""
        out: list[str | int] = [self.kind, self.index]
        if self.row is not None and self.col is not None:
            out += [self.row, self.col]
        if self.part is not None:
            out += ["part", self.part]
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a paragraph with one emphasis, as Word stored it."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph (or table) of the source.

    ``bold``/``italic`` are ``None`` when the reader cannot know (plain text);
    ``auto_marker`` is the number Word's automatic numbering draws before the
    text, which the text itself does not contain.
    """

    text: str
    where: Where
    runs: tuple[Run, ...] = ()
    bold: bool | None = None
    italic: bool | None = None
    centered: bool = False
    style: str = ""
    auto_marker: str = ""
    rows: tuple[tuple[str, ...], ...] | None = None
    """A table's cells, row by row (merged cells repeated as Word reports them)."""
    header: tuple[tuple[tuple[str, int, int], ...], ...] | None = None
    """Header rows with merged cells, ``(text, columns, rows)`` each, when Word merged some."""
    list_level: int = 0
    """Nesting depth of a list paragraph in Word (1 = outermost); 0 when unknown."""
    blank_before: bool = False
    """A plain-text reader saw an empty line before this one."""
    notes: tuple[str, ...] = field(default=())

    @property
    def is_table(self) -> bool:
        return self.rows is not None

    def with_text(self, text: str) -> Block:
        """The same block holding other text (runs dropped when they no longer match)."""
        runs = self.runs if "".join(r.text for r in self.runs) == text else ()
        return replace(self, text=text, runs=runs)
