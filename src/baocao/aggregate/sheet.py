"""A team report as a spreadsheet: one record per row, the layout in docs/aggregation.md.

Why rows and not a form: many teams keep their figures in a spreadsheet, one
line per attendance or difficulty. The first row names the columns (any
order; unknown columns are an error); ``record`` says what each row is:

=============  ==========================================================
``team``       ``name`` the team, ``date`` the day it was sent, ``text`` the year
``leader``     ``name`` the Tổ trưởng (else the member whose role is Tổ trưởng)
``member``     ``name``, ``role``
``cell``       ``commune``, ``cell``: a village Party cell assigned
``attendance`` ``name`` the member, ``cell``, ``date``
``difficulty`` ``text``, ``authority``
``proposal``   ``text``, ``authority``
=============  ==========================================================

Dates are ``2023-03-15`` or ``15/3/2023``. The rows become the same data a
YAML file gives, with each field's row number, so errors name the row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import LoadError, Problem
from ..i18n import _

__all__ = ["COLUMNS", "RECORDS", "read_csv", "read_utf8", "read_xlsx", "rows_to_data"]

COLUMNS = ("record", "name", "role", "commune", "cell", "date", "text", "authority")
RECORDS = ("team", "leader", "member", "cell", "attendance", "difficulty", "proposal")

Path_ = tuple[str | int, ...]
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(text: str) -> str:
    """``15/3/2023`` → ``2023-03-15``; anything else is left for the model to judge."""
    m = _DMY.fullmatch(text)
    return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" if m else text


def rows_to_data(
    rows: Iterable[tuple[int, list[str]]], source: str
) -> tuple[dict[str, Any], dict[Path_, int]]:
    """Rows ``(line, cells)`` with a header first → report data and ``{field path: line}``."""
    it = iter(rows)
    try:
        head_line, head = next(it)
    except StopIteration:
        raise LoadError(_("{source}: bảng tính rỗng").format(source=source)) from None
    header = [h.strip().lower() for h in head]
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown or "record" not in header:
        msg = _("cột không có trong mẫu: {cols}; các cột: {known}").format(
            cols=", ".join(unknown) or "(thiếu cột record)", known=", ".join(COLUMNS)
        )
        raise LoadError(
            _("{source}: dòng tiêu đề không đúng mẫu").format(source=source),
            [Problem((), msg, head_line)],
        )
    data: dict[str, Any] = {"kind": "bao_cao_to_huyen"}
    lines: dict[Path_, int] = {}
    lists: dict[str, list[Any]] = {
        k: [] for k in ("members", "attendance", "difficulties", "proposals")
    }
    communes: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    leader_line = None

    def add(field: str, item: dict[str, Any], line: int) -> None:
        i = len(lists[field])
        lists[field].append(item)
        lines[(field, i)] = line
        for k in item:
            lines[(field, i, k)] = line

    for line, cells in it:
        row = {h: _cell_text(v) for h, v in zip(header, cells, strict=False) if h}
        rec = row.get("record", "").lower()
        if not any(row.values()):
            continue
        if rec == "team":
            data["team"] = row.get("name", "")
            data["submitted"] = _date(row.get("date", ""))
            if row.get("text"):
                data["year"] = row["text"]
            for k in ("team", "submitted", "year"):
                lines[(k,)] = line
        elif rec == "leader":
            data["leader"], leader_line = row.get("name", ""), line
        elif rec == "member":
            add("members", {"name": row.get("name", ""), "role": row.get("role", "")}, line)
        elif rec == "cell":
            name = row.get("commune", "")
            if name not in communes:
                communes[name] = {"name": name, "cells": []}
                lines[("communes", len(communes) - 1)] = line
                lines[("communes", len(communes) - 1, "name")] = line
            ci = list(communes).index(name)
            lines[("communes", ci, "cells", len(communes[name]["cells"]))] = line
            communes[name]["cells"].append(row.get("cell", ""))
        elif rec == "attendance":
            item = {"member": row.get("name", ""), "cell": row.get("cell", "")}
            add("attendance", {**item, "date": _date(row.get("date", ""))}, line)
        elif rec in ("difficulty", "proposal"):
            item = {"text": row.get("text", ""), "authority": row.get("authority", "")}
            add("difficulties" if rec == "difficulty" else "proposals", item, line)
        else:
            msg = _("loại dòng {rec!r} không có trong mẫu; cần một trong: {known}").format(
                rec=rec, known=", ".join(RECORDS)
            )
            problems.append(Problem(("record",), msg, line))
    if problems:
        raise LoadError(_("{source}: bảng tính không đúng mẫu").format(source=source), problems)
    if "year" not in data and isinstance(data.get("submitted"), str):
        data["year"] = data["submitted"][:4]
    if "leader" not in data:
        leaders = [m["name"] for m in lists["members"] if m["role"].casefold() == "tổ trưởng"]
        if leaders:
            data["leader"] = leaders[0]
    elif leader_line is not None:
        lines[("leader",)] = leader_line
    data.update(lists)
    data["communes"] = list(communes.values())
    return data, lines


def _csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    for cells in reader:
        yield reader.line_num, cells


def read_utf8(path: Path) -> str:
    """A text file's content, or a LoadError naming it (never a traceback)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise LoadError(
            _("{path}: không mở được tệp ({why})").format(path=path, why=exc.strerror)
        ) from None
    except UnicodeDecodeError:
        raise LoadError(
            _("{path}: không phải tệp văn bản UTF-8; lưu lại tệp với mã hóa UTF-8").format(
                path=path
            )
        ) from None


def read_csv(path: Path) -> tuple[dict[str, Any], dict[Path_, int]]:
    return rows_to_data(_csv_rows(read_utf8(path)), str(path))


def read_xlsx(path: Path) -> tuple[dict[str, Any], dict[Path_, int]]:
    """The first sheet of a workbook; needs the ``xlsx`` extra (openpyxl)."""
    try:
        import openpyxl
    except ImportError:
        raise LoadError(
            _("{path}: đọc .xlsx cần openpyxl: pip install 'baocao[xlsx]'").format(path=path)
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for a bad file
        raise LoadError(
            _("{path}: không đọc được bảng tính .xlsx ({why})").format(path=path, why=exc)
        ) from None
    try:
        sheet = book.worksheets[0]
        rows = [
            (n, [_cell_text(v) for v in values])
            for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    return rows_to_data(rows, str(path))
