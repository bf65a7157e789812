"""BC4xx: numbers that contradict themselves.

Typed statistics (``type: tally`` / ``ratio``) are refused at load when they do
not add up, so these rules read what the model cannot: numbers written as plain
text, "21 khó khăn (trong đó 3 …; 18 …)", "105%", "18/17 Tổ huyện", and
fractions whose whole disagrees with the same count elsewhere in the report.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .context import Context, TextUnit
from .rule import Finding, Rule
from .text import preceded_by

__all__ = ["RULES"]

_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+"
_BREAKDOWN = re.compile(
    rf"(?<![\w/.,])(?P<total>{_NUMBER})\s+(?P<noun>[^\d();:]{{1,80}}?)\s*"
    r"\(\s*trong đó\s*:?\s*(?P<inner>[^()]*)\)"
)
_PART = re.compile(rf"(?:^|;\s*)({_NUMBER})\s+(?=\w)")
"""A part of a breakdown: a number opening a ";"-separated segment. Parts listed with
commas ("20 nữ, 10 người dân tộc thiểu số") are often overlapping traits, not shares."""
_PERCENT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?%")
_COMPARISON = ("tăng", "giảm", "vượt", "đạt", "bằng", "so với", "gấp", "lên", "xuống")
"""Before a percentage: a growth or a comparison, which may exceed 100%."""
_COMPARED_TO = ("kế hoạch", "dự toán", "chỉ tiêu", "mục tiêu", "so với", "cùng kỳ", "năm trước")
"""After a percentage: what it is measured against ("105% kế hoạch")."""
_FRACTION = re.compile(rf"(?<![\w/.,-])(?P<part>{_NUMBER})/(?P<whole>{_NUMBER})(?![\w/-])")
_COUNT = re.compile(rf"(?<![\w/.,-])(?P<n>{_NUMBER})(?![\w/.,-])")
_DATE_WORDS = ("ngày", "từ", "đến", "hôm", "trước", "sau")
_NOUN_STOP = frozenset(
    # Words that end a counted noun phrase: verbs and function words reports put after it.
    {
        "có", "đã", "được", "chưa", "đạt", "là", "trong", "thuộc", "của", "gửi", "nộp", "dự",
        "họp", "báo", "tham", "hoàn", "thực", "tiến", "triển", "xây", "kiểm", "giải", "đang",
        "sẽ", "không", "bị", "cần", "và", "với", "về", "ở", "tại", "trực",
    }
)  # fmt: skip


def _int(text: str) -> int:
    return int(text.replace(".", ""))


def _percent(text: str) -> float:
    """99,1 (vi-VN decimal comma), 1.000 (thousands dot); a lone "99.5" reads as typed."""
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text)


def text_breakdowns(ctx: Context) -> Iterator[Finding]:
    """BC401: "N … (trong đó a …; b …)" whose parts do not add up to N."""
    for unit in ctx.units:
        for m in _BREAKDOWN.finditer(unit.text):
            total = _int(m["total"])
            parts = [_int(p) for p in _PART.findall(m["inner"])]
            too_big = [p for p in parts if p > total]
            if too_big or (len(parts) > 1 and sum(parts) != total):
                terms = " + ".join(map(str, parts))
                yield unit.finding(
                    "BC401",
                    m.start(),
                    f"{m['total']} {m['noun'].strip()}: các phần ({terms} = {sum(parts)}) "
                    f"không khớp tổng {total}",
                    'sửa số cho khớp, hoặc nói rõ đây không phải toàn bộ (ví dụ: "trong đó có")',
                    len(m[0]),
                )


def percentages(ctx: Context) -> Iterator[Finding]:
    """BC402: a share above 100% that is not a growth or a comparison."""
    for unit in ctx.units:
        for m in _PERCENT.finditer(unit.text):
            if _percent(m[1]) <= 100:
                continue
            before = unit.text[max(0, m.start() - 40) : m.start()].casefold()
            after = unit.text[m.end() : m.end() + 12].casefold().lstrip()
            if any(re.search(rf"(?<!\w){w}(?!\w)", before) for w in _COMPARISON) or any(
                after.startswith(w) for w in _COMPARED_TO
            ):
                continue
            yield unit.finding(
                "BC402",
                m.start(),
                f"tỷ lệ {m[0]} vượt quá 100%",
                'kiểm tra lại; nếu là mức tăng hay so với kế hoạch, ghi rõ ("tăng", "so với")',
                len(m[0]),
            )


@dataclass(frozen=True)
class _Count:
    """A number in the text and the noun after it: "18 Tổ huyện"."""

    unit: TextUnit
    offset: int
    value: int
    noun: tuple[str, ...]
    """The words naming what is counted, lower case: ("tổ", "huyện")."""
    length: int
    """Of the number as written."""

    @property
    def name(self) -> str:
        return " ".join(self.noun)


@dataclass(frozen=True)
class _Fraction(_Count):
    """ "17/17 Tổ huyện": ``value`` of a ``whole``."""

    whole: int


def _noun(text: str, end: int) -> tuple[str, ...]:
    """What is counted: up to four words after the number, to punctuation or a verb.

    "17/17 Tổ huyện gửi báo cáo" → ("tổ", "huyện"); "23/23 hồ sơ quá hạn" →
    ("hồ", "sơ", "quá", "hạn").
    """
    words: list[str] = []
    for m in re.finditer(r"[ \t]*([^\W\d_]+)|[ \t]*(\S)", text[end:]):
        word = m[1]
        if word is None or len(words) == 4 or (words and word.casefold() in _NOUN_STOP):
            break
        words.append(word.casefold())
    return tuple(words)


def _numbers(ctx: Context) -> tuple[list[_Fraction], list[_Count]]:
    """Fractions and plain counts that name what they count, in reading order."""
    fractions: list[_Fraction] = []
    counts: list[_Count] = []
    for unit in ctx.units:
        spans = []
        for m in _FRACTION.finditer(unit.text):
            spans.append(range(m.start(), m.end()))
            noun = _noun(unit.text, m.end())
            if noun and not preceded_by(unit.text, m.start(), _DATE_WORDS):
                part, whole = _int(m["part"]), _int(m["whole"])
                fractions.append(_Fraction(unit, m.start(), part, noun, len(m[0]), whole))
        for m in _COUNT.finditer(unit.text):
            noun = _noun(unit.text, m.end())
            if noun and not any(m.start() in r for r in spans):
                counts.append(_Count(unit, m.start(), _int(m["n"]), noun, len(m[0])))
    return fractions, counts


def fraction_over_whole(ctx: Context) -> Iterator[Finding]:
    """BC403: "18/17 Tổ huyện": more than all of them."""
    for f in _numbers(ctx)[0]:
        if f.value > f.whole:
            yield f.unit.finding(
                "BC403",
                f.offset,
                f"{f.value}/{f.whole} {f.name}: phần lớn hơn tổng số",
                None,
                f.length,
            )


def contradicting_counts(ctx: Context) -> Iterator[Finding]:
    """BC404: "17/17 Tổ huyện" here, "15/16 Tổ huyện" or "18 Tổ huyện" there.

    Fractions of the same noun are compared by their wholes; a count is compared
    with a fraction when it counts at least as narrowly ("842 hồ sơ" is not held
    to "23/23 hồ sơ quá hạn", but "18 Tổ huyện" is held to "17/17 Tổ huyện").
    """
    fractions, counts = _numbers(ctx)
    by_noun: dict[tuple[str, ...], list[_Fraction]] = defaultdict(list)
    for f in fractions:
        by_noun[f.noun].append(f)
    for noun, group in by_noun.items():
        order = [f.whole for f in group]
        tally = Counter(order)
        keep = max(tally, key=lambda w: (tally[w], -order.index(w)))
        for f in group:
            if f.whole != keep:
                yield f.unit.finding(
                    "BC404",
                    f.offset,
                    f"{f.value}/{f.whole} {f.name}: tổng số {f.whole} khác với {keep} ở chỗ khác",
                    f"{f.value}/{keep} {f.name}" if f.value <= keep else None,
                    f.length,
                )
        for c in counts:
            if c.noun[: len(noun)] == noun and c.value > keep:
                yield c.unit.finding(
                    "BC404",
                    c.offset,
                    f"{c.value} {c.name}: nhiều hơn tổng số {keep} {group[0].name} nêu ở chỗ khác",
                    None,
                    c.length,
                )


RULES = (
    Rule("BC401", "warning", "Các phần không cộng đủ tổng", text_breakdowns),
    Rule("BC402", "warning", "Tỷ lệ trên 100%", percentages),
    Rule("BC403", "error", "Phân số có phần lớn hơn tổng", fraction_over_whole),
    Rule("BC404", "warning", "Số liệu mâu thuẫn giữa các chỗ", contradicting_counts),
)
