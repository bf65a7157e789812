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
from .text import fold, phrase_pattern

__all__ = ["RULES"]


_Full = tuple[str, re.Pattern[str]]
"""A full form folded (a quick pre-test) and as a pattern."""


@functools.cache
def _patterns() -> tuple[tuple[Abbreviation, re.Pattern[str], tuple[_Full, ...]], ...]:
    return tuple(
        (
            a,
            re.compile(rf"(?<![\w/-]){re.escape(a.abbreviation)}(?![\w/-])"),
            tuple((fold(f), phrase_pattern(f, ignore_case=True)) for f in a.full),
        )
        for a in abbreviations()
    )


def _explained_after(text: str, end: int, full: tuple[_Full, ...]) -> bool:
    """``BCH (Ban Chấp hành …)``: the full form follows in brackets."""
    rest = text[end:].lstrip()
    return rest.startswith("(") and any(p.match(rest, 1) for _, p in full)


def _printed_above(ctx: Context) -> str:
    """The header's issuer lines and the signer's authority, which the reader sees first."""
    header = ctx.document.header
    issuer = header.issuer
    parts = [getattr(issuer, "parent", None) or "", getattr(issuer, "name", None) or ""]
    if ctx.document.signer is not None:
        parts.append(getattr(ctx.document.signer, "on_behalf", None) or "")
    return " ".join(" ".join(str(p).split()) for p in parts)


def _introduced(ctx: Context, full: tuple[_Full, ...], index: int, pos: int) -> bool:
    """A full form is printed above the body (issuer, signer's authority), or appears
    in the texts before ``units[index]``, or before ``pos`` in it."""
    above = _printed_above(ctx)
    if any(p.search(above) for _, p in full):
        return True
    return any(
        folded in u.folded and p.search(u.text, 0, pos if u.index == index else len(u.text))
        for u in ctx.units[: index + 1]
        for folded, p in full
    )


def abbreviations_before_full_form(ctx: Context) -> Iterator[Finding]:
    """BC701: the first use of an abbreviation whose full form has not appeared yet."""
    for entry, short, full in _patterns():
        first = next(
            (
                (u, m)
                for u in ctx.units
                if entry.abbreviation in u.text and (m := short.search(u.text))
            ),
            None,
        )
        if first is None:
            continue
        unit, m = first
        if _explained_after(unit.text, m.end(), full) or _introduced(
            ctx, full, unit.index, m.start()
        ):
            continue
        yield unit.finding(
            "BC701",
            m.start(),
            f'viết tắt "{entry.abbreviation}" được dùng trước khi viết đầy đủ "{entry.full[0]}"',
            f"lần đầu viết đầy đủ: {entry.full[0]}",
            len(m[0]),
        )


RULES = (Rule("BC701", "hint", "Viết tắt trước khi viết đầy đủ", abbreviations_before_full_form),)
