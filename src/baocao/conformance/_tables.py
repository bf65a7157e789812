"""Rules on the report's own tables: number cells right-aligned, totals row bold, small
tables kept on one page.

What counts: the top-level tables between the title and the signature (the
header and signature tables are layout, not data). Header rows are the rows
marked to repeat (``w:tblHeader``). A column of numbers whose cells count
1, 2, 3 … is the ordinal column (TT/STT), centred by practice, and is exempt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..i18n import _
from ..profiles import FormatProfile
from ._found import Located
from ._ooxml import Docx, El, W, is_on, text_of, text_runs
from ._rules import RuleResult

__all__ = ["table_rules"]

_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)?\s*%?$|^[+-]?\d+(,\d+)?\s*%?$")
_TOTAL = ("tổng", "cộng")
_ALIGN_WORDS = {"right": "căn phải", "left": "căn trái", "center": "căn giữa", "both": "căn đều"}


def _rows(tbl: El) -> tuple[list[El], list[El]]:
    """(header rows, body rows) of a table."""
    head: list[El] = []
    body: list[El] = []
    for tr in tbl.findall(f"{W}tr"):
        (head if is_on(tr.find(f"{W}trPr/{W}tblHeader")) else body).append(tr)
    return head, body


def _cells(tr: El) -> list[El]:
    return list(tr.findall(f"{W}tc"))


def _ordinal(column: list[str]) -> bool:
    values = [c for c in column if c]
    return bool(values) and values == [str(i) for i in range(1, len(values) + 1)]


def _align(doc: Docx, tc: El) -> str:
    p = tc.find(f"{W}p")
    jc = (doc.para_attr(p, "jc", "val") if p is not None else None) or "left"
    return {"start": "left", "end": "right"}.get(jc, jc)


def _number_cells(doc: Docx, tables: list[El], want: str) -> Iterator[RuleResult]:
    bad: list[str] = []
    count = 0
    for tbl in tables:
        body = _rows(tbl)[1]
        grid = [[(text_of(tc).strip(), tc) for tc in _cells(tr)] for tr in body]
        width = max((len(r) for r in grid), default=0)
        for c in range(width):
            column = [r[c] for r in grid if c < len(r)]
            if _ordinal([t for t, _tc in column]):
                continue
            for text, tc in column:
                if _NUMBER.match(text):
                    count += 1
                    if _align(doc, tc) != want:
                        bad.append(text)
    if not count:
        return
    word = _(_ALIGN_WORDS.get(want, want))
    shown = _("{n} ô số, đều {want}").format(n=count, want=word)
    if bad:
        shown = _('{bad} trên {n} ô số không {want} (vd. "{sample}")').format(
            bad=len(bad), n=count, want=word, sample=bad[0]
        )
    desc = _("ô chứa số trong bảng: căn lề")
    yield RuleResult("table.number_align", desc, not bad, shown, word)


def _totals(doc: Docx, tables: list[El]) -> Iterator[RuleResult]:
    rows = []
    for tbl in tables:
        for tr in _rows(tbl)[1]:
            texts = [text_of(tc).strip() for tc in _cells(tr)]
            first = next((t for t in texts if t), "")
            if first.casefold().startswith(_TOTAL):
                rows.append(tr)
    if not rows:
        return
    plain = [
        tr
        for tr in rows
        if not all(
            doc.run_toggle(r, p, "b")
            for p in tr.iter(f"{W}p")
            if text_of(p).strip()
            for r in text_runs(p)
        )
    ]
    desc = _("dòng tổng cộng của bảng: chữ đậm")
    shown = _("{n} dòng tổng, đậm").format(n=len(rows))
    if plain:
        shown = _('{n} dòng tổng không đậm (vd. "{sample}")').format(
            n=len(plain), sample=text_of(plain[0]).strip()[:24]
        )
    yield RuleResult("table.totals_bold", desc, not plain, shown, _("đậm"))


def _kept(doc: Docx, tables: list[El], limit: int) -> Iterator[RuleResult]:
    small = [t for t in tables if len(t.findall(f"{W}tr")) <= limit]
    if not small:
        return
    loose = []
    for tbl in small:
        rows = tbl.findall(f"{W}tr")
        for tr in rows[:-1]:
            paras = list(tr.iter(f"{W}p"))
            if not paras or not all(is_on(doc.para_el(p, "keepNext")) for p in paras):
                loose.append(tbl)
                break
    desc = _("bảng nhỏ (≤ {n} dòng) nằm trọn một trang: giữ dòng với dòng sau").format(n=limit)
    shown = _("{n} bảng nhỏ, đều giữ trọn trang").format(n=len(small))
    if loose:
        shown = _("{bad} trên {n} bảng nhỏ có thể bị ngắt trang").format(
            bad=len(loose), n=len(small)
        )
    yield RuleResult("table.keep_together", desc, not loose, shown, _("giữ trọn một trang"))


def table_rules(doc: Docx, profile: FormatProfile, found: Located) -> list[RuleResult]:
    """The table rules the profile sets, on the tables the document has (none: no rule)."""
    lay, tables = profile.layout, found.body_tables
    out: list[RuleResult] = []
    if lay.number_cells_align is not None:
        out += _number_cells(doc, tables, lay.number_cells_align)
    if lay.totals_row_bold:
        out += _totals(doc, tables)
    if lay.keep_table_rows is not None:
        out += _kept(doc, tables, lay.keep_table_rows)
    return out
