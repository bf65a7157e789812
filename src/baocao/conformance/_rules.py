"""The rules: each compares one measured value of the document with the profile.

A rule id reads ``<element>.<property>`` (``body.line_spacing``,
``motto.size``), ``page.<what>``, ``font.<what>``, ``page_number.<what>`` or
``layout.<what>``. An element that has several paragraphs (body text, headings,
recipient lines) passes only if every paragraph does; the measured value lists
the distinct values found, with a sample of a paragraph that fails.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..i18n import _
from ..profiles import ElementFormat, FormatProfile, Quantity
from ..profiles.units import twips_to_mm
from ._locate import Located
from ._measure import MM_TOL, aggregate, checks, num
from ._ooxml import Docx, Paragraph, W, is_on, text_of, text_runs

__all__ = ["ELEMENT_LABELS", "RuleResult", "all_rules"]

ELEMENT_LABELS: dict[str, str] = {
    "motto": "tiêu đề / quốc hiệu line",
    "slogan": "tiêu ngữ line",
    "issuer_parent": "governing body line (cơ quan cấp trên)",
    "issuer_name": "issuing body line (cơ quan ban hành)",
    "number": "Số line (số và ký hiệu)",
    "place_date": "place and date line",
    "title": "document type (tên loại)",
    "subject": "subject lines (trích yếu)",
    "letter_subject": "subject of a công văn (V/v … under Số)",
    "body": "body paragraphs",
    "recipients_label": '"Nơi nhận:" label',
    "recipients_item": "recipient lines",
    "signer_authority": "signing authority line (T/M, TM. …)",
    "signer_title": "signer's title line (chức vụ)",
    "signer_name": "signer's name",
    "page_number": "page number",
}
REQUIRED = {
    "motto", "slogan", "issuer_name", "number", "place_date", "title", "subject", "body",
    "recipients_label", "signer_name",
}  # fmt: skip

TITLE_BLOCK = {"title", "subject", "subject_rule", "subject_separator"}
"""What a công văn does not have: its subject is under Số (found.marks "cong_van")."""


@dataclass(frozen=True)
class RuleResult:
    """One rule, checked: what was measured against what the profile expects."""

    rule_id: str
    description: str
    passed: bool
    measured: str
    expected: str
    waived: str | None = None
    """The pack's reason when it waives this rule: shown, never counted as a pass."""

    @property
    def status(self) -> str:
        """``ok``, ``FAIL``, or ``waived`` (failing, with the pack's reason)."""
        if self.waived is not None and not self.passed:
            return "waived"
        return "ok" if self.passed else "FAIL"


def element_rules(doc: Docx, profile: FormatProfile, found: Located) -> Iterator[RuleResult]:
    """Format rules for every element the profile describes."""
    e = profile.elements
    formats: list[tuple[str, str, ElementFormat | None]] = []
    for name, label in ELEMENT_LABELS.items():  # reading order; headings follow the body
        if name != "page_number":
            formats.append((name, label, getattr(e, name)))
        if name == "body":
            formats += [
                (f"heading{i}", f"level-{i} headings", h) for i, h in enumerate(e.headings, 1)
            ]
    for name, label, fmt in formats:
        if fmt is None:
            continue
        paras = found.elements.get(name, [])
        if not paras:
            if name in REQUIRED and not (name in TITLE_BLOCK and "cong_van" in found.marks):
                yield RuleResult(
                    f"{name}.present", f"{label}: present", False, "not found", "present"
                )
            continue
        for prop, what, expected, measure in checks(fmt):
            # "starts lower-case" is about the first line; later lines continue the sentence.
            checked = paras[:1] if prop == "case" and fmt.case != "upper" else paras
            measured, passed = aggregate(doc, checked, measure)
            yield RuleResult(f"{name}.{prop}", f"{label}: {what}", passed, measured, expected)


def page_rules(doc: Docx, profile: FormatProfile) -> Iterator[RuleResult]:
    sect = doc.section
    pg = profile.page
    size = sect.find(f"{W}pgSz") if sect is not None else None
    mar = sect.find(f"{W}pgMar") if sect is not None else None
    if size is None:
        yield RuleResult("page.size", "paper size", False, "no page size", "A4")
    else:
        wd, ht = (twips_to_mm(float(size.get(f"{W}{k}", "0"))) for k in ("w", "h"))
        ok = pg.width_mm.accepts(wd, 0.5) and pg.height_mm.accepts(ht, 0.5)
        yield RuleResult(
            "page.size",
            "paper size (portrait)",
            ok,
            f"{num(wd)} × {num(ht)} mm",
            f"{pg.width_mm.describe()} × {pg.height_mm.describe('mm')}",
        )
    for side in ("top", "bottom", "left", "right"):
        q: Quantity = getattr(pg, f"margin_{side}_mm")
        raw = mar.get(f"{W}{side}") if mar is not None else None
        if raw is None:
            yield RuleResult(
                f"page.margin_{side}", f"{side} margin", False, "not set", q.describe("mm")
            )
            continue
        mm = twips_to_mm(abs(float(raw)))
        yield RuleResult(
            f"page.margin_{side}",
            f"{side} margin",
            q.accepts(mm, MM_TOL),
            f"{num(mm)} mm",
            q.describe("mm"),
        )


