"""The official layout as HTML with the checker's findings marked where they stand.

Body paragraphs get the checker's own marks (:mod:`baocao.checker.highlight`),
placed by the paragraph the finding belongs to and its offset there, so a word
that recurs elsewhere is not marked in the wrong place. Findings outside the
body (header, closing) are placed by their words, at the first occurrence not
already marked. Why here and not in the page's script: only the server knows
which paragraph a finding is about.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from ..checker import Diagnostic
from ..checker.context import build_context
from ..checker.highlight import highlight, marks_of, note_of
from ..engines.html import html_body
from ..layout import Layout, Line

__all__ = ["diagnostic_json", "marked_article", "words_of"]

_TAG = re.compile(r"(<[^>]*>)")
_QUOTED = re.compile(r"[\"“]([^\"”]{2,80})[\"”]")


def words_of(d: Diagnostic) -> str | None:
    """The words a finding is about: its own ``text`` when it has one, else the first quoted."""
    own = getattr(d, "text", None)
    if isinstance(own, str) and own:
        return own
    found = _QUOTED.search(d.message)
    return found.group(1) if found else None


def diagnostic_json(d: Diagnostic, n: int, mark: int | None = None) -> dict[str, Any]:
    """A diagnostic as the API returns it: numbered, with its words and its mark's number."""
    data = d.to_dict()
    data["n"] = n
    data["words"] = words_of(d)
    data["mark"] = mark
    return data


def _place(article: str, needle: str, mark: str) -> str | None:
    """``article`` with the first occurrence of ``needle`` outside tags and marks replaced."""
    pieces = _TAG.split(article)
    depth = 0
    for i, piece in enumerate(pieces):
        if i % 2:  # a tag
            depth += piece.startswith("<mark") - piece.startswith("</mark")
        elif depth == 0 and needle in piece:
            pieces[i] = piece.replace(needle, mark, 1)
            return "".join(pieces)
    return None


def marked_article(
    report: Any, lay: Layout, diagnostics: Sequence[Diagnostic]
) -> tuple[str, list[int | None]]:
    """The report's ``<article>`` with every finding marked that can be.

    Returns the HTML and, per diagnostic, the number of the mark that shows it
    (its own number; ``None`` where its words were not found in the page).
    """
    units = build_context(report).units
    per_unit, _loose = marks_of(diagnostics, units)
    by_loc = {units[i].loc: (units[i], marks) for i, marks in per_unit.items()}
    placed: set[int] = set()

    def decorate(line: Line, text: str) -> str | None:
        entry = by_loc.get(line.loc)
        if entry is None or entry[0].text != text:
            return None
        placed.update(m.number for m, _d in entry[1])
        return highlight(text, [m for m, _d in entry[1]])

    article = html_body(lay, decorate)
    numbers: list[int | None] = []
    for n, d in enumerate(diagnostics, start=1):
        if n in placed:
            numbers.append(n)
            continue
        words = words_of(d)
        if not words:
            numbers.append(None)
            continue
        needle = html.escape(words, quote=False)
        mark = (
            f'<mark class="{html.escape(d.severity)}" id="finding-{n}" '
            f'title="{html.escape(note_of(d))}">{needle}</mark><sup>{n}</sup>'
        )
        result = _place(article, needle, mark)
        if result is not None:
            article = result
        numbers.append(n if result is not None else None)
    return article, numbers
