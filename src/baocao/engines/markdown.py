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
from ..model import AnyReport

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


def _merged(runs: Iterable[Run]) -> list[Run]:
    """Neighbouring runs of one emphasis as one (``**a) Về …:**``, not ``**a)** **Về …:**``)."""
    out: list[Run] = []
    for r in runs:
        if out and (out[-1].bold, out[-1].italic) == (r.bold, r.italic):
            out[-1] = Run(out[-1].text + r.text, r.bold, r.italic)
        else:
            out.append(r)
    return out


def _runs(runs: Iterable[Run]) -> str:
    """Runs joined first, then guarded: ``1`` + ``. text`` must not open a list."""
    pieces = (_emphasis(_escape_inline(r.text), r.bold, r.italic) for r in _merged(runs))
    return _guard_lines("".join(pieces))


def _hard_lines(lines: Iterable[str], *, bold: bool = False, italic: bool = False) -> list[str]:
    """Each line escaped and emphasised, draft blanks kept."""
    return [_emphasis(escape_markdown(_keep_blanks(t)), bold, italic) for t in lines if t]


def _stack(lines: Iterable[str]) -> str:
    """Lines of one block kept apart by hard breaks (a backslash at the end of each)."""
    return "\\\n".join(lines)


def _cell(text: str) -> str:
    """Inside a table row nothing starts a line: ``5.950`` needs no guard."""
    return _escape_inline(" ".join(text.split()))


def _column_names(t: TableView) -> list[str]:
    """Markdown has one header row: a merged cell's text leads each column under it."""
    names = list(t.header)
    if t.header_rows > 1:
        over: list[list[str]] = [[] for _ in names]
        for hc in t.header_cells:
            if hc.row + hc.rows < t.header_rows:
                for c in range(hc.column, hc.column + hc.span):
                    over[c].append(hc.text)
        names = [" - ".join([*o, n]) if o else n for o, n in zip(over, names, strict=True)]
    return names


_RULE = {"left": " --- ", "right": " ---: ", "center": " :---: "}


def _table(t: TableView) -> str:
    aligns = t.align or ("left",) * len(t.header)
    rows = [
        "| " + " | ".join(_cell(c) for c in _column_names(t)) + " |",
        "|" + "|".join(_RULE[a] for a in aligns) + "|",
        *("| " + " | ".join(_cell(c) for c in r) + " |" for r in t.rows),
    ]
    if t.total is not None:
        rows.append("| " + " | ".join(_emphasis(_cell(c), True, False) for c in t.total) + " |")
    head = [_emphasis(escape_markdown(x), False, True) for x in (t.caption, t.unit) if x]
    return "\\\n".join(head) + "\n\n" + "\n".join(rows) if head else "\n".join(rows)


def _heading(line: Line) -> str:
    """``## I- TITLE``: the heading level carries the weight; each printed line kept apart."""
    if line.run_in:
        return _runs(Run(r.text, r.bold, r.italic) for r in line.printed_lines()[0])
    hashes = "#" * min(line.level + 1, 6)
    texts = [
        _escape_inline(" ".join("".join(r.text for r in ln).split())) for ln in line.printed_lines()
    ]
    text = "<br>".join(texts)
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # a trailing " #" would be read as a closing sequence
    return f"{hashes} {_emphasis(text, False, line.italic)}"


def _markdown_list(line: Line) -> bool:
    """``-`` bullets and ``1.`` numbers are Markdown lists; other marks print as typed."""
    if line.role == "bullet":
        return line.label == "-"
    return line.label[:-1].isdigit() and line.label.endswith(".")


def _list_item(line: Line) -> str:
    """``- item`` or ``3. item``, nested two or three spaces a level."""
    mark = line.label if line.role == "numbered" else "-"
    return f"{'   ' * line.indent}{mark} {_runs(line.runs)}"


def _literal_item(line: Line) -> str:
    """A line with its own mark (``+``, ``•``, ``a)``, ``(1)``), indented by no-break spaces."""
    pad = "\u00a0" * (4 * line.indent)
    return f"{pad}{_guard_lines(_escape_inline(line.label))} {_runs(line.runs)}"


def _list_key(line: Line) -> str:
    """Items of one list share their block's path; a new list starts a new block."""
    return line.path.rsplit(".items[", 1)[0]


def _list_block(items: list[Line]) -> str:
    if all(_markdown_list(x) for x in items):
        return "\n".join(_list_item(x) for x in items)
    return "\\\n".join(_literal_item(x) for x in items)


def _body(lines: Iterable[Line]) -> list[str]:
    blocks: list[str] = []
    group: list[Line] = []
    for line in lines:
        is_item = line.role in ("bullet", "numbered")
        joins = (
            is_item
            and bool(group)
            and (
                line.indent > 0
                or (group[-1].role == line.role and _list_key(group[0]) == _list_key(line))
            )
        )
        if group and not joins:
            blocks.append(_list_block(group))
            group = []
        if is_item:
            group.append(line)
        elif line.role == "heading":
            blocks.append(_heading(line))
        elif line.role == "table" and line.table is not None:
            blocks.append(_table(line.table))
        else:
            blocks.append(_runs(line.runs))
    if group:
        blocks.append(_list_block(group))
    return blocks


def _signers(lay: Layout) -> list[str]:
    out = []
    for s in lay.signers:
        lines = [*_hard_lines(s.lines, bold=True)]
        if s.signed_mark:
            lines += _hard_lines([s.signed_mark], italic=True)
        lines += _hard_lines([s.name], bold=True)
        if s.digital:
            lines += _hard_lines([s.digital], italic=True)
        out.append(_stack(lines))
    return out


def _appendices(lay: Layout) -> list[str]:
    out = []
    for a in lay.appendices:
        head = [
            *_hard_lines([a.label, *a.title], bold=True),
            *_hard_lines([a.note or ""], italic=True),
        ]
        out += ["---", _stack(head), *_body(a.body)]
    return out


def markdown_blocks(lay: Layout) -> list[str]:
    """The report as Markdown blocks (to be joined by blank lines), in reading order."""
    h = lay.header
    left = [line for ln in h.issuer for line in _hard_lines([ln.text], bold=ln.bold)]
    left += [*_hard_lines([h.mark]), *_hard_lines([h.symbol]), *_hard_lines(h.letter_subject)]
    right = [*_hard_lines(h.motto, bold=True), *_hard_lines([h.place_date], italic=True)]
    blocks = [_stack(left), _stack(right)]
    if h.doc_type and h.layout != "cong_van":
        blocks.append(f"# {escape_markdown(h.doc_type)}")
    if h.subject and h.layout != "cong_van":
        blocks.append(_stack(_hard_lines(h.subject, bold=True)))
    if h.notes and h.layout != "cong_van":
        blocks.append(_stack(_hard_lines(h.notes, italic=True)))
    if h.addressees:
        blocks.append(_stack(_hard_lines(h.addressees)))
    blocks.extend(_body(lay.lines()))
    if lay.recipients is not None:
        r = lay.recipients
        blocks.append(
            _stack([*_hard_lines([r.label], bold=True, italic=True), *_hard_lines(r.lines)])
        )
    blocks += _signers(lay)
    blocks += _appendices(lay)
    return blocks


def render_markdown(report: AnyReport, form: PrintForm = "official") -> str:
    """The whole report as Markdown (UTF-8, NFC), ending with a newline."""
    return "\n\n".join(markdown_blocks(layout(report, form))) + "\n"
