"""Body tables: header rows with merged cells, a unit line, number cells, a checked totals row.

A report's table is data a reviewer adds up by hand; here the totals row is
summed against the body (strict: a load error; lenient: kept, and the checker
reports it). Cells are text as typed, or numbers that every output prints with
Vietnamese separators (``1.250``, ``12,5``) and right-aligned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from ..i18n import _
from .forms import deviate
from .types import Deviating, Model, Text

__all__ = ["Align", "Cell", "HeaderCell", "Table", "cell_number", "column_sums", "place_header"]

Cell = int | float | Text
"""A body cell: a number (printed ``1.250,5``) or text exactly as typed."""

Align = Literal["left", "center", "right"]

_VI_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$")


def cell_number(cell: Cell) -> Decimal | None:
    """The value of a number cell: ``12``, ``12.5``, or text written ``1.250,5``; else None."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        return Decimal(repr(cell))
    t = cell.strip()
    if not _VI_NUMBER.match(t):
        return None
    try:
        return Decimal(t.replace(".", "").replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


def _plain(d: Decimal) -> str:
    """``1350.0`` → ``1350``: a sum as a reader would write it (in the file's own notation)."""
    return format(d.normalize(), "f")


class HeaderCell(Model):
    """A header cell; ``span`` columns wide and ``rows`` rows tall (merged cells)."""

    text: Text
    span: int = Field(default=1, ge=1)
    rows: int = Field(default=1, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _from_str(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data


def place_header(rows: Sequence[Sequence[HeaderCell]]) -> list[tuple[int, int, HeaderCell]]:
    """``(row, column, cell)`` of every header cell, cells merged from above skipped over."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            taken.update((r + dr, c + dc) for dr in range(cell.rows) for dc in range(cell.span))
            out.append((r, c, cell))
            c += cell.span
    return out


def _grid(rows: Sequence[Sequence[HeaderCell]]) -> tuple[int, list[str]]:
    """Columns the header spans, and problems with how its merged cells fit."""
    widths = [0] * len(rows)
    problems = []
    for r, c, cell in place_header(rows):
        if r + cell.rows > len(rows):
            problems.append(
                _("ô tiêu đề {text!r} gộp nhiều dòng hơn số dòng tiêu đề").format(text=cell.text)
            )
        for dr in range(min(cell.rows, len(rows) - r)):
            widths[r + dr] = max(widths[r + dr], c + cell.span)
    if len(set(widths)) > 1:
        problems.append(_("các dòng tiêu đề có số cột khác nhau: {widths}").format(widths=widths))
    return (widths[-1] if widths else 0), problems


def column_sums(
    rows: Sequence[Sequence[Cell]], total: Sequence[Cell]
) -> list[tuple[int, Decimal, Decimal]]:
    """``(column, sum of the body, total written)`` for each column whose sum is off."""
    out = []
    for c, t in enumerate(total):
        want = cell_number(t)
        if want is None:
            continue
        values = [cell_number(r[c]) for r in rows]
        if any(
            v is None and str(r[c]).strip() not in ("", "-")
            for v, r in zip(values, rows, strict=True)
        ):
            continue  # a text column: nothing to add up
        got = sum((v for v in values if v is not None), Decimal(0))
        if got != want:
            out.append((c, got, want))
    return out


class Table(Deviating):
    """A real table: header rows (merged cells allowed), body rows, an optional totals row."""

    type: Literal["table"] = "table"
    caption: Text | None = None
    unit: Text | None = None
    """The unit line printed right above the table: ``Đơn vị tính: triệu đồng``."""
    header: tuple[tuple[HeaderCell, ...], ...] = Field(min_length=1)
    """Header rows; a flat list is one row. The last row's cells name the columns."""
    rows: tuple[tuple[Cell, ...], ...] = ()
    total: tuple[Cell, ...] | None = None
    """The totals row, printed bold; its number cells must equal the column sums."""
    align: tuple[Align, ...] | None = None
    """Per column; omitted, a column of numbers is right-aligned and the rest left."""
    widths: tuple[Annotated[float, Field(gt=0, allow_inf_nan=False)], ...] | None = None
    """Relative column widths; equal when omitted."""
    keep_together: bool | None = None
    """Keep the table on one page; ``None``: only when it is small (at most 15 rows)."""
    check_total: bool = True

    @model_validator(mode="before")
    @classmethod
    def _flat_header(cls, data: Any) -> Any:
        """``header: [A, B]`` is one header row."""
        if isinstance(data, dict) and isinstance(data.get("header"), list):
            h = data["header"]
            if h and not any(isinstance(x, list) for x in h):
                data = {**data, "header": [h]}
        return data

    @property
    def columns(self) -> int:
        return _grid(self.header)[0]

    @model_validator(mode="after")
    def _rows_match_header(self) -> Table:
        """Every row has as many cells as the header has columns; the totals add up."""
        n, bad = _grid(self.header)
        bad += [
            f"rows[{i}] has {len(r)} cells, header has {n}"
            for i, r in enumerate(self.rows)
            if len(r) != n
        ]
        for name in ("total", "widths", "align"):
            value = getattr(self, name)
            if value is not None and len(value) != n:
                bad.append(f"{name} has {len(value)} values, header has {n}")
        if bad:
            raise ValueError("; ".join(bad))
        if self.total is not None and self.check_total:
            for c, got, want in column_sums(self.rows, self.total):
                deviate(
                    self,
                    "BC908",
                    _("cột {c}: các dòng cộng lại được {got}, dòng tổng ghi {want}").format(
                        c=c + 1, got=_plain(got), want=_plain(want)
                    ),
                    field="total",
                    suggestion=_plain(got),
                )
        return self

    def column_align(self) -> list[Align]:
        """The alignment of each column: as given, else right for columns of numbers."""
        if self.align is not None:
            return list(self.align)
        body = [*self.rows, *([self.total] if self.total else [])]
        out: list[Align] = []
        leaves = self.leaf_names()
        for c in range(self.columns):
            if leaves[c].strip().casefold() in ("tt", "stt"):
                out.append("center")
                continue
            cells = [r[c] for r in body if str(r[c]).strip() not in ("", "-")]
            numeric = bool(cells) and all(cell_number(x) is not None for x in cells)
            out.append("right" if numeric else "left")
        return out

    def leaf_names(self) -> list[str]:
        """The name of each column: the lowest header cell over it."""
        names = [""] * self.columns
        for r, c, cell in place_header(self.header):
            if r + cell.rows == len(self.header) and cell.span == 1 and c < len(names):
                names[c] = cell.text
        return names

    def kept_together(self) -> bool:
        if self.keep_together is not None:
            return self.keep_together
        return len(self.rows) + len(self.header) + (1 if self.total else 0) <= 15
