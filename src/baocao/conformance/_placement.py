"""Rules measured against the text they belong to, not against a fixed number.

A drawn rule is a fraction of the printed width of the line above it; the page
number must sit where the profile puts it and inside the top margin; the State
date shares the line of the Số; the signer's name leaves room to sign; all
text is black. Widths come from Times New Roman's advance widths
(:mod:`baocao.profiles.metrics`) at each run's effective size and emphasis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..i18n import _
from ..profiles import FormatProfile, Quantity
from ..profiles.metrics import text_width_mm
from ..profiles.units import twips_to_mm, twips_to_pt
from ._found import Located
from ._measure import MM_TOL, SINGLE_LINE_EM, num
from ._ooxml import Docx, El, Paragraph, W, text_of, text_runs
from ._rules import TITLE_BLOCK, RuleResult
from ._tables import table_rules

__all__ = ["placement_rules"]

_PT_TO_MM = 25.4 / 72
_RULE_LABELS = {
    "motto_rule": "drawn rule under the tiêu đề / tiêu ngữ",
    "issuer_rule": "short rule under the issuing body",
    "subject_rule": "short rule under the subject",
}
_RULE_TEXT = {"motto_rule": ("slogan", "motto"), "issuer_rule": ("issuer_name",),
              "subject_rule": ("subject",)}  # fmt: skip
"""The element whose widest printed line each rule is measured against (first found)."""


def _pct(x: float) -> str:
    return f"{round(x * 100):g} %"


def line_width_mm(doc: Docx, p: El) -> float:
    """Printed width of the widest line of a paragraph (lines end at ``w:br``)."""
    widest = current = 0.0
    for r in p.iter(f"{W}r"):
        size = doc.run_size(r, p)
        bold, italic = doc.run_toggle(r, p, "b"), doc.run_toggle(r, p, "i")
        for node in r:
            if node.tag == f"{W}t":
                current += text_width_mm(node.text or "", size, bold=bold, italic=italic)
            elif node.tag == f"{W}tab":
                current += text_width_mm(" ", size)
            elif node.tag in (f"{W}br", f"{W}cr"):
                widest, current = max(widest, current), 0.0
    return max(widest, current)


def divider_rules(doc: Docx, profile: FormatProfile, found: Located) -> Iterator[RuleResult]:
    d = profile.dividers
    cong_van = "cong_van" in found.marks  # no title block: its subject is under Số
    for name, label in _RULE_LABELS.items():
        spec = getattr(d, name)
        if spec is None or (cong_van and name in TITLE_BLOCK):
            continue
        q: Quantity = spec.fraction
        expected = _("{value} dòng chữ phía trên ({low}–{high})").format(
            value=_pct(q.value), low=_pct(q.low), high=_pct(q.high)
        )
        length = found.rules.get(name)
        above = next((found.elements[e] for e in _RULE_TEXT[name] if e in found.elements), [])
        if length is None:
            yield RuleResult(f"{name}.length", f"{label}: length", False, "no rule found", expected)
            continue
        width = max((line_width_mm(doc, p.el) for p in above), default=0.0)
        if width <= 0:
            shown = _("{length} mm, không thấy dòng chữ phía trên").format(length=num(length))
            yield RuleResult(f"{name}.length", f"{label}: length", False, shown, expected)
            continue
        shown = _("{pct} của dòng ({length} mm / {width} mm)").format(
            pct=_pct(length / width), length=num(length), width=num(width)
        )
        ok = q.accepts(length / width, 0.005)
        yield RuleResult(f"{name}.length", f"{label}: length", ok, shown, expected)
    for name, mark, label in (
        ("star", d.star, "mark under the issuer"),
        ("subject_separator", d.subject_separator, "line under the subject"),
    ):
        if mark is not None and not (cong_van and name in TITLE_BLOCK):
            present = name in found.marks
            shown = "present" if present else "not found"
            yield RuleResult(f"{name}.present", f'{label} "{mark}"', present, shown, "present")


def header_distance_rule(doc: Docx, profile: FormatProfile) -> Iterator[RuleResult]:
    """The page header at the profile's distance, its page number inside the top margin."""
    mar = doc.section.find(f"{W}pgMar") if doc.section is not None else None
    want = profile.page.header_mm
    allowed = profile.page.header_range_mm or Quantity(value=want, min=want - 2, max=want + 2)
    expected = _("{allowed}, số trang nằm trong lề trên").format(allowed=allowed.describe("mm"))
    desc = _("khoảng cách từ mép trên tới số trang (header)")
    if mar is None or mar.get(f"{W}header") is None:
        yield RuleResult("page.header_distance", desc, False, _("không đặt"), expected)
        return
    header = twips_to_mm(float(mar.get(f"{W}header", "0")))
    top = twips_to_mm(abs(float(mar.get(f"{W}top", "0"))))
    size = profile.page_number.format.size
    number_mm = (size.value if size else 14.0) * SINGLE_LINE_EM * _PT_TO_MM
    fits = header + number_mm <= top + MM_TOL
    ok = allowed.accepts(header, MM_TOL) and fits
    shown = _("{mm} mm").format(mm=num(header))
    if not fits:
        shown += _(" (số trang tràn lề trên {top} mm)").format(top=num(top))
    yield RuleResult("page.header_distance", desc, ok, shown, expected)


