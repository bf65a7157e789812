"""Markdown output: a preview of the report for web systems and chat, from the layout.

The structure (header, title, numbered headings, lists, tables, closing,
recipients, signer) comes from :func:`baocao.layout.layout`; this module only
spells it in CommonMark + GitHub tables. User text is escaped wherever a
character would otherwise change meaning (emphasis, links, raw HTML, a line
that would start a list or heading), so what the clerk typed is what shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..layout import Layout, Line, PrintForm, Run, TableView, layout
from ..model import Document, ImplementationReport

__all__ = ["escape_markdown", "markdown_blocks", "render_markdown"]

_INLINE = re.compile(r"([\\`*_\[\]<>~|])")
"""Characters that mean something anywhere in a line: escape them everywhere."""
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
"""``&amp;`` would print as ``&``; only an ``&`` that looks like an entity needs escaping."""
_LINE_START = re.compile(r"^(?:[#>+=-]|\d+(?=[.)]))")
"""A line starting with these would become a heading, quote, list or rule."""
_SPACES = re.compile(r" {2,}")


def _escape_inline(text: str) -> str:
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))


def _guard_lines(md: str) -> str:
    """Escape what would open a block at the start of each line (``- ``, ``1.``, ``#``)."""
    out = []
    for raw in md.split("\n"):
        # leading blanks never show, and four of them would start a code block
        line = raw.lstrip(" \t")
        m = _LINE_START.match(line)
        if m:
            # "# ", "- ", "> " … escape the mark; "1." / "1)": the punctuation after the digits
            at = m.end() if m.group()[0].isdigit() else 0
            line = f"{line[:at]}\\{line[at:]}"
        out.append(line)
    return "\n".join(out)


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that prints literally."""
    return _guard_lines(_escape_inline(text))


def _keep_blanks(text: str) -> str:
    """Draft blanks (``Số    -BC``) would collapse to one space; keep them as no-break spaces."""
    return _SPACES.sub(lambda m: " " + "\u00a0" * (len(m.group()) - 1), text)


def _emphasis(text: str, bold: bool, italic: bool) -> str:
    """Wrap escaped ``text``; whitespace stays outside the marks so CommonMark sees them."""
    if not (bold or italic) or not text.strip():
        return text
    mark = ("**" if bold else "") + ("*" if italic else "")
    core = text.strip()
    head = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()) :]
    return f"{head}{mark}{core}{mark[::-1]}{tail}"


def _runs(runs: Iterable[Run]) -> str:
    """Runs joined first, then guarded: ``1`` + ``. text`` must not open a list."""
    return _guard_lines("".join(_emphasis(_escape_inline(r.text), r.bold, r.italic) for r in runs))


def _hard_lines(lines: Iterable[str], *, bold: bool = False, italic: bool = False) -> list[str]:
    """Each line escaped and emphasised, draft blanks kept."""
    return [_emphasis(escape_markdown(_keep_blanks(t)), bold, italic) for t in lines if t]


def _stack(lines: Iterable[str]) -> str:
    """Lines of one block kept apart by hard breaks (a backslash at the end of each)."""
    return "\\\n".join(lines)


def _cell(text: str) -> str:
    return escape_markdown(" ".join(text.split()))


def _table(t: TableView) -> str:
    rows = [
        "| " + " | ".join(_cell(c) for c in t.header) + " |",
        "|" + "|".join(" --- " for _ in t.header) + "|",
        *("| " + " | ".join(_cell(c) for c in r) + " |" for r in t.rows),
    ]
    if t.caption:
        rows.insert(0, _emphasis(escape_markdown(t.caption), False, True) + "\n")
    return "\n".join(rows)


def _heading(line: Line) -> str:
    """``## I- TITLE``: the heading level carries the weight, italic levels stay italic."""
    hashes = "#" * min(line.level + 1, 6)
    text = _escape_inline(" ".join(line.text.split()))
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # a trailing " #" would be read as a closing sequence
    return f"{hashes} {_emphasis(text, False, line.italic)}"


def _list_item(line: Line) -> str:
    """``- item`` for any bullet mark, ``3. item`` for numbered lines."""
    mark = line.label if line.role == "numbered" else "-"
    return f"{mark} {_runs(line.runs)}"


def _list_key(line: Line) -> str:
    """Items of one list share their block's path; a new list starts a new block."""
    return line.path.rsplit(".items[", 1)[0]


def _body(lines: Iterable[Line]) -> list[str]:
    blocks: list[str] = []
    prev: Line | None = None
    for line in lines:
        if line.role in ("bullet", "numbered"):
            item = _list_item(line)
            same_list = (
                prev is not None and prev.role == line.role and _list_key(prev) == _list_key(line)
            )
            if same_list:
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
        elif line.role == "heading":
            blocks.append(_heading(line))
        elif line.role == "table" and line.table is not None:
            blocks.append(_table(line.table))
        else:
            blocks.append(_runs(line.runs))
        prev = line
    return blocks


def markdown_blocks(lay: Layout) -> list[str]:
    """The report as Markdown blocks (to be joined by blank lines), in reading order."""
    h = lay.header
    left = [
        *_hard_lines([h.issuer_parent or ""]),
        *_hard_lines([h.issuer_name], bold=True),
        *(["\\*"] if h.family == "dang" else []),
        *_hard_lines([h.symbol]),
    ]
    right = [*_hard_lines(h.motto, bold=True), *_hard_lines([h.place_date], italic=True)]
    blocks = [_stack(left), _stack(right), f"# {escape_markdown(h.doc_type)}"]
    if h.subject:
        blocks.append(_stack(_hard_lines(h.subject, bold=True)))
    if h.addressees:
        blocks.append(_stack(_hard_lines(h.addressees)))
    blocks.extend(_body(lay.lines()))
    if lay.recipients is not None:
        r = lay.recipients
        blocks.append(
            _stack([*_hard_lines([r.label], bold=True, italic=True), *_hard_lines(r.lines)])
        )
    if lay.signer is not None:
        if lay.signer.lines:
            blocks.append(_stack(_hard_lines(lay.signer.lines, bold=True)))
        blocks.append(_stack(_hard_lines([lay.signer.name], bold=True)))
    return blocks


def render_markdown(report: Document | ImplementationReport, form: PrintForm = "official") -> str:
    """The whole report as Markdown (UTF-8, NFC), ending with a newline."""
    return "\n\n".join(markdown_blocks(layout(report, form))) + "\n"
