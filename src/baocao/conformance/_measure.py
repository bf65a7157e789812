"""Measuring one property of one paragraph, and summing a property over many.

Each ``Measure`` returns what it saw, in words ("14 pt", "justified",
"exactly 18 pt"), and whether that meets the profile. ``checks`` lists the
measures an element format asks for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from ..i18n import _
from ..profiles import ElementFormat, LineSpacing, Quantity
from ..profiles.units import twips_to_mm, twips_to_pt
from ..vi import upper_vi
from ._ooxml import Docx, Paragraph, text_runs

__all__ = ["MM_TOL", "PT_TOL", "SINGLE_LINE_EM", "Measure", "aggregate", "checks", "num"]

SINGLE_LINE_EM = 1.15
"""Height of one single-spaced line of Times New Roman, in ems (ascent + descent + gap)."""

_ALIGN_WORDS = {"both": "justified", "center": "centred", "left": "left", "right": "right"}
_CASE_WORDS = {
    "upper": "UPPER CASE",
    "lower_first": "starts lower-case",
    "upper_first": "starts upper-case",
}
MM_TOL = 0.1
"""Rounding of millimetres to twips and back."""
PT_TOL = 0.05

Measure = Callable[[Docx, Paragraph], tuple[str, bool]]


def num(x: float) -> str:
    """A measurement for display: at most two decimals, no trailing zeros."""
    return f"{round(x, 2):g}"


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
        return "/".join(f"{num(s)} pt" for s in sizes), all(q.accepts(s) for s in sizes)

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
        return f"{num(mm)} mm", q.accepts(mm, MM_TOL)

    return measure


def _spacing(attr: str, q: Quantity) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        pt = twips_to_pt(float(doc.para_attr(p.el, "spacing", attr) or 0))
        return f"{num(pt)} pt", q.accepts(pt, PT_TOL)

    return measure


def _line_spacing(ls: LineSpacing) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        rule = doc.para_attr(p.el, "spacing", "lineRule") or "auto"
        line = float(doc.para_attr(p.el, "spacing", "line") or 240)
        if rule == "auto":
            lines = line / 240
            shown = f"{num(lines)} lines"
            if ls.rule != "multiple":
                return shown, False
            return shown, ls.value.accepts(lines, 0.005)
        pt = twips_to_pt(line)
        shown = f"{'exactly' if rule == 'exact' else 'at least'} {num(pt)} pt"
        if ls.rule == "multiple":
            # A fixed spacing meets a range in lines when it falls inside it for this size.
            runs = text_runs(p.el)
            size = doc.run_size(runs[0], p.el) if runs else 14.0
            return shown, ls.value.accepts(pt / (SINGLE_LINE_EM * size), 0.005)
        if ls.rule == "exact" and rule != "exact":
            return shown, False
        return shown, ls.value.accepts(pt, PT_TOL)

    return measure


def _prefix(want: str) -> Measure:
    def measure(doc: Docx, p: Paragraph) -> tuple[str, bool]:
        text = p.text.lstrip()
        return f'"{text[: len(want) + 3]}…"', text.startswith(want)

    return measure


_TOGGLES = (("bold", "b", "bold", "not bold"), ("italic", "i", "italic", "upright"))
"""Run properties that are on or off: (format field, OOXML tag, word when on, when off)."""


def checks(fmt: ElementFormat) -> Iterator[tuple[str, str, str, Measure]]:
    """(property, what, expected, measure) for every property the format sets."""
    if fmt.size is not None:
        yield "size", "font size", fmt.size.describe("pt"), _size(fmt.size)
    for prop, tag, on, off in _TOGGLES:
        want: bool | None = getattr(fmt, prop)
        if want is not None:
            yield prop, prop, on if want else off, _toggle(tag, want, on, off)
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
    if fmt.prefix is not None:
        shown = f'"{fmt.prefix}…"'
        yield "prefix", _("viết mở đầu (dấu hai chấm sau Số theo khối)"), shown, _prefix(fmt.prefix)


def aggregate(doc: Docx, paras: list[Paragraph], measure: Measure) -> tuple[str, bool]:
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
