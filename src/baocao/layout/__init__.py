"""The printed form of a report as a flat sequence of lines.

Every output (docx context, plain text, Markdown, HTML) and the checker walk the
same lines, so numbering, upper-casing and the Vietnamese text forms are decided
once, here. Each line keeps the model path it came from, for diagnostics.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import (
    FAMILY_SEPARATOR,
    BulletList,
    Document,
    Family,
    ImplementationReport,
    NumberedList,
    Paragraph,
    Ratio,
    Section,
    Span,
    Table,
    Tally,
)
from ..vi import format_number, upper_vi
from .printed import (
    PrintForm,
    addressee_lines,
    authority_line,
    date_line,
    signer_lines,
    subject_lines,
    symbol_line,
)

__all__ = [
    "MOTTOS",
    "HeaderView",
    "IssuerLineView",
    "Layout",
    "Line",
    "PrintForm",
    "RecipientsView",
    "Run",
    "SignerView",
    "TableView",
    "layout",
]

MOTTOS: dict[Family, tuple[str, ...]] = {
    "dang": ("ĐẢNG CỘNG SẢN VIỆT NAM",),
    "nha_nuoc": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
}
"""Tiêu đề (Party) and quốc hiệu + tiêu ngữ (State), fixed by each family's rules."""

Loc = tuple[str | int, ...]
Role = Literal["heading", "paragraph", "bullet", "numbered", "table"]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class TableView:
    """A table ready to print: caption, header cells, body rows, relative widths."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    caption: str | None = None


@dataclass(frozen=True)
class Line:
    """One printed paragraph (or table) of the body."""

    role: Role
    runs: tuple[Run, ...] = ()
    label: str = ""
    """The number or mark printed before the text: ``I-``, ``2.1.``, ``a)``, ``-``."""
    level: int = 0
    """Heading depth (1 = part) or list nesting depth."""
    path: str = ""
    """Where in the (generic) document this line comes from: ``sections[0].blocks[2]``."""
    loc: tuple[str | int, ...] = ()
    """The same place as a tuple: ``("sections", 0, "blocks", 2)``; no string parsing needed."""
    table: TableView | None = None
    bold: bool = False
    italic: bool = False

    @property
    def body_text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def text(self) -> str:
        """The line as printed, label included."""
        body = self.body_text
        return f"{self.label} {body}" if self.label and body else self.label or body


@dataclass(frozen=True)
class IssuerLineView:
    """One printed line of the issuer block and its weight."""

    text: str
    bold: bool


@dataclass(frozen=True)
class HeaderView:
    """The first-page header as printed."""

    family: Family
    motto: tuple[str, ...]
    issuer_parent: str | None
    """All issuer lines above the issuer itself, joined by line breaks (older templates)."""
    issuer_name: str
    symbol: str
    """``Số 12-BC/BTCHU`` or ``Số: 12/BC-UBND``; blanks in a draft; ``""`` = no number line."""
    place_date: str
    doc_type: str
    """The title (``BÁO CÁO``, ``BÁO CÁO KIỂM ĐIỂM``); ``""`` for a công văn."""
    subject: tuple[str, ...]
    addressees: tuple[str, ...]
    """Kính gửi lines as printed (empty when the report names no addressee)."""
    is_draft: bool
    issuer: tuple[IssuerLineView, ...] = ()
    """The issuer block, 1–4 lines top down, each with its weight."""
    separator: str = "*"
    """Under the issuer: ``*`` (or several stars), ``rule`` (a short line) or ``none``."""
    layout: str = "bao_cao"
    """``bao_cao`` (title, then subject) or ``cong_van`` (``V/v`` under the number)."""
    notes: tuple[str, ...] = ()
    """Extra lines of the title block (cut-off date, term)."""


@dataclass(frozen=True)
class SignerView:
    """Signature block lines: authority and title in capitals, then the name."""

    lines: tuple[str, ...]
    name: str
    authority: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class RecipientsView:
    """Nơi nhận: the label and each ``- …`` line, the Lưu line last."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Layout:
    """A whole report, printed."""

    header: HeaderView
    preamble: tuple[Line, ...]
    body: tuple[Line, ...]
    closing: Line | None
    signer: SignerView | None
    recipients: RecipientsView | None

    @property
    def headings(self) -> tuple[Line, ...]:
        """The heading lines of the body, in order."""
        return tuple(ln for ln in self.body if ln.role == "heading")

    def lines(self) -> tuple[Line, ...]:
        """Preamble, body and closing in reading order."""
        tail = (self.closing,) if self.closing else ()
        return self.preamble + self.body + tail


