"""The context every .docx template receives: the layout, ready for docxtpl.

Plain strings are escaped by Jinja (autoescape is always on); emphasised runs
travel as docxtpl ``RichText``, which escapes its own text. The keys are the
template authors' contract, documented in docs/template-authoring.md.
"""

from __future__ import annotations

from typing import Any

from docxtpl import RichText

from ..layout import Layout, Line, layout
from ..model import Document, ImplementationReport

__all__ = ["docx_context", "line_context"]


def _rich(line: Line, *, with_label: bool) -> RichText:
    rt = RichText()
    if with_label and line.label:
        rt.add(line.label + " ", bold=line.bold or None, italic=line.italic or None)
    for run in line.runs:
        rt.add(run.text, bold=run.bold or None, italic=run.italic or None)
    return rt


def line_context(line: Line) -> dict[str, Any]:
    """One body line as template data."""
    table = None
    if line.table is not None:
        t = line.table
        table = {
            "caption": t.caption,
            "header": list(t.header),
            "rows": [list(r) for r in t.rows],
            "widths": list(t.widths),
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


def docx_context(report: Document | ImplementationReport, lay: Layout | None = None) -> dict[str, Any]:
    """Everything a template may use; ``report`` is the raw input for custom fields."""
    lay = lay or layout(report)
    h = lay.header
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
        },
        "preamble": [line_context(ln) for ln in lay.preamble],
        "body": [line_context(ln) for ln in lay.body],
        "closing": line_context(lay.closing) if lay.closing else None,
        "signer": (
            {
                "lines": list(lay.signer.lines),
                "authority": lay.signer.authority,
                "title": lay.signer.title,
                "name": lay.signer.name,
            }
            if lay.signer
            else None
        ),
        "recipients": (
            {"label": lay.recipients.label, "lines": list(lay.recipients.lines)}
            if lay.recipients
            else None
        ),
        "report": report.model_dump(mode="json"),
    }
