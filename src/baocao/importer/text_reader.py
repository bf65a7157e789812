"""Plain text and Markdown (text copied from a web page or a PDF) into source blocks.

Every non-empty line is a block; Markdown's ``#`` and ``**…**`` marks are taken
off (bold noted), a pipe table (``| a | b |`` with a ``|---|`` row) and a run of
lines with the same number of tab-separated cells become a table.
"""

from __future__ import annotations

import re

from .source import LAYOUT_CELL, Block, Where

__all__ = ["decode_bytes", "read_text"]

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_BOLD = re.compile(r"^\*\*(.+?)\*\*$|^__(.+?)__$")
_MD_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text of a file and the codec that read it: UTF-8 first, else Windows-1252.

    Files typed with TCVN3 or VNI fonts were saved as single bytes; read as
    cp1252 they give the Latin-1 characters the legacy decoder expects.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def read_text(text: str) -> list[Block]:
    """Split text into blocks, one per non-empty line, tables gathered."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[Block] = []
    blank = False
    i = 0
    while i < len(lines):
        raw = lines[i].rstrip()
        number = i + 1
        if not raw.strip():
            blank, i = True, i + 1
            continue
        if (
            raw.lstrip().startswith("|")
            and i + 1 < len(lines)
            and _MD_RULE.match(lines[i + 1].strip())
        ):
            rows = [tuple(_cells(raw))]
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(tuple(_cells(lines[i])))
                i += 1
            out.extend(_table(rows, number, blank))
            blank = False
            continue
        tabbed = _tab_table(lines, i)
        if tabbed:
            rows = [
                tuple(c.strip() for c in lines[j].strip().split("\t")) for j in range(i, i + tabbed)
            ]
            out.extend(_table(rows, number, blank))
            i += tabbed
            blank = False
            continue
        text_line = _MD_HEADING.sub("", raw.strip())
        bold = None
        m = _MD_BOLD.match(text_line)
        if m:
            text_line, bold = m.group(1) or m.group(2), True
        out.append(Block(text_line, Where("line", number), bold=bold, blank_before=blank))
        blank = False
        i += 1
    return out


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _table(rows: list[tuple[str, ...]], line: int, blank: bool) -> list[Block]:
    """A table, or, when it lays out the header or closing columns, the lines of its cells."""
    text = " ".join(" ".join(r) for r in rows)
    if len(rows) <= 4 and max(len(r) for r in rows) <= 3:
        lines = [(r, c, part.strip()) for r, row in enumerate(rows, start=1)
                 for c, cell in enumerate(row, start=1) for part in _BR.split(cell)]  # fmt: skip
        if LAYOUT_CELL.search("\n".join(t for _r, _c, t in lines)):
            return [
                Block(t, Where("line", line, r, c), blank_before=blank) for r, c, t in lines if t
            ]
    return [Block(_BR.sub(" ", text), Where("line", line), rows=tuple(rows), blank_before=blank)]


def _tab_table(lines: list[str], start: int) -> int:
    """How many lines from ``start`` form a tab-separated table (3+ cells, 2+ lines), else 0."""
    width = lines[start].strip().count("\t") + 1
    if width < 3:
        return 0
    n = 0
    while start + n < len(lines) and lines[start + n].strip().count("\t") + 1 == width:
        n += 1
    return n if n >= 2 else 0