def _runs(p: Paragraph) -> tuple[Run, ...]:
    out = []
    for piece in p.spans:
        if isinstance(piece, Span):
            out.append(Run(piece.text, piece.bold, piece.italic))
        elif isinstance(piece, (Tally, Ratio)):
            out.append(Run(piece.sentence(format_number)))
    return tuple(out)


def _table(t: Table) -> TableView:
    n = len(t.header)
    widths = tuple(t.widths) if t.widths else tuple(1.0 for _ in range(n))
    total = sum(widths) or 1.0
    return TableView(
        header=tuple(t.header),
        rows=tuple(tuple(r) for r in t.rows),
        widths=tuple(w / total for w in widths),
        caption=t.caption,
    )


def _path(loc: Loc) -> str:
    """``("sections", 0, "blocks", 2)`` → ``sections[0].blocks[2]``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _blocks(blocks: Sequence[object], loc: Loc, depth: int) -> list[Line]:
    out: list[Line] = []
    for i, b in enumerate(blocks):
        bl: Loc = (*loc, "blocks", i)
        if isinstance(b, Paragraph):
            out.append(Line("paragraph", _runs(b), path=_path(bl), loc=bl, level=depth))
        elif isinstance(b, BulletList):
            out.extend(
                Line("bullet", _runs(it), label=b.marker, level=depth,
                     path=_path((*bl, "items", j)), loc=(*bl, "items", j))
                for j, it in enumerate(b.items)
            )  # fmt: skip
        elif isinstance(b, NumberedList):
            out.extend(
                Line("numbered", _runs(it), label=f"{b.start + j}.", level=depth,
                     path=_path((*bl, "items", j)), loc=(*bl, "items", j))
                for j, it in enumerate(b.items)
            )  # fmt: skip
        elif isinstance(b, Table):
            out.append(Line("table", path=_path(bl), loc=bl, table=_table(b), level=depth))
    return out


def _sections(
    doc: Document, sections: Sequence[Section], numbers: tuple[int, ...], loc: Loc
) -> list[Line]:
    out: list[Line] = []
    scheme = doc.scheme
    for i, s in enumerate(sections, start=1):
        nums = (*numbers, i)
        sl: Loc = (*loc, "sections", i - 1)
        style = scheme.style(len(nums))
        title = upper_vi(s.title) if style.upper else s.title
        out.append(
            Line(
                "heading",
                (Run(title, style.bold, style.italic),),
                label=scheme.label(nums),
                level=len(nums),
                path=_path(sl),
                loc=sl,
                bold=style.bold,
                italic=style.italic,
            )
        )
        out.extend(_blocks(s.blocks, sl, len(nums)))
        out.extend(_sections(doc, s.sections, nums, sl))
    return out


def _header(doc: Document, form: PrintForm) -> HeaderView:
    h = doc.header
    block = tuple(IssuerLineView(ln.text, ln.bold) for ln in h.issuer.block)
    above = [ln.text for ln in block[:-1]]
    return HeaderView(
        family=h.family,
        motto=MOTTOS[h.family],
        issuer_parent="\n".join(above) if above else None,
        issuer_name=block[-1].text,
        symbol=symbol_line(h.number, form) if h.number is not None else "",
        place_date=date_line(h.place, h.date, form),
        doc_type=h.doc_type or "",
        subject=subject_lines(h),
        addressees=addressee_lines(h),
        is_draft=h.date.is_draft or (h.number is not None and h.number.number is None),
        issuer=block,
        separator=h.issuer.separator or FAMILY_SEPARATOR[h.family],
        layout=h.form,
        notes=h.notes,
    )


def layout(report: Document | ImplementationReport, form: PrintForm = "official") -> Layout:
    """Print a report of any kind into lines (through its generic document).

    ``form``: ``official`` prints values in the official form; ``written``
    reprints them as the office typed them where the model kept both.
    """
    doc = report.to_document()
    family = doc.family
    body = _sections(doc, doc.sections, (), ())
    preamble = tuple(
        Line("paragraph", _runs(p), path=f"preamble[{i}]", loc=("preamble", i))
        for i, p in enumerate(doc.preamble)
    )
    closing = (
        Line("paragraph", (Run(doc.closing),), path="closing", loc=("closing",))
        if doc.closing
        else None
    )
    signer = None
    if doc.signer is not None:
        s = doc.signer
        signer = SignerView(
            lines=signer_lines(s, family),
            name=s.name,
            authority=authority_line(s, family),
            title=s.title,
        )
    recipients = None
    if doc.recipients is not None:
        r = doc.recipients
        recipients = RecipientsView(label=r.label, lines=tuple(r.lines(family)))
    return Layout(
        header=_header(doc, form),
        preamble=preamble,
        body=tuple(body),
        closing=closing,
        signer=signer,
        recipients=recipients,
    )
