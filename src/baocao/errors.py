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

__all__ = [
    "BaocaoError",
    "CitationError",
    "InputError",
    "LoadError",
    "ManifestError",
    "OutputError",
    "TemplateError",
    "TemplateRenderError",
]


class BaocaoError(Exception):
    """Root of every error baocao raises on purpose."""


class InputError(BaocaoError, ValueError):
    """The report data is invalid; ``problems`` lists ``(path, message)`` pairs."""

    def __init__(self, message: str, problems: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.problems: list[tuple[str, str]] = problems or []


class LoadError(InputError):
    """An input file could not be read, parsed or validated."""


class CitationError(BaocaoError, ValueError):
    """Text that should be a citation or a document symbol is not one."""


class TemplateError(BaocaoError):
    """A template pack is missing, broken or cannot render the data."""


class ManifestError(TemplateError):
    """A template manifest fails validation."""


class TemplateRenderError(TemplateError):
    """Rendering a template failed: undefined variable, sandbox violation, bad tag."""


class OutputError(BaocaoError):
    """An output file could not be written or converted."""
