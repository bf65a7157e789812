"""The report checker: the mistakes a reviewer at the Ban Tổ chức would mark in red.

:func:`check` runs every rule over a report and returns :class:`Diagnostic`\\ s
with a stable code (``BC101``), a severity, the field path in the input and,
for a loaded file, its line. Rules and their reasons: docs/checker.md. The word
lists the rules use are YAML files in ``baocao/checker/data/``.

>>> import baocao
>>> from baocao.checker import check
>>> report = baocao.load("examples/bao-cao-quy-dinh-02-da-sua.yaml")
>>> check(report)
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model import Document, ImplementationReport
from .context import build_context, known_profiles
from .diagnostic import SEVERITIES, Diagnostic, Severity
from .paths import Loc, input_loc, line_of
from .registry import RULES, rule
from .rule import Finding, Rule

__all__ = ["RULES", "SEVERITIES", "Diagnostic", "Rule", "Severity", "check", "known_profiles"]


def check(
    report: Document | ImplementationReport,
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
            found.append((_order(f, len(ctx.units)), _diagnostic(report, r, f, source_lines)))
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


def _order(f: Finding, end: int) -> tuple[int, int, str]:
    """Reading order: by text, then position in it; parts without text come last."""
    if f.unit is not None:
        return (f.unit.index, f.offset or 0, f.code)
    return (end, 0, f.code)


def _diagnostic(
    report: Document | ImplementationReport,
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
        path=_format(loc),
        message=f.message,
        suggestion=f.suggestion,
        line=line_of(lines, loc) if lines is not None else None,
    )


def _format(loc: Loc) -> str:
    from ..loading import format_path

    return format_path(loc)
