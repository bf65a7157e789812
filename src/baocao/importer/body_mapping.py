"""Body pieces onto the model: paragraphs and their emphasis, lists, tables, the section tree.

Also the numbering: the document's own levels are written as their first labels
(``["PHẦN I", "A.", "1."]``) when they are not the family's, and a heading whose
marker is not what the scheme prints keeps its written ``label``.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import PARTY_NUMBERING, STATE_NUMBERING, NumberingScheme
from .diagnostics import ImportDiagnostic
from .parts import Heading, Piece, TailParts
from .source import Run, Where
from .statistics import inline_tallies, list_tally

__all__ = [
    "Sources",
    "doc_numbering",
    "map_appendices",
    "map_blocks",
    "map_paragraph",
    "map_sections",
    "set_labels",
]

Sources = dict[str, Where]


def _spans(runs: tuple[Run, ...], text: str) -> Any:
    """A plain string unless some runs are bold or italic and others not."""
    if not runs or "".join(r.text for r in runs).strip() != text.strip():
        return text
    marked = {(r.bold, r.italic) for r in runs if r.text.strip()}
    if len(marked) <= 1:
        return text
    merged: list[Run] = []
    for r in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (r.bold, r.italic):
            merged[-1] = Run(merged[-1].text + r.text, r.bold, r.italic)
        else:
            merged.append(r)
    merged[0] = Run(merged[0].text.lstrip(), merged[0].bold, merged[0].italic)
    merged[-1] = Run(merged[-1].text.rstrip(), merged[-1].bold, merged[-1].italic)
    spans: list[Any] = []
    for r in merged:
        if not r.text:
            continue
        if not r.bold and not r.italic:
            spans.append(r.text)
        else:
            span: dict[str, Any] = {"text": r.text}
            if r.bold:
                span["bold"] = True
            if r.italic:
                span["italic"] = True
            spans.append(span)
    return {"spans": spans}


def map_paragraph(p: Piece, path: str, sources: Sources) -> Any:
    sources[path] = p.where
    if p.kind in ("bullet", "numbered"):
        return f"{p.marker} {p.text}"
    return _spans(p.runs, p.text)


def _list_kind(p: Piece) -> str:
    return "bullets" if p.kind == "bullet" else "numbered"


def map_blocks(pieces: list[Piece], path: str, sources: Sources) -> list[Any]:
    """Pieces as model blocks: runs of list items become lists, ``+`` under ``-`` nests."""
    out: list[Any] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        bp = f"{path}.blocks[{len(out)}]" if path else f"blocks[{len(out)}]"
        if p.kind in ("bullet", "numbered"):
            block, i = _list(pieces, i, bp, sources)
            out.append(block)
            continue
        if p.kind == "paragraph" and isinstance(_spans(p.runs, p.text), str):
            stats = _statistics(p, pieces[i + 1 :])
            if stats is not None:
                spans, used = stats
                sources[bp] = p.where
                out.append({"spans": spans})
                i += 1 + used
                continue
        if p.kind == "table" and p.rows:
            table = _table(p.rows, p.header)
            extra = {k: v for k, v in (("caption", p.caption), ("unit", p.unit)) if v}
            out.append(
                {"type": "table", **extra, **{k: v for k, v in table.items() if k != "type"}}
            )
            sources[bp] = p.where
        else:
            out.append(map_paragraph(p, bp, sources))
        i += 1
    return out


def _statistics(p: Piece, following: list[Piece]) -> tuple[list[Any], int] | None:
    """A paragraph's tallies (with the list items they consumed), when printed identically."""
    listed = list_tally(p, following)
    if listed is not None:
        return listed
    inline = inline_tallies(p.text)
    return (inline, 0) if inline is not None else None


def _same_list(a: Piece, b: Piece) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "bullet":
        return a.marker == b.marker
    return _NUMBER_SHAPE.sub("1", a.marker) == _NUMBER_SHAPE.sub("1", b.marker)


_NUMBER_SHAPE = re.compile(r"\d+|^[a-zđ](?=[).])")


_MARK_RANK = {"-": 1, "–": 1, "—": 1, "+": 2, "•": 3, "○": 3, "▪": 3, "·": 3}


def _depth(p: Piece) -> int:
    """How deep a list item sits: Word's list level, else by its mark (``-`` > ``+`` > ``•``)."""
    if p.level:
        return p.level
    return _MARK_RANK.get(p.marker, 1) if p.kind == "bullet" else 1


def _list(pieces: list[Piece], i: int, bp: str, sources: Sources) -> tuple[dict[str, Any], int]:
    """A list from ``pieces[i]`` on; deeper items right after an item nest under it."""
    first = pieces[i]
    depth = _depth(first)
    items: list[Any] = []
    j = i
    while j < len(pieces) and pieces[j].kind in ("bullet", "numbered"):
        p = pieces[j]
        if _depth(p) > depth and items:
            path = f"{bp}.items[{len(items) - 1}].children[0]"
            sub, j = _list(pieces, j, path, sources)
            last = items[-1]
            items[-1] = (
                {"text": last, "children": [sub]}
                if isinstance(last, str)
                else {**last, "children": [sub]}
            )
            continue
        if _depth(p) != depth or not _same_list(p, first):
            break
        sources[f"{bp}.items[{len(items)}]"] = p.where
        items.append(_spans(p.runs, p.text))
        j += 1
    block: dict[str, Any] = {"type": _list_kind(first), "items": items}
    if first.kind == "bullet":
        if first.marker != "-":
            block["marker"] = first.marker
    else:
        if first.number not in (None, 1):
            block["start"] = first.number
        if _NUMBER_SHAPE.sub("1", first.marker) != "1.":
            block["marker"] = first.marker
    sources[bp] = first.where
    return block, j


