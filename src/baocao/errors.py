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
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "BaocaoError",
    "CitationError",
    "InputError",
    "LoadError",
    "ManifestError",
    "OutputError",
    "Problem",
    "TemplateError",
    "TemplateRenderError",
]


class BaocaoError(Exception):
    """Root of every error baocao raises on purpose."""


class Problem(NamedTuple):
    """One thing wrong with the input: where (field path, file line) and what."""

    path: str
    message: str
    line: int | None = None
    code: str | None = None
    """The form rule's code (``BC906``) when the problem is one (see ``baocao.model.forms``)."""
    loc: tuple[str | int, ...] = ()
    """The field path as a tuple: ``("results", "sections", 4, "blocks", 0)``."""

    def __str__(self) -> str:
        where = self.path or "(gốc)"
        if self.line is not None:
            where = f"{where} (dòng {self.line})"
        code = f"{self.code} " if self.code else ""
        return f"{where}: {code}{self.message}"


class InputError(BaocaoError, ValueError):
    """The report data is invalid; ``problems`` lists every problem found at once."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        self.problems: list[Problem] = problems or []
        if self.problems:
            message = message + "\n" + "\n".join(f"  {p}" for p in self.problems)
        super().__init__(message)


class LoadError(InputError):
    """An input file could not be read, parsed or validated."""


class CitationError(BaocaoError, ValueError):
    """Text that should be a citation or a document symbol is not one."""

    code: str | None = None
    """The form rule's code when the text is readable but not in the official form."""


class TemplateError(BaocaoError):
    """A template pack is missing, broken or cannot render the data."""


class ManifestError(TemplateError):
    """A template manifest fails validation."""


class TemplateRenderError(TemplateError):
    """Rendering a template failed: undefined variable, sandbox violation, bad tag."""


class OutputError(BaocaoError):
    """An output file could not be written or converted."""
