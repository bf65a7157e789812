"""BC96x: text damaged by an old encoding or by extraction.

A paragraph pasted from a ``.VnTime`` (TCVN3) or ``VNI-Times`` file reads
"C«ng t¸c" or "Coâng taùc"; text copied out of a PDF loses or mangles marks
("cơng tác tun giáo"). :mod:`baocao.vi.legacy` decodes and detects both; this
rule marks the damaged words where they stand and, for TCVN3/VNI, suggests the
repaired text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..i18n import _
from ..vi import legacy
from ..vi.legacy import Encoding
from .context import Context
from .dictionary import dictionary, known_syllable
from .rule import Finding, Rule

__all__ = ["RULES", "in_legacy_run"]

_TOKEN = re.compile(r"[^\s,.;:!?()\[\]\"“”'‘’/]+")
_NAMES: dict[Encoding, str] = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


def _scan(tokens: list[re.Match[str]], encoding: Encoding) -> tuple[list[int], set[int]]:
    """Tokens that are sure legacy words, and those that may be (no word as written)."""
    sure, changes = [], set()
    for i, m in enumerate(tokens):
        word = m[0]
        repaired = legacy.decode(word, encoding)
        if repaired == word or not all(
            legacy.is_vietnamese_syllable(w) for w in repaired.split("-")
        ):
            continue
        if not legacy.is_vietnamese_syllable(word):
            sure.append(i)
        elif dictionary() is not None and not known_syllable(word):
            changes.add(i)  # spelled like a syllable, but no such word: "xaõ"
    return sure, changes


def _runs(
    tokens: list[re.Match[str]], sure: list[int], changes: set[int]
) -> list[tuple[int, int, int]]:
    """``(first, last, sure words)`` token runs: sure words, grown over likely neighbours.

    A likely word next to a run joins it, even with one plain word between ("xaõ"
    in "Coâng an xaõ"); words at most one apart form one run.
    """
    grown = set(sure)
    for i in sure:
        for step in (-1, 1):
            j = i + step
            while True:
                if j in changes and j not in grown:
                    grown.add(j)
                elif j + step in changes and j + step not in grown:
                    grown.add(j + step)
                    j += step
                else:
                    break
                j += step
    runs: list[list[int]] = []
    for i in sorted(grown):
        if runs and i - runs[-1][1] <= 2:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return [(f, last, sum(f <= i <= last for i in sure)) for f, last in runs]


@functools.lru_cache(maxsize=256)
def _legacy_runs(text: str) -> tuple[tuple[int, int, Encoding, str], ...]:
    """``(start, end, encoding, repaired)`` of each run of words in a legacy encoding.

    A word is sure when it is no Vietnamese syllable as written and decodes to
    one. Where the TCVN3 and the VNI reading of a run overlap, the one with more
    sure words wins, then the one whose words the dictionary knows.
    """
    tokens = list(_TOKEN.finditer(text))
    candidates = []
    for encoding in _NAMES:
        sure, changes = _scan(tokens, encoding)
        for first, last, count in _runs(tokens, sure, changes):
            start, end = tokens[first].start(), tokens[last].end()
            repaired = legacy.decode(text[start:end], encoding)
            known = sum(known_syllable(w) for w in repaired.split())
            candidates.append((count, known, start, end, encoding, repaired))
    chosen: list[tuple[int, int, Encoding, str]] = []
    for _count, _known, start, end, encoding, repaired in sorted(candidates, reverse=True):
        if all(end <= s or start >= e for s, e, _enc, _rep in chosen):
            chosen.append((start, end, encoding, repaired))
    return tuple(sorted(chosen))


def legacy_encoded(ctx: Context) -> Iterator[Finding]:
    """BC961: words in TCVN3 or VNI, with the repaired text as suggestion."""
    for unit in ctx.units:
        if unit.text.isascii():
            continue
        for start, end, encoding, repaired in _legacy_runs(unit.text):
            yield unit.finding(
                "BC961",
                start,
                _('"{words}" là chữ mã {encoding} chưa chuyển sang Unicode').format(
                    words=unit.text[start:end], encoding=_NAMES[encoding]
                ),
                repaired,
                end - start,
            )


def in_legacy_run(text: str, start: int) -> bool:
    """``text[start]`` lies in a run of TCVN3 or VNI words (BC961 reports it)."""
    return any(s <= start < e for s, e, _enc, _rep in _legacy_runs(text))


def damaged_words(ctx: Context) -> Iterator[Finding]:
    """BC962: a marked word no Vietnamese syllable spells ("cơng", "tuyªn")."""
    for unit in ctx.units:
        if unit.text.isascii():
            continue
        for damage in legacy.damaged_words(unit.text):
            word, text = damage.word, unit.text
            codes = sum(c.isupper() for c in word) >= 2 or text[damage.end : damage.end + 1] in "/-"
            if (
                codes
                or text[damage.start - 1 : damage.start] in ("/", "-")
                or in_legacy_run(text, damage.start)
            ):
                continue  # codes and abbreviations (UBKTĐU); legacy words are BC961's
            yield unit.finding(
                "BC962",
                damage.start,
                _(
                    '"{word}" không phải âm tiết tiếng Việt: chữ bị mất hoặc sai dấu khi sao chép'
                ).format(word=damage.word),
                _("gõ lại từ này"),
                damage.end - damage.start,
            )


RULES = (
    Rule("BC961", "error", "Chữ mã cũ (TCVN3, VNI) chưa chuyển mã", legacy_encoded),
    Rule("BC962", "warning", "Chữ hỏng dấu khi sao chép", damaged_words),
)
