"""The body of a report, printed: numbered headings, paragraphs, nested lists, tables.

Every output walks these lines, so a label (``PHẦN I``, ``1.1.``, ``(1)``, ``+``),
the kind of level that styles it, the printed lines of a heading and the
formatted table cells are decided once, here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import (
    Appendix,
    Block,
    BulletList,
    Family,
    ListItem,
    NumberedList,
    NumberingScheme,
    Paragraph,
    Ratio,
    Section,
    Span,
    Table,
    Tally,
    roman,
)
from ..model.tables import Cell, place_header
from ..vi import format_number, upper_vi

__all__ = [
    "AppendixView",
    "HeaderCellView",
    "Line",
    "Loc",
    "Run",
    "TableView",
    "appendix_views",
    "body_lines",
    "paragraph_runs",
]

Loc = tuple[str | int, ...]
Role = Literal["heading", "paragraph", "bullet", "numbered", "table"]


def loc_path(loc: Loc) -> str:
    """``("sections", 0, "blocks", 2)`` → ``sections[0].blocks[2]``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class HeaderCellView:
    """A header cell at its grid position, ``span`` columns wide and ``rows`` rows tall."""

    text: str
    row: int
    column: int
    span: int = 1
    rows: int = 1


@dataclass(frozen=True)
class TableView:
    """A table ready to print: caption, unit line, header, formatted rows, totals, alignment."""

    header: tuple[str, ...]
    """The column names (the lowest header cell over each column)."""
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    caption: str | None = None
    unit: str | None = None
    header_cells: tuple[HeaderCellView, ...] = ()
    """Every header cell with its merge; one row of plain cells for a simple header."""
    header_rows: int = 1
    total: tuple[str, ...] | None = None
    """The totals row, printed bold."""
    align: tuple[str, ...] = ()
    keep_together: bool = False


@dataclass(frozen=True, slots=True)
class Line:
    """One printed paragraph (or table) of the body."""

    role: Role
    runs: tuple[Run, ...] = ()
    label: str = ""
    """The number or mark printed before the text: ``I-``, ``2.1.``, ``a)``, ``-``."""
    level: int = 0
    """Heading depth (1 = outermost) or the depth of the section a block is in."""
    loc: Loc = ()
    """Where in the (generic) document this line comes from: ``("sections", 0, "blocks", 2)``."""
    source: Loc = ()
    """Where the line comes from in the report's *input* (``("results", "sections", 4)``
    for the implementation report's part I); set by :func:`baocao.layout.layout`."""
    table: TableView | None = None
    bold: bool = False
    italic: bool = False
    kind: str = ""
    """The heading level's kind (``part``, ``roman``, ``arabic``, ``dotted``, ``paren``,
    ``alpha``, ``bullet``, ``plain``): template packs style a heading by it, not by depth."""
    align: str | None = None
    """``center`` or ``left`` when the level asks for it; ``None``: the style's own."""
    indent: int = 0
    """List nesting: 0 for a top-level item, 1 for an item under it …"""
    label_line: bool = False
    """The label prints on its own line above the title (``PHẦN I``)."""
    run_in: bool = False
    """A run-in heading: the body text follows in the same paragraph."""

    @property
    def path(self) -> str:
        """``loc`` as a string, ``sections[0].blocks[2]``; made when asked, as few renders do."""
        return loc_path(self.loc)

    @property
    def body_text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def text(self) -> str:
        """The line as printed, label included (a heading's lines joined by ``\\n``)."""
        body = self.body_text
        sep = "\n" if self.label_line else " "
        return f"{self.label}{sep}{body}" if self.label and body else self.label or body

    def printed_lines(self) -> tuple[tuple[Run, ...], ...]:
        """The lines a heading prints as, each its own paragraph; the label leads the first."""
        lines: list[list[Run]] = [[]]
        for run in self.runs:
            for k, piece in enumerate(run.text.split("\n")):
                if k:
                    lines.append([])
                if piece:
                    lines[-1].append(Run(piece, run.bold, run.italic))
        if self.label:
            mark = Run(self.label, self.bold, self.italic)
            if self.label_line:
                lines.insert(0, [mark])
            else:
                lines[0].insert(0, Run(self.label + " ", self.bold, self.italic))
        return tuple(tuple(ln) for ln in lines if ln)


