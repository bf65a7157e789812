"""The printed form of a report as a flat sequence of lines.

Every output (docx context, plain text, Markdown, HTML) and the checker walk the
same lines, so numbering, upper-casing and the Vietnamese text forms are decided
once, here. Each line keeps the model path it came from, for diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import FAMILY_SEPARATOR, AnyReport, Document, Family, Signer
from .body import (
    AppendixView,
    HeaderCellView,
    Line,
    Loc,
    Run,
    TableView,
    appendix_views,
    body_lines,
    loc_path,
    paragraph_runs,
)
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
    "AppendixView",
    "HeaderCellView",
    "HeaderView",
    "IssuerLineView",
    "Layout",
    "Line",
    "Loc",
    "PrintForm",
    "RecipientsView",
    "Run",
    "SignerView",
    "TableView",
    "layout",
    "loc_path",
]

MOTTOS: dict[Family, tuple[str, ...]] = {
    "dang": ("ĐẢNG CỘNG SẢN VIỆT NAM",),
    "nha_nuoc": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
}
"""Tiêu đề (Party) and quốc hiệu + tiêu ngữ (State), fixed by each family's rules."""


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

    @property
    def mark(self) -> str:
        """The separator as text (``*``, ``*****``); ``""`` for a drawn rule or none."""
        return "" if self.separator in ("rule", "none") else self.separator

    @property
    def letter_subject(self) -> tuple[str, ...]:
        """The ``V/v …`` lines (and notes) under Số of a công văn; empty for a titled report."""
        return (*self.subject, *self.notes) if self.layout == "cong_van" else ()

    @property
    def title_lines(self) -> tuple[str, ...]:
        """A titled report's title block: type, subject, then the notes; empty for a công văn."""
        if self.layout == "cong_van":
            return ()
        return (*((self.doc_type,) if self.doc_type else ()), *self.subject, *self.notes)


@dataclass(frozen=True)
class SignerView:
    """Signature block lines: authority and title in capitals, then the name."""

    lines: tuple[str, ...]
    name: str
    authority: str | None = None
    title: str | None = None
    signed_mark: str | None = None
    """``(Đã ký)`` on a copy, printed where the signature would be."""
    digital: str | None = None
    """The digital-signature line under the block."""


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
    signers: tuple[SignerView, ...]
    """Left to right; one for most reports, two side by side for a joint one, none unsigned."""
    recipients: RecipientsView | None
    appendices: tuple[AppendixView, ...] = ()

    @property
    def signer(self) -> SignerView | None:
        """The signer of a report signed by one person (the first of a joint one)."""
        return self.signers[0] if self.signers else None

    @property
    def headings(self) -> tuple[Line, ...]:
        """The heading lines of the body, in order."""
        return tuple(ln for ln in self.body if ln.role == "heading")

    def lines(self) -> tuple[Line, ...]:
        """Preamble, body and closing in reading order."""
        tail = (self.closing,) if self.closing else ()
        return self.preamble + self.body + tail


def _header(doc: Document, form: PrintForm) -> HeaderView:
    h = doc.header
    block = tuple(IssuerLineView(ln.text, ln.bold) for ln in h.issuer.block)
    above = [ln.text for ln in block[:-1]]
    return HeaderView(
        family=h.family,
        motto=MOTTOS[h.family],
        issuer_parent="\n".join(above) if above else None,
        issuer_name=block[-1].text,
        symbol=symbol_line(h.number, form, h.family) if h.number is not None else "",
        place_date=date_line(h.place, h.date, form),
        doc_type=h.doc_type or "",
        subject=subject_lines(h),
        addressees=addressee_lines(h),
        is_draft=h.date.is_draft or (h.number is not None and h.number.number is None),
        issuer=block,
        separator=(h.issuer.separator if form == "written" else None) or FAMILY_SEPARATOR[h.family],
        layout=h.form,
        notes=h.notes,
    )


def _signer(s: Signer, family: Family) -> SignerView:
    mark = None
    if s.signed or s.seal:
        mark = "(Đã ký và đóng dấu)" if s.seal else "(Đã ký)"
    return SignerView(
        lines=signer_lines(s, family),
        name=s.name,
        authority=authority_line(s, family),
        title=s.title,
        signed_mark=mark,
        digital=s.digital_signature,
    )


def _sourced(report: AnyReport, groups: tuple[tuple[Line, ...], ...]) -> list[tuple[Line, ...]]:
    """Each line with its input location, from the kind's own map (``source_loc``).

    The lines were made by this call of ``layout`` and nothing else holds them
    yet, so the location is set in place: ``dataclasses.replace`` per line was
    a quarter of the layout's time.
    """
    for g in groups:
        for ln in g:
            object.__setattr__(ln, "source", report.source_loc(ln.loc))
    return list(groups)


def layout(report: AnyReport, form: PrintForm = "official") -> Layout:
    """Print a report of any kind into lines (through its generic document).

    ``form``: ``official`` prints values in the official form; ``written``
    reprints them as the office typed them where the model kept both.
    """
    doc = report.to_document()
    family = doc.family
    scheme = doc.scheme
    preamble = tuple(
        Line("paragraph", paragraph_runs(p), loc=("preamble", i))
        for i, p in enumerate(doc.preamble)
    )
    closing = (
        Line("paragraph", (Run(doc.closing),), loc=("closing",))
        if doc.closing
        else None
    )
    recipients = None
    if doc.recipients is not None:
        r = doc.recipients
        lines = r.lines(family, addressed=bool(doc.header.addressees))
        recipients = RecipientsView(label=r.label, lines=tuple(lines))
    body = body_lines(scheme, doc.blocks, doc.sections)
    preamble, body, tail = _sourced(report, (preamble, body, (closing,) if closing else ()))
    return Layout(
        header=_header(doc, form),
        preamble=preamble,
        body=body,
        closing=tail[0] if tail else None,
        signers=tuple(_signer(s, family) for s in doc.all_signers),
        recipients=recipients,
        appendices=appendix_views(family, scheme, doc.appendices),
    )
