"""What a rule is and what it reports, before the report's paths and lines are applied."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .diagnostic import Severity
from .paths import Loc

if TYPE_CHECKING:
    from .context import Context, TextUnit

__all__ = ["Finding", "Rule"]


@dataclass(frozen=True)
class Finding:
    """A rule's raw result: where in the generic document, and what.

    ``unit`` and ``offset`` say where inside a text the problem starts, so the
    checker can name the exact span or preamble citation in the input.
    """

    code: str
    loc: Loc
    message: str
    suggestion: str | None = None
    unit: TextUnit | None = None
    offset: int | None = None
    length: int | None = None
    """How many characters of the unit's text from ``offset`` the finding is about."""
    text: str | None = None
    """The words as written, when they are not a span of ``unit`` (a header field)."""

    @property
    def words(self) -> str | None:
        """The exact words the finding is about, as written."""
        if self.text is not None:
            return self.text
        if self.unit is None or self.offset is None or not self.length:
            return None
        return self.unit.text[self.offset : self.offset + self.length]


@dataclass(frozen=True)
class Rule:
    """One check with a stable code; ``run`` yields its findings for a report."""

    code: str
    severity: Severity
    title: str
    """A short Vietnamese name for listings ("Viện dẫn không thống nhất")."""
    run: Callable[[Context], Iterable[Finding]]
