"""Statistics sentences read back into tallies, only when the model prints them identically.

``Chi bộ có 29 đảng viên, trong đó:`` with ``+ nam 12;`` ``+ nữ 17.`` under it,
and the seed's ``21 khó khăn, vướng mắc (trong đó 3 … thuộc …; 18 …)``, become a
:class:`~baocao.model.Tally`, so the parts are checked against the total. A
candidate is kept only if its printed sentence is exactly the source text: the
import stays lossless whatever the wording.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Tally
from ..vi import format_number
from .parts import Piece

__all__ = ["inline_tallies", "list_tally"]

_NUM = r"\d{1,3}(?:\.\d{3})+|\d+"
# A number searched for, not matched at a given place: it may only start where no earlier
# start gives a number ending at the same place (never inside a run of digits, nor after
# "1." when "1.234" would match). That start is the one the plain _NUM finds first, so the
# matches are the same, but each digit is tried once, not once per digit before it.
_TOTAL = (
    r"(?:(?<!\d)(?<!\d\.)\d{1,3}|(?<=\d\.)\d{1,2}|(?<=\d)\d{3})(?:\.\d{3})+"
    r"|(?<!\d)\d+"
)
# The noun starts at the first non-space after the number (or is the last of two or more
# spaces right before the comma / bracket), so no split of the spaces is tried twice.
_HEAD = re.compile(
    rf"(?P<total>{_TOTAL})\s+(?P<noun>[^\s\d,;:()][^\d,;:()]*|\s(?=,)),\s*(?P<lead>trong đó):$"
)
# The scope is the first character or ends in a non-space: a shorter scope ending in a
# space would leave that space to ``\s+``, so it is never the shortest match.
_PART_LAST = re.compile(rf"^(?P<scope>.(?:.*?\S)??)\s+(?P<count>{_NUM})\s*[;.]$")
_INLINE = re.compile(
    rf"(?P<total>{_TOTAL})\s+(?P<noun>[^\s\d;:()](?:[^\d;:()]*[^\s\d;:()])?|\s(?=\s\())"
    r"\s+\((?P<lead>trong đó)\s+(?P<inner>[^\s()][^()]*|\s(?=\)))\)"
)
_SCOPE_START = re.compile(r"\s(?=(thuộc|của|ở|tại|đạt|là|được|chưa|đã)\b)")


def _int(text: str) -> int:
    return int(text.replace(".", ""))


def list_tally(paragraph: Piece, items: list[Piece]) -> tuple[list[Any], int] | None:
    """``… 29 đảng viên, trong đó:`` + ``+ nam 12;`` items: the paragraph's spans, items used."""
    m = _HEAD.search(paragraph.text)
    if m is None or not items:
        return None
    marker = items[0].marker
    parts = []
    used = 0
    for item in items:
        if item.kind != "bullet" or item.marker != marker:
            break
        p = _PART_LAST.match(item.text)
        if p is None:
            break
        parts.append({"count": _int(p["count"]), "scope": p["scope"]})
        used += 1
        if item.text.endswith("."):
            break
    if not parts:
        return None
    data = {"type": "tally", "total": _int(m["total"]), "noun": m["noun"], "parts": parts,
            "parts_as": "list", "count_last": True}  # fmt: skip
    if marker != "+":
        data["marker"] = marker
    tally = Tally.model_validate(data)
    printed = [tally.head(format_number), *tally.part_lines(format_number)]
    written = [paragraph.text[m.start() :], *(i.text for i in items[:used])]
    if printed != written:
        return None
    before = paragraph.text[: m.start()]
    return ([before, data] if before else [data]), used


def _part(text: str, noun: str) -> dict[str, Any] | None:
    m = re.match(rf"^(?P<count>{_NUM})\s+(?P<rest>.+)$", text.strip())
    if m is None:
        return None
    rest = m["rest"]
    if rest.startswith(noun):
        scope = rest[len(noun) :].strip()
        return {"count": _int(m["count"]), "scope": scope} if scope else {"count": _int(m["count"])}
    cut = _SCOPE_START.search(rest)
    if cut is None:
        return {"count": _int(m["count"]), "noun": rest}
    return {"count": _int(m["count"]), "noun": rest[: cut.start()], "scope": rest[cut.end() :]}


def inline_tallies(text: str) -> list[Any] | None:
    """Spans for a paragraph holding ``N noun (trong đó a …; b …)`` sentences, else None."""
    spans: list[Any] = []
    pos = 0
    for m in _INLINE.finditer(text):
        noun = m["noun"].split(" có ")[-1].strip()
        start = m.start("noun") + m["noun"].rfind(noun)
        parts = [_part(p, noun) for p in m["inner"].split("; ")]
        if not all(parts):
            continue
        data = {"type": "tally", "total": _int(m["total"]), "noun": noun, "parts": parts}
        try:
            tally = Tally.model_validate(data)
        except ValueError:
            continue
        if tally.sentence(format_number) != f"{m['total']} {text[start : m.end()]}":
            continue
        if text[m.start() : start].strip() != m["total"]:
            continue
        if m.start() > pos:
            spans.append(text[pos : m.start()])
        spans.append(data)
        pos = m.end()
    if not spans:
        return None
    if pos < len(text):
        spans.append(text[pos:])
    return spans