def _color(doc: Docx, r: El, p: El) -> str:
    value = (doc.run_attr(r, p, "color") or "auto").upper()
    return "000000" if value == "AUTO" else value


def color_rule(doc: Docx, profile: FormatProfile) -> Iterator[RuleResult]:
    """Every visible run of the body and the page headers prints in the profile's colour."""
    want = profile.text_color
    if want is None:
        return
    colors: Counter[str] = Counter()
    sample: dict[str, str] = {}
    parts = [doc.body, *(h for h in (doc.header("default"), doc.header("first")) if h is not None)]
    for part in parts:
        for p in part.iter(f"{W}p"):
            for r in text_runs(p):
                text = "".join(t.text or "" for t in r.iter(f"{W}t"))
                if not text.strip():
                    continue
                c = _color(doc, r, p)
                colors[c] += 1
                sample.setdefault(c, text[:24])
    others = [c for c in colors if c != want.upper()]
    shown = ", ".join(
        _('{color} ở {n} đoạn chữ (vd. "{sample}")').format(color=c, n=colors[c], sample=sample[c])
        for c in others
    )
    expected = _("đen ({color})").format(color=want) if want.upper() == "000000" else want
    desc = _("màu chữ của mọi đoạn chữ")
    yield RuleResult("font.color", desc, not others, shown or expected, expected)


def _cell_line(p: Paragraph) -> int:
    """How many paragraphs precede ``p`` in its table cell (its line there, from 0)."""
    cell = p.el.getparent()
    if cell is None:
        return 0
    return [c for c in cell if c.tag == f"{W}p"].index(p.el)


def number_date_rule(doc: Docx, profile: FormatProfile, found: Located) -> Iterator[RuleResult]:
    """State box 4: the place-date on the line of the Số (same row, same line, same spacing)."""
    if not profile.layout.number_date_same_line:
        return
    desc = _("địa danh, ngày tháng cùng dòng với Số")
    expected = _("cùng hàng, cùng dòng")
    number, dated = found.elements.get("number", []), found.elements.get("place_date", [])
    if not number or not dated:
        yield RuleResult("layout.number_date_line", desc, False, _("không thấy"), expected)
        return
    a, b = number[0], dated[0]
    if a.table_index is None or (a.table_index, a.row) != (b.table_index, b.row):
        shown = _("Số ở hàng {a}, ngày tháng ở hàng {b}").format(a=a.row + 1, b=b.row + 1)
        yield RuleResult("layout.number_date_line", desc, False, shown, expected)
        return
    la, lb = _cell_line(a), _cell_line(b)
    sa, sb = (float(doc.para_attr(p.el, "spacing", "before") or 0) for p in (a, b))
    if la != lb or abs(sa - sb) > 1:
        shown = _("Số ở dòng {a} (cách trên {sa} pt), ngày tháng ở dòng {b} ({sb} pt)").format(
            a=la + 1, b=lb + 1, sa=num(twips_to_pt(sa)), sb=num(twips_to_pt(sb))
        )
        yield RuleResult("layout.number_date_line", desc, False, shown, expected)
        return
    yield RuleResult("layout.number_date_line", desc, True, expected, expected)


