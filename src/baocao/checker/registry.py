"""Every rule of the checker, by code, in the order they are documented (docs/checker.md)."""

from __future__ import annotations

from collections.abc import Iterator

from . import (
    abbreviations,
    capitalization,
    citations,
    consistency,
    dates,
    encoding,
    figures,
    forms,
    mentions,
    numbers,
    spelling,
    structure,
    symbols,
    words,
)
from .context import Context
from .rule import Finding, Rule

__all__ = ["RULES", "rule"]


def unknown_disabled_codes(ctx: Context) -> Iterator[Finding]:
    """BC001: ``check.disable`` names a code no rule has (a typo switches nothing off)."""
    for i, code in enumerate(ctx.document.check.disable):
        if code not in RULES:
            yield Finding(
                "BC001",
                ("check", "disable", i),
                f'không có quy tắc kiểm tra mã "{code}"',
                "mã có dạng BC101; xem docs/checker.md",
            )


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("BC001", "warning", "Mã quy tắc không tồn tại", unknown_disabled_codes),
        *citations.RULES,
        *mentions.RULES[:3],
        *symbols.RULES,
        *mentions.RULES[3:],
        *dates.RULES,
        *numbers.RULES,
        *figures.RULES,
        *capitalization.RULES,
        *spelling.RULES,
        *words.RULES,
        *abbreviations.RULES,
        *structure.RULES,
        *forms.RULES,
        *consistency.RULES,
        *encoding.RULES,
    )
}
"""Code → rule."""


def rule(code: str) -> Rule:
    """The rule with ``code``; ``ValueError`` naming the known codes otherwise."""
    try:
        return RULES[code]
    except KeyError:
        raise ValueError(f"unknown rule code {code!r} (known: {', '.join(RULES)})") from None
