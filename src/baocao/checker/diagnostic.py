"""One finding of the checker, as the user sees it: code, severity, where, what, how to fix.

The text form is one plain line per diagnostic, the shape compilers and linters
print, so editors and CI logs can jump to the line::

    FILE:LINE: CODE severity: message (path) → suggestion
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

__all__ = ["SEVERITIES", "Diagnostic", "Severity"]

Severity = Literal["error", "warning", "hint"]
"""``error``: a reviewer would send the report back; ``warning``: probably wrong;
``hint``: worth a look (style, clarity)."""

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "hint")


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in a report.

    ``path`` is the field in the *input* (``preamble.citations[3]``,
    ``results.sections[0].blocks[0]``), ``line`` its line in the input file when
    the report was loaded from YAML, else ``None``.
    """

    code: str
    """Stable rule code (``BC101``); switch a rule off by it."""
    severity: Severity
    path: str
    message: str
    """What is wrong, in Vietnamese."""
    suggestion: str | None = None
    """The corrected text or what to do, when the checker knows it."""
    line: int | None = None
    text: str | None = None
    """The exact words the diagnostic is about, as written in the source."""
    offset: int | None = None
    """Where ``text`` starts in the printed paragraph (for annotating the document)."""
    unit_path: str | None = None
    """The printed paragraph ``offset`` counts in (the generic document's path)."""

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as plain JSON-ready data (``unit_path``/``offset`` left out)."""
        data = asdict(self)
        del data["unit_path"], data["offset"]
        return data

    def format(self, source: str | None = None) -> str:
        """``FILE:LINE: CODE severity: message (path) → suggestion``, parts absent left out."""
        where = source or "<report>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        text = f"{where}: {self.code} {self.severity}: {self.message} ({self.path})"
        if self.suggestion:
            text = f"{text} → {self.suggestion}"
        return text
