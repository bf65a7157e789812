"""Word's automatic numbering: the marker a paragraph shows but its text does not hold.

A heading numbered by Word has ``<w:numPr>`` (list id and level) instead of a
typed "1."; the marker is drawn from ``numbering.xml`` (format and pattern of
each level) and a counter per list. Without this an imported report would lose
its numbers, or keep a "1." the clerk never typed next to the typed "I.".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import roman
from ..ooxml import W

__all__ = ["Counters", "LevelFormat", "read_numbering"]



@dataclass(frozen=True, slots=True)
class LevelFormat:
    """One level of a Word list: ``decimal`` with pattern ``%1.``, start 1."""

    fmt: str
    text: str
    start: int = 1


def _val(el: Any, tag: str) -> str | None:
    child = el.find(f"{W}{tag}") if el is not None else None
    return None if child is None else child.get(f"{W}val")


def read_numbering(part: Any) -> dict[str, dict[int, LevelFormat]]:
    """``numId → {ilvl: LevelFormat}`` from the numbering part (empty when there is none)."""
    if part is None:
        return {}
    root = part.element
    abstract: dict[str, dict[int, LevelFormat]] = {}
    for an in root.findall(f"{W}abstractNum"):
        levels = {}
        for lvl in an.findall(f"{W}lvl"):
            start = _val(lvl, "start")
            levels[int(lvl.get(f"{W}ilvl", "0"))] = LevelFormat(
                fmt=_val(lvl, "numFmt") or "decimal",
                text=_val(lvl, "lvlText") or "",
                start=int(start) if start and start.isdigit() else 1,
            )
        abstract[an.get(f"{W}abstractNumId", "")] = levels
    out: dict[str, dict[int, LevelFormat]] = {}
    for num in root.findall(f"{W}num"):
        levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
        for override in num.findall(f"{W}lvlOverride"):
            ilvl = int(override.get(f"{W}ilvl", "0"))
            start = _val(override, "startOverride")
            if ilvl in levels and start and start.isdigit():
                base = levels[ilvl]
                levels[ilvl] = LevelFormat(base.fmt, base.text, int(start))
        out[num.get(f"{W}numId", "")] = levels
    return out


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _format(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperLetter":
        return _LETTERS[(n - 1) % 26].upper()
    if fmt == "lowerLetter":
        return _LETTERS[(n - 1) % 26]
    return str(n)


@dataclass
class Counters:
    """Running counters of every list, advanced paragraph by paragraph."""

    formats: dict[str, dict[int, LevelFormat]]
    counts: dict[str, dict[int, int]] = field(default_factory=dict)

    def marker(self, num_id: str, ilvl: int) -> str:
        """The marker Word draws for the next paragraph of list ``num_id`` at ``ilvl``."""
        levels = self.formats.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        fmt = levels[ilvl]
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, fmt.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if fmt.fmt == "bullet":
            return fmt.text if fmt.text in ("-", "–", "+", "*", "•") else "•"
        if fmt.fmt == "none":
            return ""
        text = fmt.text
        for k in range(ilvl, -1, -1):
            level = levels.get(k, fmt)
            value = counts.get(k, level.start)
            text = text.replace(f"%{k + 1}", _format(value, level.fmt))
        return text
