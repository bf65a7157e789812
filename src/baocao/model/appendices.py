"""Appendices (phụ lục) printed after the signature, in the same document."""

from __future__ import annotations

from .blocks import Block
from .sections import Section
from .types import Model, NonEmptyText, Text

__all__ = ["Appendix"]


class Appendix(Model):
    """``Phụ lục I`` with its own title, a line tying it to the report, tables and sections.

    The label defaults by position: ``Phụ lục I, II`` (State, Roman numerals) or
    ``Phụ lục 1, 2`` (Party), format-rules.md §1.
    """

    label: Text | None = None
    title: NonEmptyText
    """May hold line breaks; printed centred, bold, in capitals as written."""
    note: Text | None = None
    """The line under the title: ``(Kèm theo Báo cáo số 45/BC-UBND ngày …)``."""
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
