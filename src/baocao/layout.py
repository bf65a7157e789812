"""The printed form of a report as a flat sequence of lines.

Every output (docx context, plain text, Markdown, HTML) and the checker walk the
same lines, so numbering, upper-casing and the Vietnamese text forms are decided
once, here. Each line keeps the model path it came from, for diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import (
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
from .vi import format_number, place_date, upper_vi

__all__ = [
    "MOTTOS",
    "HeaderView",
    "Layout",
    "Line",
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
class HeaderView:
    """The first-page header as printed."""

    family: Family
    motto: tuple[str, ...]
    issuer_parent: str | None
    issuer_name: str
    symbol: str
    """``Số 12-BC/BTCHU`` or ``Số: 12/BC-UBND``; blanks in a draft."""
    place_date: str
    doc_type: str
    subject: tuple[str, ...]
    addressees: tuple[str, ...]
    """Kính gửi lines as printed (empty when the report names no addressee)."""
    is_draft: bool


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


def _blocks(blocks: list, path: str, depth: int) -> list[Line]:  # type: ignore[type-arg]
    out: list[Line] = []
    for i, b in enumerate(blocks):
        bp = f"{path}.blocks[{i}]" if path else f"blocks[{i}]"
        if isinstance(b, Paragraph):
            out.append(Line("paragraph", _runs(b), path=bp, level=depth))
        elif isinstance(b, BulletList):
            out.extend(
                Line("bullet", _runs(it), label=b.marker, level=depth, path=f"{bp}.items[{j}]")
                for j, it in enumerate(b.items)
            )
        elif isinstance(b, NumberedList):
            out.extend(
                Line(
                    "numbered",
                    _runs(it),
                    label=f"{b.start + j}.",
                    level=depth,
                    path=f"{bp}.items[{j}]",
                )
                for j, it in enumerate(b.items)
            )
        elif isinstance(b, Table):
            out.append(Line("table", path=bp, table=_table(b), level=depth))
    return out


def _sections(
    doc: Document, sections: list[Section], numbers: tuple[int, ...], path: str
) -> list[Line]:
    out: list[Line] = []
    scheme = doc.scheme
    for i, s in enumerate(sections, start=1):
        nums = (*numbers, i)
        sp = f"{path}.sections[{i - 1}]" if path else f"sections[{i - 1}]"
        style = scheme.style(len(nums))
        title = upper_vi(s.title) if style.upper else s.title
        out.append(
            Line(
                "heading",
                (Run(title, style.bold, style.italic),),
                label=scheme.label(nums),
                level=len(nums),
                path=sp,
                bold=style.bold,
                italic=style.italic,
            )
        )
        out.extend(_blocks(s.blocks, sp, len(nums)))
        out.extend(_sections(doc, s.sections, nums, sp))
    return out


def _header(doc: Document) -> HeaderView:
    h = doc.header
    return HeaderView(
        family=h.family,
        motto=MOTTOS[h.family],
        issuer_parent=h.issuer.parent,
        issuer_name=h.issuer.name,
        symbol=h.number.header(),
        place_date=place_date(h.place, h.date.day, h.date.month, h.date.year),
        doc_type=h.doc_type,
        subject=tuple(h.subject_lines),
        addressees=tuple(h.addressee_lines()),
        is_draft=h.date.is_draft or h.number.number is None,
    )


def layout(report: Document | ImplementationReport) -> Layout:
    """Print a report of any kind into lines (through its generic document)."""
    doc = report.to_document()
    family = doc.family
    body = _sections(doc, doc.sections, (), "")
    preamble = tuple(
        Line("paragraph", _runs(p), path=f"preamble[{i}]") for i, p in enumerate(doc.preamble)
    )
    closing = Line("paragraph", (Run(doc.closing),), path="closing") if doc.closing else None
    signer = None
    if doc.signer is not None:
        s = doc.signer
        signer = SignerView(
            lines=tuple(s.lines(family)),
            name=s.name,
            authority=s.authority_line(family),
            title=s.title,
        )
    recipients = None
    if doc.recipients is not None:
        r = doc.recipients
        recipients = RecipientsView(label=r.label, lines=tuple(r.lines(family)))
    return Layout(
        header=_header(doc),
        preamble=preamble,
        body=tuple(body),
        closing=closing,
        signer=signer,
        recipients=recipients,
    )