def cell_text(cell: Cell) -> str:
    """A number cell with Vietnamese separators; text exactly as typed."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return format_number(cell)
    return str(cell)


def paragraph_runs(p: Paragraph) -> tuple[Run, ...]:
    """The runs of a paragraph; a list-form tally prints only its head line here."""
    return _runs(p)[0]


def _runs(p: Paragraph) -> tuple[tuple[Run, ...], bool]:
    """The runs, and whether a list-form tally adds part lines under the paragraph."""
    out = []
    listed = False
    for piece in p.spans:
        if isinstance(piece, Span):
            out.append(Run(piece.text, piece.bold, piece.italic))
        elif isinstance(piece, Tally) and piece.parts_as == "list":
            listed = True
            head = piece.head if piece.parts else piece.sentence
            out.append(Run(head(format_number)))
        elif isinstance(piece, (Tally, Ratio)):
            out.append(Run(piece.sentence(format_number)))
    return tuple(out), listed


def _table(t: Table) -> TableView:
    n = t.columns
    widths = tuple(t.widths) if t.widths else tuple(1.0 for _ in range(n))
    total = sum(widths) or 1.0
    return TableView(
        header=tuple(t.leaf_names()),
        rows=tuple(tuple(cell_text(c) for c in r) for r in t.rows),
        widths=tuple(w / total for w in widths),
        caption=t.caption,
        unit=t.unit,
        header_cells=tuple(
            HeaderCellView(cell.text, r, c, cell.span, cell.rows)
            for r, c, cell in place_header(t.header)
        ),
        header_rows=len(t.header),
        total=tuple(cell_text(c) for c in t.total) if t.total is not None else None,
        align=tuple(t.column_align()),
        keep_together=t.kept_together(),
    )


def _line(role: Role, loc: Loc, runs: tuple[Run, ...] = (), **kw: object) -> Line:
    return Line(role, runs, loc=loc, **kw)  # type: ignore[arg-type]


def _tally_parts(p: Paragraph, loc: Loc, depth: int, indent: int) -> list[Line]:
    """The part lines of list-form tallies in ``p``: ``+ nam 12;`` ``+ nữ 17.``."""
    out = []
    for k, piece in enumerate(p.spans):
        if isinstance(piece, Tally) and piece.parts_as == "list":
            out += [
                _line(
                    "bullet",
                    (*loc, "spans", k, "parts", j),
                    (Run(text),),
                    label=piece.marker,
                    level=depth,
                    indent=indent,
                )
                for j, text in enumerate(piece.part_lines(format_number))
            ]
    return out


def _items(b: BulletList | NumberedList, loc: Loc, depth: int, indent: int) -> list[Line]:
    out: list[Line] = []
    role: Role = "bullet" if isinstance(b, BulletList) else "numbered"
    for j, it in enumerate(b.items):
        il: Loc = (*loc, "items", j)
        label = b.marker if isinstance(b, BulletList) else b.label(j)
        runs, listed = _runs(it)
        out.append(_line(role, il, runs, label=label, level=depth, indent=indent))
        if listed:
            out += _tally_parts(it, il, depth, indent + 1)
        if isinstance(it, ListItem) and it.children:
            out += _blocks(it.children, il, depth, indent + 1, field="children")
    return out


def _blocks(
    blocks: Sequence[Block], loc: Loc, depth: int, indent: int = 0, *, field: str = "blocks"
) -> list[Line]:
    out: list[Line] = []
    for i, b in enumerate(blocks):
        bl: Loc = (*loc, field, i)
        if isinstance(b, (BulletList, NumberedList)):
            out += _items(b, bl, depth, indent)
        elif isinstance(b, Paragraph):
            runs, listed = _runs(b)
            out.append(_line("paragraph", bl, runs, level=depth, indent=indent))
            if listed:
                out += _tally_parts(b, bl, depth, indent + 1)
        elif isinstance(b, Table):
            out.append(_line("table", bl, table=_table(b), level=depth))
    return out


def _heading(scheme: NumberingScheme, s: Section, nums: tuple[int, ...], loc: Loc) -> Line:
    style = scheme.style(len(nums))
    title = upper_vi(s.title) if style.upper else s.title
    bold, italic = bool(style.bold), bool(style.italic)
    runs = [Run(title, bold, italic)]
    if s.run_in is not None:
        runs += [Run(" "), *paragraph_runs(s.run_in)]
    return _line(
        "heading",
        loc,
        tuple(runs),
        label=s.label if s.label is not None else scheme.label(nums),
        level=len(nums),
        bold=bold,
        italic=italic,
        kind=style.kind,
        align=None if s.run_in is not None else style.align,
        label_line=bool(style.label_line) and s.run_in is None,
        run_in=s.run_in is not None,
    )


def _sections(
    scheme: NumberingScheme, sections: Sequence[Section], numbers: tuple[int, ...], loc: Loc
) -> list[Line]:
    out: list[Line] = []
    n = 0
    for i, s in enumerate(sections):
        if s.label is None:
            n += 1
        nums = (*numbers, max(n, 1))
        sl: Loc = (*loc, "sections", i)
        out.append(_heading(scheme, s, nums, sl))
        out.extend(_blocks(s.blocks, sl, len(nums)))
        out.extend(_sections(scheme, s.sections, nums, sl))
    return out


def body_lines(
    scheme: NumberingScheme, blocks: Sequence[Block], sections: Sequence[Section], loc: Loc = ()
) -> tuple[Line, ...]:
    """Unnumbered blocks first, then the numbered section tree."""
    return (*_blocks(blocks, loc, 0), *_sections(scheme, sections, (), loc))


@dataclass(frozen=True)
class AppendixView:
    """A phụ lục as printed: label, title lines, the note under them, its own body."""

    label: str
    title: tuple[str, ...]
    note: str | None
    body: tuple[Line, ...]
    path: str


def appendix_views(
    family: Family, scheme: NumberingScheme, appendices: Sequence[Appendix]
) -> tuple[AppendixView, ...]:
    """``Phụ lục I, II`` (State) or ``Phụ lục 1, 2`` (Party) unless a label is written."""
    out = []
    for i, a in enumerate(appendices, start=1):
        loc: Loc = ("appendices", i - 1)
        number = roman(i) if family == "nha_nuoc" else str(i)
        out.append(
            AppendixView(
                label=a.label if a.label is not None else f"Phụ lục {number}",
                title=tuple(a.title.split("\n")),
                note=a.note,
                body=body_lines(scheme, a.blocks, a.sections, loc),
                path=loc_path(loc),
            )
        )
    return tuple(out)
