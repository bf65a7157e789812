"""Plain-text output: the report as a clerk would read it aloud, paragraph by paragraph.

Paragraphs are separated by a blank line; the lines of one block (header, title,
a heading's lines, recipients) stay together. Nested list items are indented two
spaces a level; number columns of a table are right-aligned; two signers stand
side by side. The seed's text form matches this layout.
"""

from __future__ import annotations

from ..layout import AppendixView, Layout, Line, PrintForm, SignerView, TableView, layout
from ..model import AnyReport

__all__ = ["render_text", "text_blocks"]

_SIGNER_COLUMN = 40
"""Least width of the left signer's column when two sign side by side."""


def _header_grid(t: TableView) -> list[list[str]]:
    """Header rows as a grid: a merged cell's text in its first column, blanks under it."""
    n = len(t.header)
    if not t.header_cells:
        return [list(t.header)]
    grid = [[""] * n for _ in range(t.header_rows)]
    for hc in t.header_cells:
        grid[hc.row][hc.column] = hc.text
    return grid


def _table_lines(t: TableView) -> str:
    head = _header_grid(t)
    body = [list(r) for r in t.rows]
    total = [list(t.total)] if t.total is not None else []
    rows = [*head, *body, *total]
    widths = [max(len(r[i]) for r in rows) for i in range(len(t.header))]
    for hc in t.header_cells:  # a merged cell wider than its columns widens the last one
        room = sum(widths[hc.column : hc.column + hc.span]) + 3 * (hc.span - 1)
        if len(hc.text) > room:
            widths[hc.column + hc.span - 1] += len(hc.text) - room
    aligns = t.align or ("left",) * len(widths)

    def fmt(r: list[str], aligned: bool) -> str:
        cells = [
            c.rjust(w) if aligned and a == "right" else c.center(w) if aligned and a == "center"
            else c.ljust(w)
            for c, w, a in zip(r, widths, aligns, strict=True)
        ]  # fmt: skip
        return " | ".join(cells).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    out = [*([t.caption] if t.caption else []), *([t.unit] if t.unit else [])]
    out += [fmt(r, False) for r in head] + [rule] + [fmt(r, True) for r in body]
    if total:
        out += [rule, fmt(total[0], True)]
    return "\n".join(out)


def _line(line: Line) -> str:
    if line.role == "table" and line.table is not None:
        return _table_lines(line.table)
    return "  " * line.indent + line.text


def _signer_lines(s: SignerView) -> list[str]:
    mark = [s.signed_mark] if s.signed_mark else [""]
    digital = [s.digital] if s.digital else []
    return [*s.lines, *mark, s.name, *digital]


def _signer_blocks(signers: tuple[SignerView, ...]) -> list[str]:
    if len(signers) == 1:
        s = signers[0]
        head = ["\n".join(s.lines)] if s.lines else []
        mark = [s.signed_mark] if s.signed_mark else []
        return [*head, *mark, "\n".join([s.name, *([s.digital] if s.digital else [])])]
    columns = [_signer_lines(s) for s in signers]
    height = max(len(c) for c in columns)
    # Each column keeps its name at the bottom, so the names stand level.
    columns = [[*c[:-1], *[""] * (height - len(c)), c[-1]] for c in columns]
    width = max(_SIGNER_COLUMN, *(len(x) + 2 for c in columns[:-1] for x in c))
    rows = [
        "".join(cell.ljust(width) for cell in row[:-1]) + row[-1]
        for row in zip(*columns, strict=True)
    ]
    return ["\n".join(r.rstrip() for r in rows)]


def _appendix(a: AppendixView) -> list[str]:
    head = "\n".join([a.label, *a.title, *([a.note] if a.note else [])])
    return [head, *(_line(ln) for ln in a.body)]


def text_blocks(lay: Layout) -> list[str]:
    """The report's paragraphs (and grouped line blocks) in reading order."""
    h = lay.header
    head = [ln.text for ln in h.issuer]
    head += [t for t in (h.mark, h.symbol) if t]
    head += h.letter_subject
    blocks = ["\n".join(head), "\n".join([*h.motto, h.place_date])]
    if h.title_lines:
        blocks.append("\n".join(h.title_lines))
    if h.addressees:
        blocks.append("\n".join(h.addressees))
    blocks += [_line(line) for line in lay.lines()]
    joint = len(lay.signers) > 1
    if joint:  # printed as in the document: the signers first, Nơi nhận under them
        blocks += _signer_blocks(lay.signers)
    if lay.recipients is not None:
        blocks.append(lay.recipients.label)
        blocks.append("\n".join(lay.recipients.lines))
    if lay.signers and not joint:
        blocks += _signer_blocks(lay.signers)
    for a in lay.appendices:
        blocks += _appendix(a)
    return blocks


def render_text(report: AnyReport, form: PrintForm = "official") -> str:
    """The whole report as UTF-8 plain text (NFC), ending with a newline."""
    return "\n\n".join(text_blocks(layout(report, form))) + "\n"