def _height_pt(doc: Docx, p: El) -> float:
    """The height one line of ``p`` takes, spacing before and after included."""
    probe = p.find(f"{W}r")
    size = doc.run_size(probe if probe is not None else p.makeelement(f"{W}r"), p)
    rule = doc.para_attr(p, "spacing", "lineRule") or "auto"
    line = float(doc.para_attr(p, "spacing", "line") or 240)
    natural = size * SINGLE_LINE_EM
    height = natural * line / 240 if rule == "auto" else twips_to_pt(line)
    if rule == "atLeast":
        height = max(height, natural)
    before = float(doc.para_attr(p, "spacing", "before") or 0)
    after = float(doc.para_attr(p, "spacing", "after") or 0)
    return height + twips_to_pt(before + after)


def _column_above(name: Paragraph) -> list[El]:
    """The paragraphs of the name's cell, after those of the same column in the row above
    (a joint signature prints titles in one row and names in the next)."""
    cell = name.el.getparent()
    if cell is None:
        return []
    lines = [c for c in cell if c.tag == f"{W}p"]
    tr = cell.getparent()
    if name.el is next(iter(lines), None) and tr is not None and tr.tag == f"{W}tr":
        prev = tr.getprevious()
        if prev is not None and prev.tag == f"{W}tr":
            cells = prev.findall(f"{W}tc")
            if name.cell < len(cells):
                lines = [c for c in cells[name.cell] if c.tag == f"{W}p"] + lines
    return lines


def signature_space_rule(doc: Docx, profile: FormatProfile, found: Located) -> Iterator[RuleResult]:
    """Room to sign: the lines between the title (or authority) line and each name."""
    q = profile.layout.signature_space_mm
    if q is None:
        return
    desc = _("khoảng trống để ký giữa chức vụ và họ tên")
    expected = q.describe("mm")
    names = found.elements.get("signer_name", [])
    if not names:
        return
    above = [p.el for e in ("signer_title", "signer_authority") for p in found.elements.get(e, [])]
    gaps = []
    for name in names:
        lines = _column_above(name)
        at = next((i for i, c in enumerate(lines) if c is name.el), 0)
        tops = [i + 1 for i, c in enumerate(lines[:at]) if any(c is a for a in above)]
        start = max(tops, default=0)
        gaps.append(sum(_height_pt(doc, c) for c in lines[start:at]) * _PT_TO_MM)
    shown = ", ".join(_("{mm} mm").format(mm=num(g)) for g in gaps)
    ok = all(q.accepts(g, MM_TOL) for g in gaps)
    yield RuleResult("layout.signature_space", desc, ok, shown, expected)


def as_above_rule(doc: Docx, profile: FormatProfile, found: Located) -> Iterator[RuleResult]:
    """A report with a Kính gửi lists its addressees first in Nơi nhận as "- Như trên"."""
    if not profile.layout.as_above_first:
        return
    addressed = any(
        text_of(b).strip().startswith("Kính gửi") for b in doc.blocks() if b.tag == f"{W}p"
    )
    items = found.elements.get("recipients_item", [])
    if not addressed or not items:
        return
    first = items[0].text.strip()
    ok = first.casefold().startswith("- như trên")
    desc = _('có "Kính gửi": dòng đầu của Nơi nhận là "- Như trên"')
    yield RuleResult("recipients_item.as_above", desc, ok, f'"{first[:28]}"', '"- Như trên;"')


def placement_rules(doc: Docx, profile: FormatProfile, found: Located) -> list[RuleResult]:
    return [
        *header_distance_rule(doc, profile),
        *color_rule(doc, profile),
        *divider_rules(doc, profile, found),
        *number_date_rule(doc, profile, found),
        *signature_space_rule(doc, profile, found),
        *as_above_rule(doc, profile, found),
        *table_rules(doc, profile, found),
    ]
