"""Word .docx into source blocks: paragraphs and tables in body order, with emphasis and numbering.

The two-column tables offices use to lay out the header (issuer | motto) and
the closing (nơi nhận | signer) are opened up into their cells' paragraphs, so
the recognizers read them like any other lines; a table of figures stays a table.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import IO, Any

from ..ooxml import W
from ..vi.legacy import decode
from .numbering import Counters, read_numbering
from .source import LAYOUT_CELL, Block, Run, Where

__all__ = ["read_docx"]


class _Styles:
    """Style lookups of one document, cached: python-docx resolves each one by scanning."""

    def __init__(self) -> None:
        self._chains: dict[object, list[Any]] = {}
        self._runs: dict[object, Any] = {}

    def chain(self, para: Any) -> list[Any]:
        """The paragraph's style and the styles it is based on."""
        key = para._p.style
        if key not in self._chains:
            out: list[Any] = []
            style = para.style
            while style is not None and len(out) < 10:
                out.append(style)
                style = style.base_style
            self._chains[key] = out
        return self._chains[key]

    def run_style(self, run: Any) -> Any:
        """The run's character style, or None when it has none of its own."""
        key = run._r.style
        if key is None:
            return None
        if key not in self._runs:
            self._runs[key] = run.style
        return self._runs[key]


def _flag(run: Any, chain: list[Any], styles: _Styles, name: str) -> bool:
    """A run's bold/italic as Word shows it: the run's own, else its styles'."""
    value = getattr(run.font, name)
    if value is not None:
        return bool(value)
    own = styles.run_style(run)
    for style in ([own] if own is not None else []) + chain:
        v = getattr(style.font, name, None)
        if v is not None:
            return bool(v)
    return False


def _centered(para: Any, chain: list[Any]) -> bool:
    for fmt in [para.paragraph_format] + [s.paragraph_format for s in chain]:
        if fmt.alignment is not None:
            return int(fmt.alignment) == 1
    return False


def _num_pr(para: Any, chain: list[Any]) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph's automatic numbering, own or from its style."""
    for el in [para._p] + [s.element for s in chain]:
        ppr = el.find(f"{W}pPr")
        num = ppr.find(f"{W}numPr") if ppr is not None else None
        if num is None:
            continue
        num_id = num.find(f"{W}numId")
        ilvl = num.find(f"{W}ilvl")
        if num_id is None:
            continue
        return num_id.get(f"{W}val", "0"), int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0
    return None


def _font(run: Any, chain: list[Any]) -> str:
    for font in [run.font] + [s.font for s in chain]:
        if font.name:
            return str(font.name)
    return ""


def legacy_font(font: str) -> tuple[str, bool] | None:
    """The legacy encoding a font name stands for, and whether it is a capitals font.

    ``.VnTime`` / ``.VnArial`` … are TCVN3 (ABC) and ``.VnTimeH`` their capitals;
    ``VNI-Times`` … are VNI.
    """
    if font.startswith(".Vn"):
        return "tcvn3", font.endswith("H")
    if font.upper().startswith("VNI-") or font.upper().startswith("VNI "):
        return "vni", False
    return None


def _run_text(run: Any, chain: list[Any], used: set[str]) -> str:
    legacy = legacy_font(_font(run, chain))
    if legacy is None:
        return str(run.text)
    encoding, capitals = legacy
    used.add(encoding)
    return decode(run.text, encoding, capitals=capitals if encoding == "tcvn3" else None)  # type: ignore[arg-type]


_LIST_STYLE = re.compile(r"(list|bullet)\D*(\d)?\s*$", re.IGNORECASE)


def _list_level(style: str, num: tuple[str, int] | None) -> int:
    """``List Bullet 2`` / ``BC List 3`` → 2 / 3; a plain list style 1; else Word's level + 1."""
    m = _LIST_STYLE.search(style)
    if m:
        return int(m.group(2)) if m.group(2) else 1
    return num[1] + 1 if num is not None else 0


