"""The official layout as HTML with the checker's findings marked where they stand.

Why here and not in the page's script: the marks must land on the words the
finding is about, which only the server knows (the diagnostic's own text);
the page just shows the result.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from ..checker import Diagnostic

__all__ = ["diagnostic_json", "mark_findings", "words_of"]

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


def _title(d: Diagnostic) -> str:
    return f"{d.code}: {d.message}" + (f" → {d.suggestion}" if d.suggestion else "")


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


def mark_findings(article: str, diagnostics: Sequence[Diagnostic]) -> tuple[str, list[int | None]]:
    """``article`` with each finding's words wrapped in a numbered ``<mark>``.

    Each finding goes to the first occurrence of its words not already marked;
    a second finding on the same words of the same field joins the first one's
    mark (its number is added). Returns the HTML and, per diagnostic, the
    number of the mark that shows it (``None`` where its words were not found).
    """
    placed: list[int | None] = []
    first: dict[tuple[str, str], int] = {}
    for n, d in enumerate(diagnostics, start=1):
        words = words_of(d)
        if not words:
            placed.append(None)
            continue
        key = (words, d.path)
        if key in first:
            m = first[key]
            tail = f'id="finding-{m}"'
            at = article.find(tail)
            close = article.find("</sup>", at)
            article = article[:close] + f", {n}" + article[close:]
            placed.append(m)
            continue
        needle = html.escape(words, quote=False)
        mark = (
            f'<mark class="finding sev-{html.escape(d.severity)}" id="finding-{n}" '
            f'data-n="{n}" title="{html.escape(_title(d))}">{needle}'
            f'<sup class="finding-n">{n}</sup></mark>'
        )
        result = _place(article, needle, mark)
        if result is not None:
            article = result
            first[key] = n
        placed.append(n if result is not None else None)
    return article, placed
