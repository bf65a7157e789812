"""BC9xx: the form rules of :mod:`baocao.model.forms`, reported for a report loaded leniently.

In strict mode these are load errors; a report loaded with ``lenient=True`` holds
the values as written, and these rules give the same codes back as diagnostics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model.forms import FORM_RULES, deviations
from .context import Context
from .rule import Finding, Rule

__all__ = ["RULES"]


def _finder(code: str) -> Callable[[Context], Iterator[Finding]]:
    def run(ctx: Context) -> Iterator[Finding]:
        for d in deviations(ctx.report):
            if d.code == code:
                yield Finding(code, d.loc, d.message, d.suggestion)

    run.__doc__ = f"{code}: {FORM_RULES[code].title}"
    return run


RULES: tuple[Rule, ...] = tuple(
    Rule(r.code, r.severity, r.title, _finder(r.code)) for r in FORM_RULES.values()
)