def _paragraph(para: Any, where: Where, counters: Counters, styles: _Styles) -> Block:
    used: set[str] = set()
    chain = styles.chain(para)
    runs = tuple(
        Run(
            _run_text(r, chain, used),
            _flag(r, chain, styles, "bold"),
            _flag(r, chain, styles, "italic"),
        )
        for r in para.runs
        if r.text
    )
    visible = [r for r in runs if r.text.strip()]
    marker = ""
    num = _num_pr(para, chain)
    if num is not None:
        marker = counters.marker(*num)
    style = chain[0].name if chain else ""
    text = "".join(r.text for r in runs) if used else para.text
    return Block(
        text=text,
        where=where,
        runs=runs,
        bold=bool(visible) and all(r.bold for r in visible),
        italic=bool(visible) and all(r.italic for r in visible),
        centered=_centered(para, chain),
        style=style,
        auto_marker=marker,
        list_level=_list_level(style, num),
        notes=tuple(sorted(used)),
    )


def read_docx(source: str | Path | IO[bytes]) -> list[Block]:
    """Read a .docx (path or binary stream) into blocks."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(source) if isinstance(source, Path) else source)
    try:
        numbering_part = document.part.numbering_part
    except (KeyError, NotImplementedError):
        numbering_part = None
    counters = Counters(read_numbering(numbering_part))
    styles = _Styles()
    out: list[Block] = []
    n_para = n_table = 0
    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            n_para += 1
            where = Where("paragraph", n_para)
            out.append(_paragraph(Paragraph(child, document), where, counters, styles))
        elif child.tag == f"{W}tbl":
            n_table += 1
            out.extend(_table(Table(child, document), n_table, counters, styles))
    return _drop_empty(out)


def _drop_empty(blocks: list[Block]) -> list[Block]:
    """Empty paragraphs (spacing, rules drawn as borders) go; the next block notes the gap."""
    out: list[Block] = []
    gap = False
    for b in blocks:
        if not b.is_table and not b.text.strip():
            gap = True
            continue
        out.append(replace(b, blank_before=True) if gap else b)
        gap = False
    return out


def _cell_text(cell: Any, styles: _Styles) -> str:
    where = Where("table", 0)
    return "\n".join(_paragraph(p, where, Counters({}), styles).text for p in cell.paragraphs)


def _table(table: Any, number: int, counters: Counters, styles: _Styles) -> list[Block]:
    rows = [[cell for cell in row.cells] for row in table.rows]
    texts = tuple(tuple(_cell_text(c, styles) for c in row) for row in rows)
    flat = "\n".join("\n".join(r) for r in texts)
    width = max((len(r) for r in rows), default=0)
    if width <= 3 and len(rows) <= 3 and LAYOUT_CELL.search(flat):
        out: list[Block] = []
        for r, row in enumerate(rows, start=1):
            seen: set[int] = set()
            for c, cell in enumerate(row, start=1):
                if id(cell._tc) in seen:
                    continue  # a merged cell is reported once per column it spans
                seen.add(id(cell._tc))
                out.extend(
                    _paragraph(p, Where("table", number, r, c), counters, styles)
                    for p in cell.paragraphs
                )
        return out
    where = Where("table", number)
    head = _header_rows(rows, texts)
    return [Block(text=flat.replace("\n", " "), where=where, rows=texts, header=head)]


HeaderRows = tuple[tuple[tuple[str, int, int], ...], ...]


def _header_rows(rows: list[list[Any]], texts: tuple[tuple[str, ...], ...]) -> HeaderRows | None:
    """Header rows with merged cells as ``(text, span, rows)``, when the first row has merges.

    Word reports a merged cell once per grid square it covers (the same ``<w:tc>``),
    so a cell spans as many columns as it repeats across, and as many rows as it
    repeats down.
    """
    if len(rows) < 2:
        return None
    ids = [[id(c._tc) for c in row] for row in rows]
    n = 1
    while n < len(rows):
        above, below = ids[n - 1], ids[n]
        wide = any(a == b for a, b in pairwise(above))
        merged_down = any(i < len(below) and below[i] == t for i, t in enumerate(above))
        if not (wide or merged_down):
            break
        n += 1
    if n == 1:
        return None
    out = []
    for r in range(n):
        cells: list[tuple[str, int, int]] = []
        c = 0
        while c < len(ids[r]):
            tc = ids[r][c]
            span = 1
            while c + span < len(ids[r]) and ids[r][c + span] == tc:
                span += 1
            if r > 0 and c < len(ids[r - 1]) and ids[r - 1][c] == tc:
                c += span
                continue  # the lower part of a cell merged down from above
            down = 1
            while r + down < n and c < len(ids[r + down]) and ids[r + down][c] == tc:
                down += 1
            cells.append((texts[r][c], span, down))
            c += span
        out.append(tuple(cells))
    return tuple(out)
