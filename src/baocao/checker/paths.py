"""Where a finding is, in the user's terms: the input file's field path and its line.

Rules read the *generic* document (``report.to_document()``, printed by
:func:`baocao.layout.layout`), whose paths differ from the input of a typed
report kind: the ImplementationReport's ``results`` is ``sections[0]``, its
``assessment`` ``sections[1]``, its ``tasks`` ``sections[2]``, and its preamble is
one paragraph made of ``preamble.lead``, ``preamble.citations[i]`` and
``preamble.conclusion``. Each kind maps its own paths back
(``report.source_loc``, the other half of its adapter; layout lines carry the
result as ``Line.source``); this module adds the offsets inside a text: which
span of a paragraph, which citation of the preamble.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import AnyReport, ImplementationReport

__all__ = ["Loc", "input_loc", "line_of"]

Loc = tuple[str | int, ...]
"""A field path as a tuple: ``("sections", 0, "blocks", 2)``."""


def line_of(lines: Mapping[Loc, int], loc: Loc) -> int | None:
    """The input line of ``loc``, or of its nearest ancestor the file records."""
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return None


def input_loc(
    report: AnyReport,
    loc: Loc,
    *,
    text: str = "",
    offset: int | None = None,
    run_starts: Sequence[int] = (),
) -> Loc:
    """The input path of a generic-document path, refined by ``offset`` into ``text``.

    ``text`` is the printed text at ``loc`` and ``run_starts`` the offsets where
    its runs (the paragraph's spans) begin: a finding inside the second span of a
    multi-span paragraph points at ``….spans[1]``.
    """
    if isinstance(report, ImplementationReport) and loc[:1] == ("preamble",):
        return _preamble_part(report, text, offset)
    loc = report.source_loc(loc)
    if offset is not None and len(run_starts) > 1:
        span = max(i for i, start in enumerate(run_starts) if start <= offset)
        loc = (*loc, "spans", span)
    return loc


def _preamble_part(report: ImplementationReport, text: str, offset: int | None) -> Loc:
    """``preamble.citations[i]`` (or ``lead``/``conclusion``) holding ``offset``."""
    if offset is None:
        return ("preamble",)
    pre = report.preamble
    pos = len(pre.lead)
    if offset < pos:
        return ("preamble", "lead")
    for i, citation in enumerate(pre.citations):
        start = text.find(str(citation), pos)
        if start < 0:
            break
        pos = start + len(str(citation))
        if offset < pos:
            return ("preamble", "citations", i)
    return ("preamble", "conclusion") if pre.conclusion else ("preamble",)
