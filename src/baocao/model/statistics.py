"""Typed statistics: a tally with its breakdown, and an "a/b" ratio.

Reviewers recount these by hand; as data they add up by construction. The
sentence forms reproduce the seed's wording, e.g.
"21 khó khăn, vướng mắc (trong đó 3 … thuộc thẩm quyền của Tổ huyện; 18 …)".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import Field, model_validator

from .forms import deviate
from .types import Deviating, Model, NonEmptyText, Text

__all__ = ["Ratio", "Tally", "TallyPart"]


class TallyPart(Model):
    """One line of a breakdown: ``3`` difficulties ``thuộc thẩm quyền của Tổ huyện``."""

    count: int = Field(ge=0)
    scope: Text = ""
    noun: Text | None = None
    """Overrides the tally's noun for this part (the seed writes "kiến nghị đề xuất" once)."""

    def sentence(
        self, default_noun: str, number: Callable[[int], str] = str, *, count_last: bool = False
    ) -> str:
        """``3 khó khăn thuộc …``; ``count_last`` writes the list form ``nam 12``."""
        noun = self.noun if self.noun is not None else default_noun
        if count_last:
            return " ".join(p for p in (self.scope or noun, number(self.count)) if p)
        return " ".join(p for p in (number(self.count), noun, self.scope) if p)


class Tally(Deviating):
    """A total and the parts it is made of; the parts must add up to the total."""

    type: Literal["tally"] = "tally"
    total: int = Field(ge=0)
    noun: NonEmptyText
    parts: tuple[TallyPart, ...] = ()
    lead: Text = "trong đó"
    parts_as: Literal["inline", "list"] = "inline"
    """``list`` prints each part as its own line under the total ("+ nam 12")."""
    marker: Text = "+"
    """The mark of each part line in the list form."""
    count_last: bool = False
    """Part lines read ``nam 12`` (scope, then count) rather than ``12 nam``."""

    @model_validator(mode="after")
    def _parts_add_up(self) -> Tally:
        """The parts of a breakdown sum to its total (``3 + 18 ≠ 20`` is an error)."""
        if self.parts:
            got = sum(p.count for p in self.parts)
            if got != self.total:
                terms = " + ".join(str(p.count) for p in self.parts)
                deviate(self, "BC906", f"{terms} ≠ {self.total}", suggestion=f"{got}")
        return self

    def head(self, number: Callable[[int], str] = str) -> str:
        """The line above the part lines of the list form: ``29 đảng viên, trong đó:``."""
        head = f"{number(self.total)} {self.noun}"
        return f"{head}, {self.lead}:" if self.parts and self.lead else head

    def part_lines(self, number: Callable[[int], str] = str) -> list[str]:
        """Each part of the list form, without its mark; the last ends with a period."""
        texts = [p.sentence(self.noun, number, count_last=self.count_last) for p in self.parts]
        return [f"{t};" for t in texts[:-1]] + [f"{t}." for t in texts[-1:]]

    def sentence(self, number: Callable[[int], str] = str) -> str:
        """The seed's wording; ``number`` formats counts (the layout passes ``1.250`` style)."""
        head = f"{number(self.total)} {self.noun}"
        if not self.parts:
            return head
        if self.parts_as == "list":
            marks = " ".join(f"{self.marker} {t}" for t in self.part_lines(number))
            return f"{self.head(number)} {marks}"
        inner = "; ".join(p.sentence(self.noun, number) for p in self.parts)
        return f"{head} ({self.lead} {inner})"


class Ratio(Deviating):
    """``17/17 Tổ huyện``: how many of a known whole did something."""

    type: Literal["ratio"] = "ratio"
    value: int = Field(ge=0)
    of: int = Field(gt=0)
    noun: Text = ""

    @model_validator(mode="after")
    def _part_within_whole(self) -> Ratio:
        """A part cannot exceed its whole (``18/17`` is an error)."""
        if self.value > self.of:
            deviate(self, "BC907", f"{self.value}/{self.of}: {self.value} > {self.of}")
        return self

    def sentence(self, number: Callable[[int], str] = str) -> str:
        head = f"{number(self.value)}/{number(self.of)}"
        return f"{head} {self.noun}" if self.noun else head