def font_rules(doc: Docx, profile: FormatProfile) -> Iterator[RuleResult]:
    want = profile.font.casefold()
    probe_p, probe_r = etree.Element(f"{W}p"), etree.Element(f"{W}r")
    slots = {s: doc.run_font(probe_r, probe_p, s) for s in ("ascii", "hAnsi", "eastAsia", "cs")}
    names = set(slots.values())
    shown = (
        f"{names.pop()} (all scripts)"
        if len(names) == 1
        else ", ".join(f"{k} {v}" for k, v in slots.items())
    )
    yield RuleResult(
        "font.default",
        "default font, every script (ascii, hAnsi, eastAsia, cs)",
        all(v.casefold() == want for v in slots.values()),
        shown,
        f"{profile.font} (all scripts)",
    )
    fonts: Counter[str] = Counter()
    sample: dict[str, str] = {}
    for p in doc.body.iter(f"{W}p"):
        if not text_of(p).strip():
            continue
        for r in text_runs(p):
            # Latin text, Vietnamese included, prints in the ascii and hAnsi slots.
            for name in {doc.run_font(r, p, "ascii"), doc.run_font(r, p, "hAnsi")}:
                fonts[name] += 1
                sample.setdefault(name, "".join(t.text or "" for t in r.iter(f"{W}t"))[:24])
    others = [f for f in fonts if f.casefold() != want]
    shown = ", ".join(f'{f} in {fonts[f]} runs (e.g. "{sample[f]}")' for f in others)
    yield RuleResult(
        "font.all_text", "font of all text runs", not others, shown or profile.font, profile.font
    )


def _joint_rules(found: Located, names: list[Paragraph]) -> Iterator[RuleResult]:
    """Joint signers sit side by side in one row; Nơi nhận goes below them, at the left."""
    label = found.elements.get("recipients_label", [])
    below = bool(label) and (
        label[0].table_index is None
        or (
            {label[0].table_index} == {p.table_index for p in names}
            and label[0].row > max(p.row for p in names)
        )
    )
    yield RuleResult(
        "layout.recipients_left",
        _('"Nơi nhận" dưới hàng chữ ký liên tịch, bên trái'),
        below,
        _("dưới hàng chữ ký") if below else _("không thấy dưới hàng chữ ký"),
        _("dưới hàng chữ ký"),
    )
    rows = {(p.table_index, p.row) for p in names}
    cells = sorted({p.cell for p in names})
    tr = next(names[0].el.iterancestors(f"{W}tr"), None)
    width = len(tr.findall(f"{W}tc")) if tr is not None else 0
    ok = len(rows) == 1 and None not in {t for t, _r in rows} and len(cells) == len(names)
    shown = _("cột {cols} trên {n}").format(cols=", ".join(str(c + 1) for c in cells), n=width)
    yield RuleResult(
        "layout.signer_right",
        _("người ký liên tịch cạnh nhau trên một hàng"),
        ok,
        shown,
        _("mỗi người một cột, cùng hàng"),
    )


def layout_rules(found: Located) -> Iterator[RuleResult]:
    names = found.elements.get("signer_name", [])
    if len(names) >= 2:
        yield from _joint_rules(found, names)
        yield from _header_columns(found)
        return
    rec, sig = found.recipients_cell, found.signer_cell
    rec_shown = f"column {rec[0] + 1} of {rec[1]}" if rec else "no Nơi nhận table"
    yield RuleResult(
        "layout.recipients_left",
        '"Nơi nhận" block at the left of the signature row',
        bool(rec and rec[0] == 0 and rec[1] >= 2),
        rec_shown,
        "column 1 of 2",
    )
    sig_shown = f"column {sig[0] + 1} of {sig[1]}" if sig else "no signer beside Nơi nhận"
    yield RuleResult(
        "layout.signer_right",
        "signer block at the right of the signature row",
        bool(sig and rec and sig[0] == sig[1] - 1 and sig[0] > rec[0]),
        sig_shown,
        "last column",
    )
    yield from _header_columns(found)


def _header_columns(found: Located) -> Iterator[RuleResult]:
    motto = found.elements.get("motto", [])
    issuer = found.elements.get("issuer_name", [])
    if motto and issuer:
        ok = motto[0].cell > issuer[0].cell
        yield RuleResult(
            "layout.header_columns",
            "issuer at the left, motto at the right",
            ok,
            f"issuer column {issuer[0].cell + 1}, motto column {motto[0].cell + 1}",
            "issuer column 1, motto column 2",
        )


def page_number_rules(doc: Docx, profile: FormatProfile) -> Iterator[RuleResult]:
    numbering = profile.page_number
    field = doc.page_field_paragraph(doc.header("default"))
    yield RuleResult(
        "page_number.field",
        "PAGE field in the page header",
        field is not None,
        "present" if field is not None else "no PAGE field in the default header",
        "present",
    )
    if field is not None:
        para = Paragraph(field, "")
        for prop, what, expected, measure in checks(numbering.format):
            shown, ok = measure(doc, para)
            yield RuleResult(f"page_number.{prop}", f"page number: {what}", ok, shown, expected)
    sect = doc.section
    title_pg = sect is not None and bool(is_on(sect.find(f"{W}titlePg")))
    first = doc.page_field_paragraph(doc.header("first")) if title_pg else field
    hidden = first is None
    if not numbering.first_page:
        shown = "hidden (first-page header without PAGE)" if hidden else "shown on page 1"
        yield RuleResult(
            "page_number.first_page", "no page number on page 1", hidden, shown, "hidden"
        )


def all_rules(doc: Docx, profile: FormatProfile, found: Located) -> list[RuleResult]:
    """Every rule, in reading order: page, fonts, header to signature, page numbers."""
    from ._placement import placement_rules  # it builds on RuleResult, defined here

    return [
        *page_rules(doc, profile),
        *font_rules(doc, profile),
        *element_rules(doc, profile, found),
        *placement_rules(doc, profile, found),
        *layout_rules(found),
        *page_number_rules(doc, profile),
    ]
