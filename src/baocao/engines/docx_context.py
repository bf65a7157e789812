"""The context every .docx template receives: the layout, ready for docxtpl.

Plain strings are escaped by Jinja (autoescape is always on); emphasised runs
travel as docxtpl ``RichText``, which escapes its own text, and tables as
:class:`WordTable`, which escapes its cells. The keys are the template authors'
contract, documented in docs/template-authoring.md and docs/formats.md.
"""

from __future__ import annotations

from typing import Any

from ..layout import AppendixView, Layout, Line, SignerView, layout
from ..model import AnyReport
from ..profiles import profile_for
from ..profiles.units import mm_to_twips
from .docx_lines import LineData
from .docx_rules import DrawnLine, rule_lengths
from .docx_table import WordTable

__all__ = ["DrawnLine", "WordTable", "docx_context", "line_context"]


def line_context(line: Line, text_width_twips: int) -> dict[str, Any]:
    """One body line as template data; its table, if any, spans ``text_width_twips``.

    A ``LineData``: the costly fields are made when a template reads them.
    """
    return LineData(line, text_width_twips)


def _signer(s: SignerView) -> dict[str, Any]:
    # ``lines`` is [authority?, title?]; for an acting head ("Q. GIÁM ĐỐC") the title
    # is already in the authority line and is not printed again.
    title_line = s.lines[-1] if len(s.lines) > (1 if s.authority else 0) else None
    return {
        "lines": list(s.lines),
        "authority": s.authority,
        "title": s.title,
        "title_line": title_line,
        "name": s.name,
        "signed_mark": s.signed_mark,
        "digital": s.digital,
    }


def _appendix(a: AppendixView, width: int) -> dict[str, Any]:
    return {
        "label": a.label,
        "title": list(a.title),
        "note": a.note,
        "body": [line_context(ln, width) for ln in a.body],
        "path": a.path,
    }


def docx_context(
    report: AnyReport, lay: Layout | None = None, *, with_report: bool = True
) -> dict[str, Any]:
    """Everything a template may use; ``report`` is the raw input for custom fields.

    ``with_report=False`` leaves ``report`` out (its dump is a sizeable share of
    the context's cost): for templates and hooks that never name it.

    Tables span the text width of the format profile in force for the report
    (its family, on its date).
    """
    lay = lay or layout(report)
    h = lay.header
    profile = profile_for(report)
    width = mm_to_twips(profile.page.text_width_mm)
    ctx: dict[str, Any] = {
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
            "rules": rule_lengths(lay, profile),
            "issuer": [{"text": ln.text, "bold": ln.bold} for ln in h.issuer],
            "separator": h.separator,
            "layout": h.layout,
            "notes": list(h.notes),
            "letter_subject": list(h.letter_subject),
        },
        "preamble": [line_context(ln, width) for ln in lay.preamble],
        "body": [line_context(ln, width) for ln in lay.body],
        "closing": line_context(lay.closing, width) if lay.closing else None,
        "signer": _signer(lay.signer) if lay.signer is not None else None,
        "signers": [_signer(s) for s in lay.signers],
        "appendices": [_appendix(a, width) for a in lay.appendices],
        "recipients": (
            {"label": lay.recipients.label, "lines": list(lay.recipients.lines)}
            if lay.recipients
            else None
        ),
    }
    if with_report:
        ctx["report"] = report.model_dump(mode="json")
    return ctx
