"""Tables in a rendered body: where they are, and which ones docxtpl's grid fix would change.

docxtpl's ``fix_tables`` widens or narrows a table's ``<w:tblGrid>`` when a
row has more cells than the grid has columns, or when no row (counting
``gridSpan``) fills it, as ``{%tc for %}`` loops can leave them. Most tables,
and all those of the built-in templates, are already settled; ``grid_is_settled``
tells so from the table's text, so only the others are parsed and fixed. It
answers True only for plain tables it can read fully; anything else (nested
tables, content controls, tracked changes, unusual ``gridSpan``) is given to
``fix_tables``.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar

from ..scoped import scoped

__all__ = ["built_tables", "grid_is_settled", "note_built_table", "top_level_tables"]

_UNREAD = (
    *(b"PrChange", b"GridChange", b"<w:cellIns", b"<w:cellDel", b"<w:cellMerge"),
    *(b"<w:ins ", b"<w:ins>", b"<w:del ", b"<w:del>", b"<w:sdt", b"<w:customXml", b"<mc:"),
)
"""Markup that wraps or duplicates rows, cells or spans in ways a text count would miss."""

_GRID_SPAN = re.compile(rb'<w:gridSpan w:val="(\d+)"/>')
_ROW = re.compile(rb"<w:tr[ >]")


def top_level_tables(xml: bytes) -> Iterator[tuple[int, int]]:
    """Start and end of each ``<w:tbl>`` not inside another, in a well-formed body (UTF-8)."""
    depth = start = 0
    pos = xml.find(b"w:tbl")
    while pos >= 0:
        after = xml[pos + 5 : pos + 6]
        if xml[pos - 1 : pos] == b"<" and after in (b" ", b">"):
            if depth == 0:
                start = pos - 1
            depth += 1
        elif xml[pos - 2 : pos] == b"</" and after == b">":
            depth -= 1
            if depth == 0:
                yield start, pos + 6
        pos = xml.find(b"w:tbl", pos + 5)


def _count(text: bytes, *marks: bytes) -> int:
    return sum(text.count(mark) for mark in marks)


def _rows(table: bytes) -> Iterator[bytes]:
    starts = [m.start() for m in _ROW.finditer(table)]
    for begin, end in zip(starts, [*starts[1:], len(table)], strict=False):
        yield table[begin:end]


def grid_is_settled(table: bytes) -> bool:
    """True when ``fix_tables`` would leave this ``<w:tbl>…</w:tbl>`` exactly as it is.

    That is: no row has more cells than the grid has columns, and some row's
    cells, with their spans, fill the grid. False also when unsure.
    """
    if _count(table, b"<w:tbl>", b"<w:tbl ") != 1 or any(m in table for m in _UNREAD):
        return False
    columns = _count(table, b"<w:gridCol ", b"<w:gridCol/")
    spanned = b"<w:gridSpan" in table
    widest = 0
    for row in _rows(table):
        cells = _count(row, b"<w:tc>", b"<w:tc ")
        if cells > columns:
            return False
        if spanned:
            spans = _GRID_SPAN.findall(row)
            if len(spans) != row.count(b"<w:gridSpan"):
                return False
            cells += sum(int(span) - 1 for span in spans)
        widest = max(widest, cells)
    return widest >= columns


_BUILT: ContextVar[set[bytes] | None] = ContextVar("baocao_built_tables", default=None)


def built_tables() -> contextlib.AbstractContextManager[set[bytes]]:
    """Collect, for the render inside, the tables baocao built itself (``WordTable``).

    Why: their grids are settled by construction (each row's cells, with their
    spans, fill the columns it declares), so a table of the rendered body that
    is byte for byte one of them needs no check; any change on the way (a
    rewritten paragraph) makes it another table, checked as usual.
    """
    return scoped(_BUILT, set())


def note_built_table(markup: str) -> None:
    """Record a ``<w:tbl>`` baocao built, printed into the render in progress."""
    found = _BUILT.get()
    if found is not None:
        found.add(markup.encode("utf-8"))
