"""A body table as WordprocessingML: merged header cells, aligned numbers, a bold totals row.

Why not a ``{%tc for %}`` loop in the template: docxtpl gives columns made by
a loop equal widths, and reports need the widths the data asks for. The table
refers to the pack's styles by name (``BC Table`` for the borders,
``BC Table Header`` / ``BC Table Text`` for the cells), so a pack restyles it
through its base.docx. Every header row repeats on each page; a small table is
kept on one page (each row kept with the next, rows never split).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from ..layout import TableView

__all__ = ["WordTable"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_JC = {"left": "left", "center": "center", "right": "right"}


@dataclass(frozen=True)
class WordTable:
    """A body table, placed by ``{{p line.table.docx }}``."""

    table: TableView
    width_twips: int

    def column_widths(self) -> list[int]:
        """Twips per column, in the data's proportions, summing to the full width."""
        cols = [round(self.width_twips * f) for f in self.table.widths[:-1]]
        return [*cols, self.width_twips - sum(cols)]

    def _para(self, text: str, style: str, *, align: str | None, bold: bool, keep: bool) -> str:
        lines = _NOT_XML.sub("", text).split("\n")
        runs = "<w:br/>".join(
            f'<w:t xml:space="preserve">{escape(line, quote=False)}</w:t>' for line in lines
        )
        ppr = f'<w:pStyle w:val="{style}"/>'
        if keep:
            ppr += "<w:keepNext/>"
        if align:
            ppr += f'<w:jc w:val="{_JC[align]}"/>'
        rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
        return f"<w:p><w:pPr>{ppr}</w:pPr><w:r>{rpr}{runs}</w:r></w:p>"

    def _cell(self, width: int, content: str, *, span: int = 1, vmerge: str | None = None) -> str:
        props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if span > 1:
            props += f'<w:gridSpan w:val="{span}"/>'
        if vmerge == "restart":
            props += '<w:vMerge w:val="restart"/>'
        elif vmerge == "continue":
            props += "<w:vMerge/>"
        props += '<w:vAlign w:val="center"/>' if vmerge or span > 1 else ""
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"

    def _header_rows(self, keep: bool) -> list[str]:
        t = self.table
        widths = self.column_widths()
        grid: dict[tuple[int, int], tuple[str, int, str | None]] = {
            (0, c): (text, 1, None) for c, text in enumerate(t.header) if not t.header_cells
        }
        for hc in t.header_cells:
            grid[(hc.row, hc.column)] = (hc.text, hc.span, "restart" if hc.rows > 1 else None)
            for dr in range(1, hc.rows):
                grid[(hc.row + dr, hc.column)] = ("", hc.span, "continue")
        rows = []
        for r in range(t.header_rows):
            cells, c = [], 0
            while c < len(widths):
                text, span, vmerge = grid.get((r, c), ("", 1, None))
                para = self._para(text, "BCTableHeader", align=None, bold=False, keep=keep)
                cells.append(self._cell(sum(widths[c : c + span]), para, span=span, vmerge=vmerge))
                c += span
            rows.append(
                f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{''.join(cells)}</w:tr>"
            )
        return rows

    def _row(self, cells: tuple[str, ...], *, bold: bool, keep: bool) -> str:
        aligns = self.table.align or ("left",) * len(cells)
        tcs = "".join(
            self._cell(wd, self._para(c, "BCTableText", align=al, bold=bold, keep=keep))
            for c, wd, al in zip(cells, self.column_widths(), aligns, strict=True)
        )
        return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{tcs}</w:tr>"

    def xml(self) -> str:
        """The ``<w:tbl>`` element."""
        t = self.table
        keep = t.keep_together
        body = [*t.rows, *([t.total] if t.total is not None else [])]
        grid = "".join(f'<w:gridCol w:w="{wd}"/>' for wd in self.column_widths())
        rows = self._header_rows(keep and bool(body))
        for i, r in enumerate(body):
            last = i == len(body) - 1
            is_total = t.total is not None and last
            rows.append(self._row(r, bold=is_total, keep=keep and not last))
        return (
            '<w:tbl><w:tblPr><w:tblStyle w:val="BCTable"/>'
            f'<w:tblW w:w="{self.width_twips}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
            ' w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )

    def __html__(self) -> str:
        """Jinja's autoescape inserts objects with ``__html__`` as they are (like RichText)."""
        return self.xml()

    def __str__(self) -> str:
        return self.xml()
