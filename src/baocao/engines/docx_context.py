"""The context every .docx template receives: the layout, ready for docxtpl.

Plain strings are escaped by Jinja (autoescape is always on); emphasised runs
travel as docxtpl ``RichText``, which escapes its own text, and tables as
:class:`WordTable`, which escapes its cells. The keys are the template authors'
contract, documented in docs/template-authoring.md and docs/formats.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Any

from docxtpl import RichText

from ..layout import Layout, Line, TableView, layout
from ..model import Document, ImplementationReport
from ..profiles import profile_for
from ..profiles.units import mm_to_twips

__all__ = ["WordTable", "docx_context", "line_context"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class WordTable:
    """A body table as WordprocessingML, placed by ``{{p line.table.docx }}``.

    Why not a ``{%tc for %}`` loop in the template: docxtpl gives columns made by
    a loop equal widths, and reports need the widths the data asks for. The
    table refers to the pack's styles by name (``BC Table`` for the borders,
    ``BC Table Header`` / ``BC Table Text`` for the cells), so a pack restyles it
    through its base.docx. The header row repeats on every page.
    """

    table: TableView
    width_twips: int

    def column_widths(self) -> list[int]:
        """Twips per column, in the data's proportions, summing to the full width."""
        cols = [round(self.width_twips * f) for f in self.table.widths[:-1]]
        return [*cols, self.width_twips - sum(cols)]

    def _cell(self, text: str, width: int, style: str) -> str:
        lines = _NOT_XML.sub("", text).split("\n")
        runs = "<w:br/>".join(
            f'<w:t xml:space="preserve">{escape(line, quote=False)}</w:t>' for line in lines
        )
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r>{runs}</w:r></w:p></w:tc>'
        )

    def _row(self, cells: tuple[str, ...], style: str, *, header: bool) -> str:
        props = "<w:cantSplit/><w:tblHeader/>" if header else "<w:cantSplit/>"
        tcs = "".join(
            self._cell(c, wd, style) for c, wd in zip(cells, self.column_widths(), strict=True)
        )
        return f"<w:tr><w:trPr>{props}</w:trPr>{tcs}</w:tr>"

    def xml(self) -> str:
        """The ``<w:tbl>`` element."""
        grid = "".join(f'<w:gridCol w:w="{wd}"/>' for wd in self.column_widths())
        rows = [self._row(self.table.header, "BCTableHeader", header=True)]
        rows += [self._row(r, "BCTableText", header=False) for r in self.table.rows]
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


def _rich(line: Line, *, with_label: bool) -> RichText:
    rt = RichText()
    if with_label and line.label:
        rt.add(line.label + " ", bold=line.bold or None, italic=line.italic or None)
    for run in line.runs:
        rt.add(run.text, bold=run.bold or None, italic=run.italic or None)
    return rt


def line_context(line: Line, text_width_twips: int) -> dict[str, Any]:
    """One body line as template data; its table, if any, spans ``text_width_twips``."""
    table = None
    if line.table is not None:
        t = line.table
        table = {
            "caption": t.caption,
            "header": list(t.header),
            "rows": [list(r) for r in t.rows],
            "widths": list(t.widths),
            "docx": WordTable(t, text_width_twips),
        }
    return {
        "role": line.role,
        "label": line.label,
        "level": line.level,
        "text": line.text,
        "body_text": line.body_text,
        "rich": _rich(line, with_label=True),
        "rich_body": _rich(line, with_label=False),
        "bold": line.bold,
        "italic": line.italic,
        "table": table,
        "path": line.path,
    }


def _signer(lay: Layout) -> dict[str, Any] | None:
    s = lay.signer
    if s is None:
        return None
    # ``lines`` is [authority?, title?]; for an acting head ("Q. GIÁM ĐỐC") the title
    # is already in the authority line and is not printed again.
    title_line = s.lines[-1] if len(s.lines) > (1 if s.authority else 0) else None
    return {
        "lines": list(s.lines),
        "authority": s.authority,
        "title": s.title,
        "title_line": title_line,
        "name": s.name,
    }


def docx_context(
    report: Document | ImplementationReport, lay: Layout | None = None
) -> dict[str, Any]:
    """Everything a template may use; ``report`` is the raw input for custom fields.

    Tables span the text width of the format profile in force for the report
    (its family, on its date).
    """
    lay = lay or layout(report)
    h = lay.header
    page = profile_for(report).page
    width = mm_to_twips(page.text_width_mm)
    return {
        "family": h.family,
        "draft": h.is_draft,
        "header": {
            "motto": list(h.motto),
            "issuer_parent": h.issuer_parent,
            "issuer_name": h.issuer_name,
            "symbol": h.symbol,
            "place_date": h.place_date,
            "doc_type": h.doc_type,
            "subject": list(h.subject),
            "addressees": list(h.addressees),
            "issuer": [{"text": ln.text, "bold": ln.bold} for ln in h.issuer],
            "separator": h.separator,
            "layout": h.layout,
            "notes": list(h.notes),
        },
        "preamble": [line_context(ln, width) for ln in lay.preamble],
        "body": [line_context(ln, width) for ln in lay.body],
        "closing": line_context(lay.closing, width) if lay.closing else None,
        "signer": _signer(lay),
        "recipients": (
            {"label": lay.recipients.label, "lines": list(lay.recipients.lines)}
            if lay.recipients
            else None
        ),
        "report": report.model_dump(mode="json"),
    }