_TOTAL = re.compile(
    r"^(tổng cộng|tổng số|tổng|cộng|toàn (huyện|tỉnh|xã|phường|trường|đơn vị|ngành|khối))\s*:?$",
    re.IGNORECASE,
)


def _table(
    rows: tuple[tuple[str, ...], ...], merged: tuple[tuple[tuple[str, int, int], ...], ...] | None
) -> dict[str, Any]:
    width = max(len(r) for r in rows)
    padded = [list(r) + [""] * (width - len(r)) for r in rows]
    if merged:
        header: Any = [
            [t or " " if (s, n) == (1, 1) else _cell(t, s, n) for t, s, n in row] for row in merged
        ]
        body = padded[len(merged) :]
    else:
        header, body = [c or " " for c in padded[0]], padded[1:]
    out: dict[str, Any] = {"type": "table", "header": header, "rows": body}
    if len(body) > 1 and any(_TOTAL.match(c.strip()) for c in body[-1]):
        out["rows"], out["total"] = body[:-1], body[-1]
    return out


def _cell(text: str, span: int, rows: int) -> dict[str, Any]:
    cell: dict[str, Any] = {"text": text}
    if span > 1:
        cell["span"] = span
    if rows > 1:
        cell["rows"] = rows
    return cell


def map_sections(
    body: list[Heading | Piece], sources: Sources, diagnostics: list[ImportDiagnostic]
) -> tuple[list[dict[str, Any]], dict[int, list[Heading]]]:
    roots: list[dict[str, Any]] = []
    stack: list[tuple[dict[str, Any], list[Piece], str]] = []
    levels: dict[int, list[Heading]] = {}

    def flush(entry: tuple[dict[str, Any], list[Piece], str]) -> None:
        section, pieces, path = entry
        blocks = map_blocks(pieces, path, sources)
        if blocks:
            subs = section.pop("sections", None)
            section["blocks"] = blocks
            if subs is not None:  # keep "sections" last for readable YAML
                section["sections"] = subs

    for item in body:
        if isinstance(item, Piece):
            if stack:
                stack[-1][1].append(item)
            continue
        while len(stack) >= item.depth:
            flush(stack.pop())
        levels.setdefault(item.depth, []).append(item)
        section: dict[str, Any] = {"title": item.title, MARKER: item.marker}
        if item.run_in:
            section["run_in"] = item.run_in
        if stack:
            parent, _pieces, ppath = stack[-1]
            siblings = parent.setdefault("sections", [])
            path = f"{ppath}.sections[{len(siblings)}]"
            siblings.append(section)
        else:
            path = f"sections[{len(roots)}]"
            roots.append(section)
        sources[path] = item.where
        stack.append((section, [], path))
    while stack:
        flush(stack.pop())
    return roots, levels


MARKER = "__marker__"
"""Working key: the marker as written, compared with the scheme's label, then removed."""


def doc_numbering(levels: dict[int, list[Heading]], family: str) -> list[str] | None:
    """The levels as first labels (``["PHẦN I", "A.", "1."]``), when not the family's."""
    if not levels:
        return None
    default = PARTY_NUMBERING if family == "dang" else STATE_NUMBERING
    patterns = [levels[d][0].marker for d in sorted(levels)]
    try:
        mine = NumberingScheme(levels=patterns)
    except ValueError:
        return None
    same = all(
        (mine.style(d).format, mine.style(d).prefix, mine.style(d).suffix)
        == (default.style(d).format, default.style(d).prefix, default.style(d).suffix)
        for d in range(1, len(patterns) + 1)
    )
    return None if same else patterns


def set_labels(
    sections: list[dict[str, Any]], scheme: NumberingScheme, path: tuple[int, ...] = ()
) -> None:
    """Write ``label`` where the written marker is not what the scheme would print."""
    for i, section in enumerate(sections, start=1):
        here = (*path, i)
        written = section.pop(MARKER, None)
        if written is not None:
            try:
                printed = scheme.label(here)
            except ValueError:
                printed = None
            if printed != written:
                title = section.pop("title")
                rest = {k: section.pop(k) for k in list(section)}
                section.update(title=title, label=written, **rest)
        set_labels(section.get("sections", []), scheme, here)


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def map_appendices(
    tail: TailParts, family: str, sources: Sources, diagnostics: list[ImportDiagnostic]
) -> list[dict[str, Any]]:
    """Each ``PHỤ LỤC`` after the signature: its label, title lines, note, blocks and sections."""
    out: list[dict[str, Any]] = []
    for k, appendix in enumerate(tail.appendices):
        path = f"appendices[{k}]"
        entry: dict[str, Any] = {
            "label": appendix.label.text,
            "title": "\n".join(f.text for f in appendix.title) or appendix.label.text,
        }
        if appendix.note is not None:
            entry["note"] = appendix.note.text
        lead = [p for p in appendix.body if isinstance(p, Piece)]
        lead = lead[
            : next(
                (i for i, p in enumerate(appendix.body) if isinstance(p, Heading)),
                len(appendix.body),
            )
        ]
        if lead:
            entry["blocks"] = map_blocks(lead, path, sources)
        sections, _levels = map_sections(appendix.body, sources, diagnostics)
        scheme = PARTY_NUMBERING if family == "dang" else STATE_NUMBERING
        set_labels(sections, scheme)
        if sections:
            entry["sections"] = sections
        sources[path] = appendix.label.where
        out.append(entry)
    return out
