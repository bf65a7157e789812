"""BC701: an abbreviation used before its full form (``data/abbreviations.yaml``).

A reader meeting "UBKT" first must guess what it stands for; the habit is to
write the name in full once ("Ủy ban Kiểm tra Đảng ủy") before shortening it.
Reported once per abbreviation, as a hint.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .context import Context
from .data import Abbreviation, abbreviations
from .rule import Finding, Rule
from .text import phrase_pattern

__all__ = ["RULES"]


@functools.cache
def _patterns() -> tuple[tuple[Abbreviation, re.Pattern[str], tuple[re.Pattern[str], ...]], ...]:
    return tuple(
        (
            a,
            re.compile(rf"(?<![\w/-]){re.escape(a.abbreviation)}(?![\w/-])"),
            tuple(phrase_pattern(f, ignore_case=True) for f in a.full),
        )
        for a in abbreviations()
    )


def _explained_after(text: str, end: int, full: tuple[re.Pattern[str], ...]) -> bool:
    """``BCH (Ban Chấp hành …)``: the full form follows in brackets."""
    rest = text[end:].lstrip()
    return rest.startswith("(") and any(p.match(rest, 1) for p in full)


def abbreviations_before_full_form(ctx: Context) -> Iterator[Finding]:
    """BC701: the first use of an abbreviation whose full form has not appeared yet."""
    for entry, short, full in _patterns():
        introduced_at: tuple[int, int] | None = None
        for unit in ctx.units:
            starts = [m.start() for p in full for m in p.finditer(unit.text)]
            if starts and introduced_at is None:
                introduced_at = (unit.index, min(starts))
            m = short.search(unit.text)
            if m is None:
                continue
            if introduced_at is not None and introduced_at < (unit.index, m.start()):
                break
            if _explained_after(unit.text, m.end(), full):
                break
            yield unit.finding(
                "BC701",
                m.start(),
                f'viết tắt "{entry.abbreviation}" được dùng trước khi viết đầy đủ '
                f'"{entry.full[0]}"',
                f"lần đầu viết đầy đủ: {entry.full[0]}",
            )
            break


RULES = (Rule("BC701", "hint", "Viết tắt trước khi viết đầy đủ", abbreviations_before_full_form),)
