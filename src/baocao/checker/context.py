"""What every rule reads: the report's texts in reading order and the citations in them.

Built once per :func:`baocao.check` call from the printed layout
(:func:`baocao.layout.layout`), so the checker sees exactly the words a reader
sees: typed statistics in their sentence form, the preamble as one paragraph.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from ..layout import Line, layout
from ..model import AnyReport, Citation, Document, Family, find_citations
from ..profiles import available_profiles, select_profile
from ..textlines import text_lines
from .data import type_codes
from .mentions import real_mentions
from .paths import Loc
from .rule import Finding
from .text import fold

__all__ = [
    "FAMILIES",
    "Context",
    "Occurrence",
    "Role",
    "TextUnit",
    "build_context",
    "known_profiles",
    "longest_matches",
    "resolve",
    "resolve_profiles",
]

FAMILIES: tuple[Family, ...] = ("dang", "nha_nuoc")

Role = Literal[
    "subject",
    "preamble",
    "heading",
    "paragraph",
    "bullet",
    "numbered",
    "cell",
    "closing",
    "recipient",
]


@dataclass(frozen=True)
class TextUnit:
    """One piece of text as printed, with the generic-document field it comes from."""

    loc: Loc
    text: str
    role: Role
    index: int
    """Position in reading order."""
    upper: bool = False
    """Printed in capitals by the numbering scheme: its letter case is not the author's."""
    run_starts: tuple[int, ...] = (0,)
    """Offsets where the paragraph's spans begin."""

    @functools.cached_property
    def folded(self) -> str:
        """:func:`~baocao.checker.text.fold` of the text, for quick substring pre-tests."""
        return fold(self.text)

    def finding(
        self,
        code: str,
        offset: int,
        message: str,
        suggestion: str | None = None,
        length: int | None = None,
    ) -> Finding:
        """A finding on ``length`` characters at ``offset`` in this text."""
        return Finding(code, self.loc, message, suggestion, unit=self, offset=offset, length=length)


T = TypeVar("T")


def longest_matches(
    unit: TextUnit,
    entries: Iterable[tuple[T, str, re.Pattern[str]]],
    accept: Callable[[T, re.Match[str]], bool] | None = None,
) -> Iterator[tuple[T, re.Match[str]]]:
    """Matches of word-list entries in ``unit``, no two overlapping.

    ``entries`` are ``(entry, folded form, pattern)``, longest first, so the longer
    of two overlapping entries wins; the folded form is a quick substring pre-test
    against :attr:`TextUnit.folded`. A match ``accept`` refuses leaves its place free.
    """
    taken: list[range] = []
    for entry, folded, pattern in entries:
        if folded not in unit.folded:
            continue
        for m in pattern.finditer(unit.text):
            if any(m.start() in r or m.end() - 1 in r for r in taken):
                continue
            if accept is None or accept(entry, m):
                taken.append(range(m.start(), m.end()))
                yield entry, m


@dataclass(frozen=True)
class Occurrence:
    """A citation found in a text, with its span there."""

    unit: TextUnit
    start: int
    end: int
    citation: Citation

    @property
    def text(self) -> str:
        return self.unit.text[self.start : self.end]

    def finding(self, code: str, message: str, suggestion: str | None = None) -> Finding:
        return self.unit.finding(code, self.start, message, suggestion, self.end - self.start)


@dataclass(frozen=True)
class Context:
    """The report as the rules see it."""

    report: AnyReport
    document: Document
    units: tuple[TextUnit, ...]
    citations: tuple[Occurrence, ...]
    profiles: dict[Family, str] = field(default_factory=dict)
    """The format profile whose type-code table applies to each family's symbols."""

    @property
    def family(self) -> Family:
        return self.document.family


def resolve(obj: Any, loc: Loc) -> Any:
    """The object at ``loc`` below ``obj`` (attributes and list indexes)."""
    for step in loc:
        obj = obj[step] if isinstance(step, int) else getattr(obj, step)
    return obj


def resolve_profiles(report: AnyReport, profile: str | None = None) -> dict[Family, str]:
    """The format profile per family whose type codes apply to that family's symbols.

    By default each family's profile in force on the report's date (a draft: its
    last possible day), as :func:`baocao.profiles.select_profile` decides; a named
    ``profile`` replaces its own family's. ``ValueError`` for an unknown id.
    """
    on = report.header.date.latest()
    chosen: dict[Family, str] = {f: select_profile(f, on).id for f in FAMILIES}
    if profile is not None:
        known = known_profiles()
        if profile not in known:
            raise ValueError(f"unknown format profile {profile!r} (known: {', '.join(known)})")
        chosen[known[profile]] = profile
    return chosen


def known_profiles() -> dict[str, Family]:
    """Profile id → family: baocao's format profiles and those the type-code table names."""
    known = {p.id: p.family for p in available_profiles()}
    for family in FAMILIES:
        known.update(dict.fromkeys(type_codes().table(family).profiles, family))
    return known


def _units(doc: Document) -> Iterator[tuple[Loc, str, Role, bool, tuple[int, ...]]]:
    """``(loc, text, role, upper, run_starts)`` for every text, in reading order."""
    lay = layout(doc)
    subject = " ".join(ln.strip() for ln in text_lines(doc.header.subject) if ln.strip())
    yield ("header", "subject"), subject, "subject", False, (0,)
    appendix_lines = tuple(ln for a in lay.appendices for ln in a.body)
    for line in (*lay.lines(), *appendix_lines):
        loc = line.loc
        if line.role == "heading":
            upper = bool(doc.scheme.style(line.level).upper)
            yield (*loc, "title"), resolve(doc, loc).title, "heading", upper, (0,)
        elif line.role == "table" and line.table is not None:
            t = line.table
            if t.caption:
                yield (*loc, "caption"), t.caption, "cell", False, (0,)
            for c, cell in enumerate(t.header):
                yield (*loc, "header", c), cell, "cell", False, (0,)
            for r, row in enumerate(t.rows):
                for c, cell in enumerate(row):
                    yield (*loc, "rows", r, c), cell, "cell", False, (0,)
        else:
            role: Role = "preamble" if loc[0] == "preamble" else _body_role(line)
            yield loc, line.body_text, role, False, _run_starts(line)
    if doc.recipients is not None:
        for i, item in enumerate(doc.recipients.items):
            yield ("recipients", "items", i), str(item), "recipient", False, (0,)
        if doc.recipients.archive:
            yield ("recipients", "archive"), doc.recipients.archive, "recipient", False, (0,)


def _body_role(line: Line) -> Role:
    if line.path == "closing":
        return "closing"
    if line.role == "bullet":
        return "bullet"
    if line.role == "numbered":
        return "numbered"
    return "paragraph"


def _run_starts(line: Line) -> tuple[int, ...]:
    starts, pos = [], 0
    for run in line.runs:
        starts.append(pos)
        pos += len(run.text)
    return tuple(starts) or (0,)


def build_context(report: AnyReport, profile: str | None = None) -> Context:
    """Read the report's texts and citations once for all rules."""
    doc = report.to_document()
    units = tuple(
        TextUnit(loc, text, role, i, upper, starts)
        for i, (loc, text, role, upper, starts) in enumerate(_units(doc))
    )
    found: list[Occurrence] = []
    for unit in units:
        read = [(s, e, c) for s, e, c in find_citations(unit.text)]
        read += real_mentions(unit.text, [(s, e) for s, e, _ in read])
        found += (Occurrence(unit, s, e, c) for s, e, c in sorted(read, key=lambda r: r[0]))
    citations = tuple(found)
    return Context(report, doc, units, citations, resolve_profiles(report, profile))
