"""BC601: known misspellings of administrative words, from ``data/misspellings.yaml``.

Only forms that are wrong wherever they occur are listed (conditions such as
"only after *sinh hoạt*" narrow the few that are not), so correct text is never
flagged; the test suite runs the list over the whole corrected seed report.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .context import Context, longest_matches
from .data import Misspelling, misspellings
from .rule import Finding, Rule
from .text import fold, like_case, phrase_pattern, preceded_by

__all__ = ["RULES"]


@functools.cache
def _patterns() -> tuple[tuple[Misspelling, str, re.Pattern[str]], ...]:
    """Each entry with its folded wrong form (a quick pre-test) and its pattern."""
    return tuple(
        (m, fold(m.wrong), phrase_pattern(m.wrong, ignore_case=True)) for m in misspellings()
    )


def _case_fits(wrong: str, found: str) -> bool:
    """Capitals only where written, at the first letter, or everywhere (a heading)."""
    if found.isupper():
        return True
    letters = zip("".join(wrong.split())[1:], "".join(found.split())[1:], strict=False)
    return not any(f.isupper() and w.islower() for w, f in letters)


def _applies(entry: Misspelling, text: str, start: int, end: int) -> bool:
    if entry.after and not preceded_by(text, start, entry.after):
        return False
    if entry.not_after and preceded_by(text, start, entry.not_after):
        return False
    following = text[end:].lstrip()
    return not any(
        re.match(rf"{re.escape(w)}(?!\w)", following, re.IGNORECASE) for w in entry.not_before
    )


def misspelt_words(ctx: Context) -> Iterator[Finding]:
    """BC601: a word from the misspellings list; the longer of two overlapping entries wins."""
    for unit in ctx.units:

        def accept(entry: Misspelling, m: re.Match[str], text: str = unit.text) -> bool:
            return _case_fits(entry.wrong, m[0]) and _applies(entry, text, *m.span())

        for entry, m in longest_matches(unit, _patterns(), accept):
            fixes = [like_case(m[0], r) for r in entry.right]
            alternatives = f" (hoặc: {', '.join(fixes[1:])})" if len(fixes) > 1 else ""
            yield unit.finding(
                "BC601",
                m.start(),
                f'viết sai "{m[0]}" ({entry.note})',
                fixes[0] + alternatives,
                len(m[0]),
            )


RULES = (Rule("BC601", "error", "Viết sai chính tả", misspelt_words),)
