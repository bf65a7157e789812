"""What the importer tells the user: a code, a severity, where in the source, what happened.

Every diagnostic names the place in the source file (line, paragraph or table
cell) so a clerk can find it in Word, and, when known, the model field it went to.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from .source import Where

__all__ = ["CODES", "ImportDiagnostic"]

Severity = Literal["error", "warning", "hint"]

CODES: dict[str, str] = {
    "IM101": "legacy encoding (TCVN3/VNI) converted to Unicode",
    "IM102": "words whose diacritics were damaged in extraction",
    "IM103": "text with no diacritics at all",
    "IM201": "header part not found",
    "IM202": "family guessed, no motto",
    "IM204": "number line not understood",
    "IM301": "automatic number in front of a typed marker",
    "IM402": "signer or recipients line not understood",
    "IM501": "old Word file converted through LibreOffice",
    "IM601": "imported report does not validate",
}
"""Every code the importer emits, with its short English name (docs/import.md)."""


@dataclass(frozen=True, slots=True)
class ImportDiagnostic:
    """One thing the importer noticed, changed or could not place."""

    code: str
    severity: Severity
    message: str
    where: Where | None = None
    path: str = ""
    """The model field the source went to (``header.number``), empty when none."""

    def format(self, source: str | None = None) -> str:
        """``FILE (đoạn 12): IM301 warning: message [path]``."""
        text = source or "<input>"
        if self.where is not None:
            text += f" ({self.where})"
        text += f": {self.code} {self.severity}: {self.message}"
        return f"{text} [{self.path}]" if self.path else text

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["where"] = list(self.where.as_tuple()) if self.where else None
        return out
