"""BC5xx: letter case, per Nghị định 30/2020/NĐ-CP Phụ lục II (format-rules.md §13).

Common nouns are lower case inside a sentence ("tổ chức thực hiện", "tổ chức
đảng"); the words of an organization's name that say its type, function or
field are capitals ("Ban Thường vụ Huyện ủy"). The word lists are data
(``data/capitalization.yaml``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..vi import lower_first
from .context import Context, longest_matches
from .data import capitalization
from .rule import Finding, Rule
from .text import (
    excerpt,
    fold,
    next_word,
    phrase_pattern,
    preceded_by,
    same_tone_marks,
    sentence_start,
)

__all__ = ["RULES"]


@functools.cache
def _noun_patterns() -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    return tuple(
        (n.word, phrase_pattern(n.word), tuple(n.allowed_after))
        for n in capitalization().common_nouns
    )


@functools.cache
def _organization_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Each name, folded (a quick pre-test), and its pattern."""
    return tuple(
        (name, fold(name), phrase_pattern(name, ignore_case=True))
        for name in capitalization().organization_names()
    )


def capitalized_common_nouns(ctx: Context) -> Iterator[Finding]:
    """BC501: "Tổ chức thực hiện" in mid-sentence; lower case is the rule."""
    for unit in ctx.units:
        if unit.upper or unit.role == "recipient":
            continue
        for word, pattern, allowed in _noun_patterns():
            if word not in unit.text:
                continue
            for m in pattern.finditer(unit.text):
                if (
                    sentence_start(unit.text, m.start())
                    or preceded_by(unit.text, m.start(), allowed, ignore_case=False)
                    or next_word(unit.text, m.end())[:1].isupper()
                ):
                    continue
                yield unit.finding(
                    "BC501",
                    m.start(),
                    f'"{m[0]}" viết hoa giữa câu ("{excerpt(unit.text, *m.span())}"); danh từ '
                    "chung viết thường (Nghị định 30/2020/NĐ-CP, Phụ lục II)",
                    lower_first(m[0]),
                    len(m[0]),
                )


def _inside_longer_name(text: str, start: int) -> bool:
    """ "Ủy ban Thường vụ Quốc hội": a lower-case match right after a capitalized word."""
    before = text[:start].rstrip().rsplit(" ", 1)[-1]
    return text[start].islower() and before[:1].isupper()


def organization_case(ctx: Context) -> Iterator[Finding]:
    """BC502: an organization's name not capitalized as its name requires."""
    generic = tuple(capitalization().generic_after)
    for unit in ctx.units:
        for name, m in longest_matches(unit, _organization_patterns()):
            found = m[0]
            if (
                " ".join(same_tone_marks(found).split()) == name
                or found.isupper()
                or preceded_by(unit.text, m.start(), generic)
                or _inside_longer_name(unit.text, m.start())
            ):
                continue
            yield unit.finding(
                "BC502",
                m.start(),
                f'tên cơ quan, tổ chức "{found}" chưa viết hoa đúng (Nghị định 30/2020/NĐ-CP, '
                "Phụ lục II: viết hoa chữ cái đầu các từ chỉ loại hình, chức năng)",
                name,
                len(m[0]),
            )


RULES = (
    Rule("BC501", "warning", "Danh từ chung viết hoa giữa câu", capitalized_common_nouns),
    Rule("BC502", "hint", "Tên cơ quan, tổ chức chưa viết hoa đúng", organization_case),
)
