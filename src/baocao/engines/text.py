"""Plain-text output: the report as a clerk would read it aloud, paragraph by paragraph.

Paragraphs are separated by a blank line; the lines of one block (header, title,
recipients) stay together. The seed's text form matches this layout.
"""

from __future__ import annotations

from ..layout import Layout, Line, PrintForm, layout
from ..model import Document, ImplementationReport

__all__ = ["render_text", "text_blocks"]


def _table_lines(line: Line) -> str:
    assert line.table is not None
    t = line.table
    rows = [t.header, *t.rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(t.header))]
    fmt = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    rule = "-+-".join("-" * w for w in widths)
    out = [*([t.caption] if t.caption else []), fmt[0], rule, *fmt[1:]]
    return "\n".join(out)


def text_blocks(lay: Layout) -> list[str]:
    """The report's paragraphs (and grouped line blocks) in reading order."""
    h = lay.header
    head: list[str] = []
    if h.issuer_parent:
        head.append(h.issuer_parent)
    head.append(h.issuer_name)
    if h.family == "dang":
        head.append("*")
    head.append(h.symbol)
    blocks = ["\n".join(head), "\n".join([*h.motto, h.place_date])]
    blocks.append("\n".join([h.doc_type, *h.subject]))
    if h.addressees:
        blocks.append("\n".join(h.addressees))
    for line in lay.lines():
        blocks.append(_table_lines(line) if line.role == "table" else line.text)
    if lay.recipients is not None:
        blocks.append(lay.recipients.label)
        blocks.append("\n".join(lay.recipients.lines))
    if lay.signer is not None:
        if lay.signer.lines:
            blocks.append("\n".join(lay.signer.lines))
        blocks.append(lay.signer.name)
    return blocks


def render_text(report: Document | ImplementationReport, form: PrintForm = "official") -> str:
    """The whole report as UTF-8 plain text (NFC), ending with a newline."""
    return "\n\n".join(text_blocks(layout(report, form))) + "\n"
