"""Red ink as HTML: the report's text with each finding highlighted where it stands.

:func:`highlight` marks spans in one paragraph (escaped, reusable by any page
that shows text with findings, e.g. a render service's preview);
:func:`findings_page` is the whole report as a standalone page, each paragraph
followed by its findings (code, message, suggestion).
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..i18n import _
from ..loading import format_path
from ..model import AnyReport
from .context import TextUnit, build_context
from .diagnostic import Diagnostic

__all__ = ["Mark", "findings_page", "highlight", "marks_of", "place"]


@dataclass(frozen=True)
class Mark:
    """A span of a paragraph to highlight: ``[start, end)``, its severity and its note."""

    start: int
    end: int
    severity: str
    note: str
    number: int = 0
    """Shown after the span (¹, ², …) and in the list of findings; 0: none."""


SEVERITY_NAMES: dict[str, str] = {"error": "lỗi", "warning": "cảnh báo", "hint": "gợi ý"}


def severity_name(severity: str) -> str:
    """ "lỗi", "cảnh báo", "gợi ý" (in the language in force)."""
    return _(SEVERITY_NAMES.get(severity, severity))


def note_of(d: Diagnostic) -> str:
    """ "BC602 cảnh báo: … → …": how a finding reads in a tooltip or a comment."""
    text = f"{d.code} {severity_name(d.severity)}: {d.message}"
    return f"{text} → {d.suggestion}" if d.suggestion else text


def highlight(text: str, marks: Iterable[Mark]) -> str:
    """``text`` escaped, each mark a ``<mark class="severity" title="note">``.

    Marks are applied in order of start; one overlapping an earlier mark is
    left out of the text (its note can still be listed).
    """
    out: list[str] = []
    pos = 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > len(text) or m.end <= m.start:
            continue
        out.append(html.escape(text[pos : m.start]))
        sup = f"<sup>{m.number}</sup>" if m.number else ""
        anchor = f' id="finding-{m.number}"' if m.number else ""
        out.append(
            f'<mark class="{html.escape(m.severity)}"{anchor} title="{html.escape(m.note)}">'
            f"{html.escape(text[m.start : m.end])}</mark>{sup}"
        )
        pos = m.end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def place(d: Diagnostic, units: Sequence[TextUnit]) -> tuple[TextUnit, int, int] | None:
    """The printed paragraph a diagnostic is about, and its span there."""
    by_path = {format_path(u.loc): u for u in units}
    unit = by_path.get(d.unit_path or "")
    if unit is not None and d.offset is not None:
        end = d.offset + len(d.text or "") if d.text else len(unit.text)
        return unit, d.offset, min(end, len(unit.text))
    if d.text:
        for u in units:
            at = u.text.find(d.text)
            if at >= 0:
                return u, at, at + len(d.text)
    return None


def marks_of(
    diagnostics: Sequence[Diagnostic], units: Sequence[TextUnit]
) -> tuple[dict[int, list[tuple[Mark, Diagnostic]]], list[Diagnostic]]:
    """Marks per unit index, numbered in reading order; and the findings placed nowhere."""
    per_unit: dict[int, list[tuple[Mark, Diagnostic]]] = defaultdict(list)
    loose: list[Diagnostic] = []
    for n, d in enumerate(diagnostics, start=1):
        where = place(d, units)
        if where is None:
            loose.append(d)
            continue
        unit, start, end = where
        per_unit[unit.index].append((Mark(start, end, d.severity, note_of(d), n), d))
    return per_unit, loose


_STYLE = """
body { font-family: "Times New Roman", serif; max-width: 46em; margin: 2em auto; line-height: 1.5; }
mark { padding: 0 .1em; border-bottom: 2px solid; }
mark.error { background: #fdd; border-color: #c00; }
mark.warning { background: #ffe9b3; border-color: #d80; }
mark.hint { background: #e3f0ff; border-color: #38c; }
sup { color: #c00; font-size: .7em; }
ol.findings { font-family: sans-serif; font-size: .85em; color: #333; margin: .2em 0 1em; }
ol.findings code { font-weight: bold; }
.suggestion { color: #060; }
.summary { font-family: sans-serif; }
"""


def _finding_item(number: int, d: Diagnostic) -> str:
    fix = f' → <span class="suggestion">{html.escape(d.suggestion)}</span>' if d.suggestion else ""
    return (
        f'<li value="{number}"><code>{html.escape(d.code)}</code> '
        f"{html.escape(severity_name(d.severity))}: {html.escape(d.message)}{fix} "
        f"<small>({html.escape(d.path)})</small></li>"
    )


def findings_page(
    report: AnyReport,
    diagnostics: Sequence[Diagnostic],
    title: str | None = None,
) -> str:
    """A standalone HTML page: the report's text, findings highlighted and listed."""
    units = build_context(report).units
    per_unit, loose = marks_of(diagnostics, units)
    number = {id(d): n for n, d in enumerate(diagnostics, start=1)}
    heading = title or _("Kết quả kiểm tra báo cáo")
    counts = {s: sum(d.severity == s for d in diagnostics) for s in ("error", "warning", "hint")}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>{html.escape(heading)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(heading)}</h1>",
        '<p class="summary">'
        + html.escape(
            _("{errors} lỗi, {warnings} cảnh báo, {hints} gợi ý").format(
                errors=counts["error"], warnings=counts["warning"], hints=counts["hint"]
            )
        )
        + "</p>",
    ]
    if loose:
        parts.append('<ol class="findings">')
        parts += [_finding_item(number[id(d)], d) for d in loose]
        parts.append("</ol>")
    for unit in units:
        found = per_unit.get(unit.index, [])
        body = highlight(unit.text, [m for m, _d in found])
        tag = "h3" if unit.role in ("heading", "subject") else "p"
        parts.append(f"<{tag}>{body}</{tag}>")
        if found:
            parts.append('<ol class="findings">')
            parts += [_finding_item(m.number, d) for m, d in found]
            parts.append("</ol>")
    parts.append("</body></html>")
    return "\n".join(parts)
