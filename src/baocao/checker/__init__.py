"""The report checker: the mistakes a reviewer at the Ban Tổ chức would mark in red.

:func:`check` runs every rule over a report and returns :class:`Diagnostic`\\ s
with a stable code (``BC101``), a severity, the field path in the input and,
for a loaded file, its line. Rules and their reasons: docs/checker.md. The word
lists the rules use are YAML files in ``baocao/checker/data/``. Example::

    report, lines = baocao.loading.load_with_lines("bao-cao.yaml")
    for d in baocao.check(report, source_lines=lines):
        print(d.format("bao-cao.yaml"))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..loading import format_path
from ..model import AnyReport
from .context import TextUnit, build_context, known_profiles
from .diagnostic import SEVERITIES, Diagnostic, Severity
from .paths import Loc, input_loc, line_of
from .registry import RULES, rule
from .rule import Finding, Rule

__all__ = ["RULES", "SEVERITIES", "Diagnostic", "Rule", "Severity", "check", "known_profiles"]


def check(
    report: AnyReport,
    *,
    disable: Iterable[str] = (),
    source_lines: Mapping[Loc, int] | None = None,
    profile: str | None = None,
) -> list[Diagnostic]:
    """Every problem the rules find in ``report``, in reading order.

    ``disable``: rule codes to skip, on top of the report's own ``check.disable``
    (an unknown code here raises ``ValueError``; in the report it is itself
    reported, as BC001). ``source_lines``: the ``{path: line}`` map of
    :func:`baocao.loading.load_with_lines`, to give each diagnostic its line.
    ``profile``: the format profile whose type codes apply (``dang-hd36``,
    ``dang-hd05``, ``nha-nuoc-nd30``); by default the one in force on the
    report's date (:func:`baocao.profiles.select_profile`).
    """
    off = {rule(code).code for code in disable} | set(report.check.disable)
    ctx = build_context(report, profile)
    found: list[tuple[tuple[int, int, str], Diagnostic]] = []
    for code, r in RULES.items():
        if code in off:
            continue
        for f in r.run(ctx):
            found.append((_order(f, ctx.units), _diagnostic(report, r, f, source_lines)))
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


def _order(f: Finding, units: Sequence[TextUnit]) -> tuple[int, int, str]:
    """Reading order: by text, then position in it.

    A finding on a field rather than a text goes with the text at or under that
    field; header fields come first, the rest (signer, recipients) last.
    """
    if f.unit is not None:
        return (f.unit.index, f.offset or 0, f.code)
    for u in units:
        n = min(len(u.loc), len(f.loc))
        if u.loc[:n] == f.loc[:n]:
            return (u.index, 0, f.code)
    return (-1 if f.loc[:1] in (("header",), ("period_year",)) else len(units), 0, f.code)


def _field_text(report: AnyReport, loc: Loc) -> str | None:
    """The words of a field a finding is about, as written (``header.number.written``)."""
    obj: Any = report
    try:
        for step in loc:
            obj = obj[step] if isinstance(step, int) else getattr(obj, step)
    except (AttributeError, IndexError, KeyError, TypeError):
        return None
    written = getattr(obj, "written", None)
    if isinstance(written, str) and written:
        return written
    if isinstance(obj, str) and obj:
        return obj
    return None


def _diagnostic(
    report: AnyReport,
    r: Rule,
    f: Finding,
    lines: Mapping[Loc, int] | None,
) -> Diagnostic:
    if f.unit is not None:
        loc = input_loc(
            report, f.loc, text=f.unit.text, offset=f.offset, run_starts=f.unit.run_starts
        )
    else:
        loc = input_loc(report, f.loc)
    return Diagnostic(
        code=r.code,
        severity=r.severity,
        path=format_path(loc),
        message=f.message,
        suggestion=f.suggestion,
        line=line_of(lines, loc) if lines is not None else None,
        text=f.words if f.words is not None else _field_text(report, loc),
        offset=f.offset if f.unit is not None else None,
        unit_path=format_path(f.unit.loc) if f.unit is not None else None,
    )
