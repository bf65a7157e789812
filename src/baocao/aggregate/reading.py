"""Reading the teams' reports and the list of teams expected to send one.

A team report is YAML or JSON (read by the same machinery as every report, so
an error names the file, the field and the line), or a spreadsheet (.csv,
.xlsx: see ``sheet.py``). A folder holds one file per team plus
``phan-cong.yaml``, the assignment decision's list of teams, which is what a
missing report is counted against.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from ..errors import LoadError, Problem
from ..i18n import _
from ..loading import _yaml_with_lines
from ..model import Header
from ..model.team_report import TeamReport
from ..model.types import Model, NonEmptyText, Text
from ..problems import problems_of
from .sheet import read_csv, read_utf8, read_xlsx
from .summary import Wording
from .word import read_word

__all__ = [
    "ASSIGNMENT_FILE",
    "TEAM_REPORT_SUFFIXES",
    "Assignment",
    "load_assignment",
    "load_team_report",
    "load_team_reports",
]

ASSIGNMENT_FILE = "phan-cong.yaml"
TEAM_REPORT_SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".xlsx", ".docx", ".doc")

Path_ = tuple[str | int, ...]


class Assignment(Model):
    """The teams the district expects a report from, and by when."""

    decision: Text = ""
    """The decision that assigned them (``Quyết định số 1848-QĐ/HU, ngày 30/12/2022 …``)."""
    year: int = Field(ge=1900, le=2200)
    due: dt.date | None = None
    teams: tuple[NonEmptyText, ...] = Field(min_length=1)
    wording: Wording = Field(default_factory=Wording)
    header: Header | None = None
    """The summary report's header, for an appendix rendered without ``--into``."""


def _read_text_data(path: Path) -> tuple[Any, dict[Path_, int]]:
    text = read_utf8(path)
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text), {}
        except json.JSONDecodeError as exc:
            raise LoadError(
                _("{path}: không đọc được JSON").format(path=path),
                [Problem((), exc.msg, exc.lineno)],
            ) from None
    return _yaml_with_lines(text, str(path))


def _validate(model: type[Model], data: Any, lines: dict[Path_, int], path: Path) -> Any:
    if not isinstance(data, dict):
        raise LoadError(_("{path}: tệp phải là một mục có các trường").format(path=path))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = problems_of(exc, data, lines)
        raise LoadError(
            _("{path}: dữ liệu có {n} lỗi").format(path=path, n=len(problems)), problems
        ) from None


def load_team_report(path: str | Path) -> TeamReport:
    """One team's report from .yaml, .yml, .json, .csv, .xlsx or Word (.docx, .doc)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".csv":
        data, lines = read_csv(p)
    elif suffix == ".xlsx":
        data, lines = read_xlsx(p)
    elif suffix in (".docx", ".doc"):
        data, lines = read_word(p)
    elif suffix in (".yaml", ".yml", ".json"):
        data, lines = _read_text_data(p)
    else:
        raise LoadError(
            _("{path}: không đọc được loại tệp {suffix!r}; cần một trong: {known}").format(
                path=p, suffix=suffix, known=", ".join(TEAM_REPORT_SUFFIXES)
            )
        )
    report: TeamReport = _validate(TeamReport, data, lines, p)
    return report


def load_assignment(path: str | Path) -> Assignment:
    p = Path(path)
    data, lines = _read_text_data(p)
    assignment: Assignment = _validate(Assignment, data, lines, p)
    return assignment


def load_team_reports(folder: str | Path) -> list[TeamReport]:
    """Every team report in a folder (not the assignment file), all errors at once."""
    root = Path(folder)
    if not root.is_dir():
        raise LoadError(_("{path}: không phải thư mục").format(path=root))
    files = sorted(
        f
        for f in root.iterdir()
        if f.is_file() and f.suffix.lower() in TEAM_REPORT_SUFFIXES and f.name != ASSIGNMENT_FILE
    )
    reports, errors = [], []
    for f in files:
        try:
            reports.append(load_team_report(f))
        except LoadError as exc:
            errors.append(exc)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise LoadError("\n".join(str(e) for e in errors))
    return reports
