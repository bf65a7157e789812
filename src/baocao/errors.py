"""Exceptions, factored out so every layer can raise them without import loops.

::

    BaocaoError
    ├── InputError            the report data is wrong (names the field)
    │   └── LoadError         the file could not be read or parsed
    ├── CitationError         a citation or document symbol could not be parsed
    ├── TemplateError         a template pack is missing, broken or refuses the data
    │   ├── ManifestError     a manifest file fails validation (names file and field)
    │   └── TemplateRenderError  rendering failed (undefined variable, sandbox, ...)
    └── OutputError           the output could not be written or converted

Every error carries what a program needs without parsing the message: a stable
``code``, the field path ``loc`` as a tuple, and the ``line`` of the input file
(docs/errors.md). An :class:`InputError` lists each :class:`Problem` found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .i18n import _

__all__ = [
    "BaocaoError",
    "CitationError",
    "InputError",
    "LoadError",
    "Loc",
    "ManifestError",
    "OutputError",
    "Problem",
    "TemplateError",
    "TemplateRenderError",
    "format_loc",
    "parse_loc",
]

Loc = tuple[str | int, ...]
"""A field path as data: ``("results", "sections", 4, "blocks", 0)``."""

_STEP = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")
_RULE_CODE = re.compile(r"BC\d+")
"""A form rule's code (``BC906``, baocao.model.forms) is shown before the message."""


def format_loc(loc: Iterable[str | int]) -> str:
    """``('sections', 1, 'title')`` → ``sections[1].title``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def parse_loc(text: str) -> Loc:
    """``sections[1].title`` → ``('sections', 1, 'title')``; the inverse of :func:`format_loc`."""
    return tuple(int(m[2]) if m[2] is not None else m[1] for m in _STEP.finditer(text))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (field path, file line), what, and its code.

    ``loc`` accepts the text form (``"sections[1].title"``) too, for older callers.
    """

    loc: Loc
    message: str
    line: int | None = None
    code: str = "invalid"

    def __post_init__(self) -> None:
        if isinstance(self.loc, str):
            object.__setattr__(self, "loc", parse_loc(self.loc))
        else:
            object.__setattr__(self, "loc", tuple(self.loc))

    @property
    def path(self) -> str:
        """The field path as text: ``sections[1].title``."""
        return format_loc(self.loc)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape of one problem (docs/errors.md)."""
        return {
            "loc": list(self.loc),
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "message": self.message,
        }

    def __str__(self) -> str:
        where = self.path or _("(gốc)")
        if self.line is not None:
            where = _("{where} (dòng {line})").format(where=where, line=self.line)
        rule = f"{self.code} " if _RULE_CODE.fullmatch(self.code) else ""
        return f"{where}: {rule}{self.message}"


class BaocaoError(Exception):
    """Root of every error baocao raises on purpose.

    ``code`` is stable (a program may branch on it); ``loc`` and ``line`` say
    where in the input, when the error concerns one place.
    """

    code: str = "error"

    def __init__(
        self,
        message: str = "",
        *,
        code: str | None = None,
        loc: Iterable[str | int] = (),
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.loc: Loc = tuple(loc)
        self.line = line

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape of an error (docs/errors.md)."""
        return {
            "code": self.code,
            "message": str(self).splitlines()[0] if str(self) else "",
            "loc": list(self.loc),
            "line": self.line,
            "problems": [],
        }


class InputError(BaocaoError, ValueError):
    """The report data is invalid; ``problems`` lists every problem found at once."""

    code = "invalid_input"

    def __init__(
        self,
        message: str,
        problems: list[Problem] | None = None,
        *,
        code: str | None = None,
        loc: Iterable[str | int] = (),
        line: int | None = None,
    ) -> None:
        self.problems: list[Problem] = problems or []
        first = self.problems[0] if len(self.problems) == 1 else None
        if first is not None and not loc and line is None:
            loc, line = first.loc, first.line
        if self.problems:
            message = message + "\n" + "\n".join(f"  {p}" for p in self.problems)
        super().__init__(message, code=code, loc=loc, line=line)

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "problems": [p.to_dict() for p in self.problems]}


class LoadError(InputError):
    """An input file could not be read, parsed or validated."""

    code = "load_error"


class CitationError(BaocaoError, ValueError):
    """Text that should be a citation or a document symbol is not one."""

    code = "citation_unreadable"


class TemplateError(BaocaoError):
    """A template pack is missing, broken or cannot render the data."""

    code = "template_error"


class ManifestError(TemplateError):
    """A template manifest fails validation."""

    code = "manifest_invalid"


class TemplateRenderError(TemplateError):
    """Rendering a template failed: undefined variable, sandbox violation, bad tag."""

    code = "template_render_failed"


class OutputError(BaocaoError):
    """An output file could not be written or converted."""

    code = "output_error"
