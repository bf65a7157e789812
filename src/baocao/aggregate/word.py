"""A team report sent as Word (.docx, .doc): the record table, read by the importer.

Why a table: the printed form of a team report keeps counts per quarter, not
each attendance with its cell and date, so prose cannot give the figures the
roll-up checks. A team that writes in Word pastes the spreadsheet's record
table (``sheet.py``'s columns, first row naming them) into its report; the
importer (``baocao.import_report``) reads the file, its letterhead becomes the
report's header, and the table is read row by row like a .csv. Errors name
the table row (``dòng`` counts the table's rows, its first row being 1).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import LoadError
from ..i18n import _
from ..importer import import_report
from .sheet import COLUMNS, rows_to_data

__all__ = ["read_word"]

Path_ = tuple[str | int, ...]


def read_word(path: Path) -> tuple[dict[str, Any], dict[Path_, int]]:
    """The record table of a .docx/.doc team report, with the letterhead as header."""
    result = import_report(path)
    for block in result.blocks:
        rows = block.rows
        if rows and "record" in [c.strip().lower() for c in rows[0]]:
            data, lines = rows_to_data(
                ((n, list(r)) for n, r in enumerate(rows, start=1)), str(path)
            )
            header = getattr(result.report, "header", None)
            if header is not None:
                data["header"] = header
            return data, lines
    raise LoadError(
        _("{path}: không có bảng số liệu của Tổ (dòng đầu là các cột: {columns})").format(
            path=path, columns=", ".join(COLUMNS)
        )
    )
