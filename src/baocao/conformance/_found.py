"""What the locator found: elements by name, drawn rules, marks and cells.

Shared by the two ways of finding elements (style roles, text search) and read
by the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..profiles.units import twips_to_mm
from ._ooxml import Docx, El, Paragraph, W

__all__ = ["Located", "has_bottom_border", "rule_length_mm"]


@dataclass
class Located:
    """What was found, by element name (the names of the profile's elements)."""

    elements: dict[str, list[Paragraph]] = field(default_factory=dict)
    rules: dict[str, float] = field(default_factory=dict)
    """Drawn rules found, by divider name, with their length in mm."""
    marks: set[str] = field(default_factory=set)
    """Text marks found: ``star``, ``subject_separator``."""
    recipients_cell: tuple[int, int] | None = None
    """(cell index, cells in the row) of the "Nơi nhận" label."""
    signer_cell: tuple[int, int] | None = None
    body_tables: list[El] = field(default_factory=list)
    """Top-level tables between the title and the signature (the report's own tables)."""
    by_role: bool = False
    """True when the elements were found by their style names, not by their text."""

    def add(self, name: str, para: Paragraph) -> None:
        self.elements.setdefault(name, []).append(para)


def has_bottom_border(doc: Docx, p: El) -> bool:
    edge = doc.para_el(p, "pBdr/bottom")
    return edge is not None and edge.get(f"{W}val", "nil") not in ("nil", "none")


def rule_length_mm(doc: Docx, p: El, width: int | None) -> float | None:
    if width is None:
        return None
    left = float(doc.para_attr(p, "ind", "left") or doc.para_attr(p, "ind", "start") or 0)
    right = float(doc.para_attr(p, "ind", "right") or doc.para_attr(p, "ind", "end") or 0)
    return twips_to_mm(width - left - right)
