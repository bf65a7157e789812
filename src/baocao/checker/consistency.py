"""BC95x: one report, one way of writing the same thing.

Both tone placements are accepted ("ủy"/"uỷ", "hòa"/"hoà", format-rules.md
§13), but not both in one report: the less used placement is reported where it
stands. Quotation marks hug what they quote: "“ Dân vận khéo ”" has spaces
inside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..i18n import _
from .context import Context
from .encoding import in_legacy_run
from .rule import Finding, Rule
from .text import like_case
from .tones import tone_style

__all__ = ["RULES"]

_WORD = re.compile(r"(?<!\w)\w+(?!\w)")


def mixed_tone_placement(ctx: Context) -> Iterator[Finding]:
    """BC951: "uỷ" and "ủy" (or "hoà" and "hòa") in one report: the fewer are reported."""
    seen: list[tuple[str, str, int, int, str]] = []
    for unit in ctx.units:
        if unit.upper:
            continue
        for m in _WORD.finditer(unit.text):
            style = tone_style(m[0])
            if style is not None and in_legacy_run(unit.text, m.start()):
                continue
            if style is not None:
                seen.append((style[0], style[1], unit.index, m.start(), m[0]))
    old = sum(s[0] == "old" for s in seen)
    new = len(seen) - old
    if not old or not new:
        return
    minority = "old" if old < new else "new"
    keep, count = ("mới (hòa, ủy)", new) if minority == "old" else ("cũ (hoà, uỷ)", old)
    for placement, other, index, start, word in seen:
        if placement != minority:
            continue
        unit = ctx.units[index]
        yield unit.finding(
            "BC951",
            start,
            _('"{word}" đặt dấu khác phần còn lại của báo cáo (kiểu {keep}, {count} chỗ)').format(
                word=word, keep=keep, count=count
            ),
            like_case(word, other),
            len(word),
        )


_INNER_SPACE = re.compile(r"“\s+[^”]*”|“[^”]*\s+”|\"\s+[^\"]+?\s+\"")


def quotes_with_spaces(ctx: Context) -> Iterator[Finding]:
    """BC952: a quotation with spaces inside its marks ("“ Dân vận khéo ”")."""
    for unit in ctx.units:
        for m in _INNER_SPACE.finditer(unit.text):
            inner = m[0][1:-1].strip()
            yield unit.finding(
                "BC952",
                m.start(),
                _("dấu ngoặc kép có khoảng trắng bên trong: {quoted}").format(quoted=m[0]),
                f"“{inner}”",
                len(m[0]),
            )


RULES = (
    Rule("BC951", "warning", "Đặt dấu thanh không thống nhất", mixed_tone_placement),
    Rule("BC952", "warning", "Khoảng trắng trong dấu ngoặc kép", quotes_with_spaces),
)
