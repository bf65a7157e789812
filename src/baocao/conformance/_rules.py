"""The rules: each compares one measured value of the document with the profile.

A rule id reads ``<element>.<property>`` (``body.line_spacing``,
``motto.size``), ``page.<what>``, ``font.<what>``, ``page_number.<what>`` or
``layout.<what>``. An element that has several paragraphs (body text, headings,
recipient lines) passes only if every paragraph does; the measured value lists
the distinct values found, with a sample of a paragraph that fails.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

from ..profiles import ElementFormat, FormatProfile, LineSpacing, Quantity
from ..profiles.units import twips_to_mm, twips_to_pt
from ..vi import upper_vi
from ._locate import Located
from ._ooxml import Docx, El, Paragraph, W, text_of, text_runs

__all__ = ["ELEMENT_LABELS", "RuleResult", "all_rules"]

SINGLE_LINE_EM = 1.15
"""Height of one single-spaced line of Times New Roman, in ems (ascent + descent + gap)."""

ELEMENT_LABELS: dict[str, str] = {
    "motto": "tiêu đề / quốc hiệu line",
    "slogan": "tiêu ngữ line",
    "issuer_parent": "governing body line (cơ quan cấp trên)",
    "issuer_name": "issuing body line (cơ quan ban hành)",
    "number": "Số line (số và ký hiệu)",
    "place_date": "place and date line",
    "title": "document type (tên loại)",
    "subject": "subject lines (trích yếu)",
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
_ALIGN_WORDS = {"both": "justified", "center": "centred", "left": "left", "right": "right"}
_CASE_WORDS = {"upper": "UPPER CASE", "lower_first": "starts lower-case",
               "upper_first": "starts upper-case"}  # fmt: skip
_MM_TOL = 0.1
_PT_TOL = 0.05


@dataclass(frozen=True)
class RuleResult:
    """One rule, checked: what was measured against what the profile expects."""

    rule_id: str
    description: str
    passed: bool
    measured: str
    expected: str


def _n(x: float) -> str:
    return f"{round(x, 2):g}"


# ------------------------------------------------------------------ measurements
# Each returns (display, passed) for one paragraph.

Measure = Callable[[Docx, Paragraph], tuple[str, bool]]


def _toggle(tag: str, want: bool, on: str, off: str) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        values = {doc.run_toggle(r, p.el, tag) for r in text_runs(p.el)}
        shown = "mixed" if len(values) > 1 else (on if values == {True} else off)
        return shown, values <= {want}

    return measure


def _underline(want: bool) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        values = {
            (doc.run_attr(r, p.el, "u") or "none") not in ("none", "0") for r in text_runs(p.el)
        }
        shown = "mixed" if len(values) > 1 else ("underlined" if True in values else "none")
        return shown, values <= {want}

    return measure


def _size(q: Quantity) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        sizes = sorted({doc.run_size(r, p.el) for r in text_runs(p.el)})
        return "/".join(f"{_n(s)} pt" for s in sizes), all(q.accepts(s) for s in sizes)

    return measure


def _case(case: str) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        text = p.text.strip()
        first = next((ch for ch in text if ch.isalpha()), "")
        if case == "upper":
            ok = text == upper_vi(text)
            return ("UPPER CASE" if ok else "not all capitals"), ok
        ok = first.islower() if case == "lower_first" else first.isupper()
        return f"starts {first!r}", ok

    return measure


def _align(want: str) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        jc = doc.para_attr(p.el, "jc", "val") or "left"
        jc = {"start": "left", "end": "right", "distribute": "both"}.get(jc, jc)
        return _ALIGN_WORDS.get(jc, jc), jc == want

    return measure


def _indent(q: Quantity) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        first = doc.para_attr(p.el, "ind", "firstLine")
        hanging = doc.para_attr(p.el, "ind", "hanging")
        twips = float(first) if first is not None else -float(hanging or 0)
        mm = twips_to_mm(twips)
        return f"{_n(mm)} mm", q.accepts(mm, _MM_TOL)

    return measure


def _spacing(attr: str, q: Quantity) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        pt = twips_to_pt(float(doc.para_attr(p.el, "spacing", attr) or 0))
        return f"{_n(pt)} pt", q.accepts(pt, _PT_TOL)

    return measure


def _line_spacing(ls: LineSpacing) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        rule = doc.para_attr(p.el, "spacing", "lineRule") or "auto"
        line = float(doc.para_attr(p.el, "spacing", "line") or 240)
        if rule == "auto":
            lines = line / 240
            shown = f"{_n(lines)} lines"
            if ls.rule != "multiple":
                return shown, False
            return shown, ls.value.accepts(lines, 0.005)
        pt = twips_to_pt(line)
        shown = f"{'exactly' if rule == 'exact' else 'at least'} {_n(pt)} pt"
        if ls.rule == "multiple":
            # A fixed spacing meets a range in lines when it falls inside it for this size.
            runs = text_runs(p.el)
            size = doc.run_size(runs[0], p.el) if runs else 14.0
            return shown, ls.value.accepts(pt / (SINGLE_LINE_EM * size), 0.005)
        if ls.rule == "exact" and rule != "exact":
            return shown, False
        return shown, ls.value.accepts(pt, _PT_TOL)

    return measure


def _checks(fmt: ElementFormat) -> Iterator[tuple[str, str, str, Measure]]:
    """(property, what, expected, measure) for every property the format sets."""
    if fmt.size is not None:
        yield "size", "font size", fmt.size.describe("pt"), _size(fmt.size)
    if fmt.bold is not None:
        yield (
            "bold",
            "bold",
            "bold" if fmt.bold else "not bold",
            _toggle("b", fmt.bold, "bold", "not bold"),
        )
    if fmt.italic is not None:
        yield (
            "italic",
            "italic",
            "italic" if fmt.italic else "upright",
            _toggle("i", fmt.italic, "italic", "upright"),
        )
    if fmt.underline is not None:
        shown = "underlined" if fmt.underline else "none"
        yield "underline", "underline", shown, _underline(fmt.underline)
    if fmt.case is not None:
        yield "case", "letter case", _CASE_WORDS[fmt.case], _case(fmt.case)
    if fmt.align is not None:
        yield "align", "alignment", _ALIGN_WORDS[fmt.align], _align(fmt.align)
    if fmt.first_line_indent_mm is not None:
        q = fmt.first_line_indent_mm
        yield "first_line_indent", "first-line indent", q.describe("mm"), _indent(q)
    if fmt.space_before_pt is not None:
        q = fmt.space_before_pt
        yield "space_before", "spacing before", q.describe("pt"), _spacing("before", q)
    if fmt.space_after_pt is not None:
        q = fmt.space_after_pt
        yield "space_after", "spacing after", q.describe("pt"), _spacing("after", q)
    if fmt.line_spacing is not None:
        ls = fmt.line_spacing
        yield "line_spacing", "line spacing", ls.describe(), _line_spacing(ls)


def _aggregate(doc: Docx, paras: list[Paragraph], measure: Measure) -> tuple[str, bool]:
    results = [(measure(doc, p), p) for p in paras]
    counts = Counter(shown for (shown, _), _ in results)
    passed = all(ok for (_, ok), _ in results)
    if len(paras) == 1:
        return results[0][0][0], passed
    parts = [f"{shown} ×{n}" if len(counts) > 1 else shown for shown, n in counts.most_common()]
    measured = ", ".join(parts)
    if not passed:
        bad = next(p for (_, ok), p in results if not ok)
        measured += f' (e.g. "{bad.snippet}")'
    return measured, passed


def element_rules(doc: Docx, profile: FormatProfile, found: Located) -> Iterator[RuleResult]:
    """Format rules for every element the profile describes."""
    e = profile.elements
    formats: list[tuple[str, str, ElementFormat | None]] = [
        (name, ELEMENT_LABELS[name], getattr(e, name))
        for name in (
            "motto",
            "slogan",
            "issuer_parent",
            "issuer_name",
            "number",
            "place_date",
            "title",
            "subject",
            "body",
        )
    ]
    formats += [(f"heading{i}", f"level-{i} headings", h) for i, h in enumerate(e.headings, 1)]
    formats += [
        (name, ELEMENT_LABELS[name], getattr(e, name))
        for name in (
            "recipients_label",
            "recipients_item",
            "signer_authority",
            "signer_title",
            "signer_name",
        )
    ]
    for name, label, fmt in formats:
        if fmt is None:
            continue
        paras = found.elements.get(name, [])
        if not paras:
            if name in REQUIRED:
                yield RuleResult(
                    f"{name}.present", f"{label}: present", False, "not found", "present"
                )
            continue
        for prop, what, expected, measure in _checks(fmt):
            # "starts lower-case" is about the first line; later lines continue the sentence.
            checked = paras[:1] if prop == "case" and fmt.case != "upper" else paras
            measured, passed = _aggregate(doc, checked, measure)
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
            f"{_n(wd)} × {_n(ht)} mm",
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
            q.accepts(mm, _MM_TOL),
            f"{_n(mm)} mm",
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
            for slot in ("ascii", "hAnsi"):
                name = doc.run_font(r, p, slot)
                fonts[name] += 1
                sample.setdefault(name, "".join(t.text or "" for t in r.iter(f"{W}t"))[:24])
    others = [f for f in fonts if f.casefold() != want]
    shown = ", ".join(f'{f} ×{fonts[f]} (e.g. "{sample[f]}")' for f in others) or profile.font
    yield RuleResult("font.all_text", "font of all text runs", not others, shown, profile.font)


def divider_rules(profile: FormatProfile, found: Located) -> Iterator[RuleResult]:
    d = profile.dividers
    labels = {
        "motto_rule": "drawn rule under the tiêu đề / tiêu ngữ",
        "issuer_rule": "short rule under the issuing body",
        "subject_rule": "short rule under the subject",
    }
    for name, label in labels.items():
        spec = getattr(d, name)
        if spec is None:
            continue
        length = found.rules.get(name)
        if length is None:
            yield RuleResult(
                f"{name}.length",
                f"{label}: length",
                False,
                "no rule found",
                spec.length_mm.describe("mm"),
            )
        else:
            yield RuleResult(
                f"{name}.length",
                f"{label}: length",
                spec.length_mm.accepts(length, _MM_TOL),
                f"{_n(length)} mm",
                spec.length_mm.describe("mm"),
            )
    for name, mark, label in (
        ("star", d.star, "mark under the issuer"),
        ("subject_separator", d.subject_separator, "line under the subject"),
    ):
        if mark is not None:
            present = name in found.marks
            yield RuleResult(
                f"{name}.present",
                f'{label} "{mark}"',
                present,
                "present" if present else "not found",
                "present",
            )


def layout_rules(found: Located) -> Iterator[RuleResult]:
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
        for prop, what, expected, measure in _checks(numbering.format):
            shown, ok = measure(doc, para)
            yield RuleResult(f"page_number.{prop}", f"page number: {what}", ok, shown, expected)
    sect = doc.section
    title_pg = sect is not None and _on(sect.find(f"{W}titlePg"))
    first = doc.page_field_paragraph(doc.header("first")) if title_pg else field
    hidden = first is None
    if not numbering.first_page:
        shown = "hidden (first-page header without PAGE)" if hidden else "shown on page 1"
        yield RuleResult(
            "page_number.first_page", "no page number on page 1", hidden, shown, "hidden"
        )


def _on(el: El | None) -> bool:
    return el is not None and el.get(f"{W}val", "true").lower() not in ("0", "false", "off")


def all_rules(doc: Docx, profile: FormatProfile, found: Located) -> list[RuleResult]:
    """Every rule, in reading order: page, fonts, header to signature, page numbers."""
    return [
        *page_rules(doc, profile),
        *font_rules(doc, profile),
        *element_rules(doc, profile, found),
        *divider_rules(profile, found),
        *layout_rules(found),
        *page_number_rules(doc, profile),
    ]
