"""The first-page header: issuer, số và ký hiệu, place and date, type and trích yếu."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import Field, model_validator

from .symbols import DocumentSymbol
from .types import Family, Model, NonEmptyText, Text

__all__ = ["Header", "IssueDate", "Issuer"]


class Issuer(Model):
    """The issuing body, under its direct superior when it has one.

    ``parent`` is printed upright, ``name`` in bold below it, e.g.
    ``HUYỆN ỦY …`` over ``BAN TỔ CHỨC``.
    """

    parent: Text | None = None
    name: NonEmptyText


_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}|__?))?(?:-(\d{1,2}|__?))?\s*$")


class IssueDate(Model):
    """The report's date; a draft leaves the day (and possibly month) blank.

    Accepts a date, ``"2023-12-15"``, ``"2023-12"`` / ``"2023-12-__"`` (draft) or a
    mapping ``{year, month, day}``.
    """

    year: int = Field(ge=1900, le=2200)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="before")
    @classmethod
    def _from_scalar(cls, data: Any) -> Any:
        """Read a date object or an ISO-like string, ``__`` marking a blank."""
        if isinstance(data, dt.date):
            return {"year": data.year, "month": data.month, "day": data.day}
        if isinstance(data, str):
            m = _PARTIAL.match(data)
            if not m:
                raise ValueError(f'"{data}" is not a date: expected YYYY-MM-DD or YYYY-MM-__')
            y, mo, d = m.groups()
            return {
                "year": int(y),
                "month": int(mo) if mo and mo.isdigit() else None,
                "day": int(d) if d and d.isdigit() else None,
            }
        return data

    @model_validator(mode="after")
    def _is_real_date(self) -> IssueDate:
        """A full date must exist on the calendar; a day needs a month."""
        if self.day is not None and self.month is None:
            raise ValueError("a day is given without a month")
        if self.day is not None and self.month is not None:
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise ValueError(
                    f"{self.day:02d}/{self.month:02d}/{self.year} is not a calendar date"
                ) from None
        return self

    @property
    def is_draft(self) -> bool:
        return self.day is None or self.month is None

    def as_date(self) -> dt.date | None:
        """The full date, or None for a draft."""
        if self.day is None or self.month is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def latest(self) -> dt.date:
        """The last day this (possibly partial) date can mean; for "cited after" checks."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            nxt = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, self.month, self.day)


class Header(Model):
    """Everything above the body: what the clerk used to retype each time."""

    family: Family
    issuer: Issuer
    number: DocumentSymbol
    place: NonEmptyText
    date: IssueDate
    doc_type: NonEmptyText = "BÁO CÁO"
    subject: NonEmptyText
    """Trích yếu; a line break marks where the printed subject wraps."""
    addressees: list[NonEmptyText] = Field(default_factory=list)
    """Kính gửi: the higher bodies a report is sent up to (format-rules.md §12)."""

    @model_validator(mode="after")
    def _symbol_matches_family(self) -> Header:
        """The số và ký hiệu is written in the family's own form."""
        if self.number.style != self.family:
            raise ValueError(
                f"number {self.number} is written in {self.number.style} form "
                f"but the header family is {self.family}"
            )
        return self

    def addressee_lines(self) -> list[str]:
        """``Kính gửi: A`` for one body; ``Kính gửi:`` then ``- A;`` … ``- B.`` for several."""
        if not self.addressees:
            return []
        if len(self.addressees) == 1:
            return [f"Kính gửi: {self.addressees[0]}"]
        items = [f"- {a};" for a in self.addressees[:-1]] + [f"- {self.addressees[-1]}."]
        return ["Kính gửi:", *items]

    @property
    def subject_lines(self) -> list[str]:
        # split on line feeds only: str.splitlines also splits on U+0085, U+2028, \x1c …,
        # which are text a clerk typed, not the line break the subject marks
        lines = self.subject.replace("\r\n", "\n").split("\n")
        return [line.strip(" \t\r") for line in lines if line.strip()]
