"""What the template check reports: one issue, with where it sits and how serious it is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .docxscan import Place
from .syntax import TagProblem

__all__ = ["Severity", "TemplateIssue", "errors_only", "from_problem", "issue_at"]

Severity = Literal["error", "warning", "note"]
"""``error``: the pack is unusable or unsafe; ``warning``: works, but fragile; ``note``: FYI."""

_SHOWN = 90


@dataclass(frozen=True)
class TemplateIssue:
    """One problem: what (code, message), how serious, and where (file, part, paragraph)."""

    code: str
    message: str
    severity: Severity = "error"
    file: str | None = None
    part: str | None = None
    paragraph: int | None = None
    text: str | None = None
    """The paragraph's text, shortened around the tag."""
    tag: str | None = None

    @property
    def where(self) -> str:
        bits = [b for b in (self.file, self.part) if b]
        if self.paragraph is not None:
            bits.append(f"¶{self.paragraph}")
        return " ".join(bits) if bits else "(pack)"

    def __str__(self) -> str:
        line = f"{self.where}: {self.severity} [{self.code}] {self.message}"
        if self.text is not None:
            line += f"\n    ¶ “{self.text}”"
        return line


def errors_only(issues: Sequence[TemplateIssue]) -> list[TemplateIssue]:
    """The issues that make a pack unusable (severity ``error``)."""
    return [i for i in issues if i.severity == "error"]


def _excerpt(text: str, tag: str | None) -> str:
    text = " ".join(text.split())
    if len(text) <= _SHOWN:
        return text
    at = text.find(" ".join(tag.split())) if tag else -1
    start = max(0, min(at - 20, len(text) - _SHOWN)) if at >= 0 else 0
    cut = text[start : start + _SHOWN]
    return ("…" if start else "") + cut + ("…" if start + _SHOWN < len(text) else "")


def issue_at(
    place: Place, code: str, message: str, severity: Severity = "error", tag: str | None = None
) -> TemplateIssue:
    return TemplateIssue(
        code,
        message,
        severity,
        place.file,
        place.part,
        place.paragraph,
        _excerpt(place.text, tag),
        tag,
    )


def from_problem(p: TagProblem) -> TemplateIssue:
    sev: Severity = "warning" if p.severity == "warning" else "error"
    return issue_at(p.tag.place, p.code, p.message, sev, p.tag.raw)
