"""Báo cáo hoạt động của Tổ huyện: one district team's yearly report, as data.

A district team (Tổ huyện) attends the meetings of the village Party cells
(chi bộ thôn, bản) it is assigned and sends the district a yearly report: who
attended which cell when, the difficulties met and the proposals made, each
for the body that must handle it. The district's summary (``baocao.aggregate``)
counts these reports instead of a clerk counting by hand, so every
cross-reference (a member who attends, a cell attended, a date) is checked at
load with the field it sits in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable
from typing import Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from ..i18n import _
from .closing import Recipients, Signer
from .document import CheckConfig, Document
from .header import Header
from .registry import AnyReport, Kind
from .team_document import team_document
from .types import Model, NonEmptyText, Text

__all__ = [
    "AUTHORITIES",
    "KIND",
    "Attendance",
    "Commune",
    "Issue",
    "Member",
    "TeamReport",
    "TeamReportDocument",
    "name_key",
    "quarter_of",
]

AUTHORITIES: tuple[str, ...] = (
    "Ban Thường vụ Huyện ủy",
    "Thường trực Huyện ủy",
    "Huyện ủy",
    "UBND huyện",
    "Tổ huyện",
    "Đảng ủy xã",
    "UBND xã",
    "Chi bộ",
)
"""The bodies a difficulty or proposal can be for, highest first.

The order is the order a summary lists them in (the seed: Tổ huyện before
Đảng ủy xã, Huyện ủy before Đảng ủy xã).
"""


def quarter_of(day: dt.date) -> int:
    """1 for January–March … 4 for October–December."""
    return (day.month - 1) // 3 + 1


def name_key(name: str) -> str:
    """Names compare without case and surrounding spaces (``Lò Văn An`` = ``lò văn an ``)."""
    return " ".join(name.split()).casefold()


def _outside_year(
    loc: tuple[str | int, ...], day: dt.date | None, year: int
) -> Iterable[tuple[tuple[str | int, ...], str, str, object]]:
    if day is not None and day.year != year:
        msg = _("ngày {day} không thuộc năm {year}").format(day=day.isoformat(), year=year)
        yield (loc, "date_outside_year", msg, day.isoformat())


class Member(Model):
    """A team member; ``joined``/``left`` bound the quarters the once-a-quarter rule counts."""

    name: NonEmptyText
    role: Text = ""
    """``Tổ trưởng``, ``Tổ phó``, ``Thành viên`` or the member's post."""
    joined: dt.date | None = None
    left: dt.date | None = None


class Commune(Model):
    """A commune (xã, thị trấn) and the village Party cells of it the team is assigned."""

    name: NonEmptyText
    cells: tuple[NonEmptyText, ...] = Field(min_length=1)


class Attendance(Model):
    """One member at one cell's meeting on one day."""

    member: NonEmptyText
    cell: NonEmptyText
    date: dt.date


class Issue(Model):
    """A difficulty (khó khăn, vướng mắc) or a proposal (kiến nghị, đề xuất)."""

    text: NonEmptyText
    authority: NonEmptyText
    """The body that must handle it: one of ``AUTHORITIES`` (checked with the report's
    other cross-checks, so every problem of a file is reported at once)."""


class TeamReport(Model):
    """What one Tổ huyện reports for a year; the roll-up reads nothing else."""

    kind: Literal["bao_cao_to_huyen"] = "bao_cao_to_huyen"
    header: Header | None = None
    """The team's own letterhead; needed only to print the report, not to count it."""
    team: NonEmptyText
    """The team's name as the assignment decision writes it (``Tổ huyện số 3``)."""
    year: int = Field(ge=1900, le=2200)
    submitted: dt.date
    leader: NonEmptyText
    members: tuple[Member, ...] = Field(min_length=1)
    communes: tuple[Commune, ...] = Field(min_length=1)
    attendance: tuple[Attendance, ...] = ()
    difficulties: tuple[Issue, ...] = ()
    proposals: tuple[Issue, ...] = ()
    signer: Signer | None = None
    """Who signs the printed report; none given: the leader, as ``TỔ TRƯỞNG``."""
    recipients: Recipients | None = None
    check: CheckConfig = Field(default_factory=CheckConfig)

    @property
    def cells(self) -> list[tuple[str, str]]:
        """Every assigned cell as ``(commune, cell)``, in the order written."""
        return [(c.name, cell) for c in self.communes for cell in c.cells]

    @model_validator(mode="after")
    def _references_hold(self) -> TeamReport:
        """Dates inside the year, no member or cell twice, attendance by members at assigned cells.

        Every problem is raised at once, each at its own field, so the loader can
        name the line it sits on.
        """
        problems = list(self._problems())
        if problems:
            raise ValidationError.from_exception_data(
                type(self).__name__,
                [
                    InitErrorDetails(type=PydanticCustomError(code, msg), loc=loc, input=value)
                    for loc, code, msg, value in problems
                ],
            )
        return self

    def _problems(self) -> Iterable[tuple[tuple[str | int, ...], str, str, object]]:
        year = self.year
        if not year <= self.submitted.year <= year + 1:
            yield (
                ("submitted",),
                "date_outside_year",
                _("ngày gửi {day} không thuộc năm {year} hoặc đầu năm sau").format(
                    day=self.submitted.isoformat(), year=year
                ),
                self.submitted.isoformat(),
            )
        names: dict[str, int] = {}
        for i, m in enumerate(self.members):
            if name_key(m.name) in names:
                yield (
                    ("members", i, "name"),
                    "duplicate_member",
                    _("thành viên {name!r} đã có ở members[{first}]").format(
                        name=m.name, first=names[name_key(m.name)]
                    ),
                    m.name,
                )
            names.setdefault(name_key(m.name), i)
            for field in ("joined", "left"):
                yield from _outside_year(("members", i, field), getattr(m, field), year)
        if name_key(self.leader) not in names:
            yield (
                ("leader",),
                "leader_not_member",
                _("Tổ trưởng {name!r} không có trong danh sách thành viên (members)").format(
                    name=self.leader
                ),
                self.leader,
            )
        cells: dict[str, tuple[int, int]] = {}
        for ci, commune in enumerate(self.communes):
            for k, cell in enumerate(commune.cells):
                if name_key(cell) in cells:
                    yield (
                        ("communes", ci, "cells", k),
                        "duplicate_cell",
                        _("chi bộ {cell!r} đã được phân công ở communes[{c}].cells[{k}]").format(
                            cell=cell, c=cells[name_key(cell)][0], k=cells[name_key(cell)][1]
                        ),
                        cell,
                    )
                cells.setdefault(name_key(cell), (ci, k))
        for field in ("difficulties", "proposals"):
            for i, issue in enumerate(getattr(self, field)):
                if issue.authority not in AUTHORITIES:
                    yield (
                        (field, i, "authority"),
                        "authority_unknown",
                        _(
                            "thẩm quyền {value!r} không có trong danh mục; cần một trong: {known}"
                        ).format(value=issue.authority, known=", ".join(AUTHORITIES)),
                        issue.authority,
                    )
        unknown: dict[str, tuple[Container[str], str]] = {
            "member": (names, _("{value!r} không có trong danh sách thành viên (members)")),
            "cell": (cells, _("chi bộ {value!r} không thuộc địa bàn được phân công (communes)")),
        }
        for i, a in enumerate(self.attendance):
            for field, (known, msg) in unknown.items():
                value = getattr(a, field)
                if name_key(value) not in known:
                    loc = ("attendance", i, field)
                    yield loc, f"attendance_unknown_{field}", msg.format(value=value), value
            yield from _outside_year(("attendance", i, "date"), a.date, year)

    def to_document(self) -> Document:
        """The adapter to the layout (``team_document.py``)."""
        return team_document(self)

    def member(self, name: str) -> Member:
        """The member of that name (case and spacing ignored)."""
        for m in self.members:
            if name_key(m.name) == name_key(name):
                return m
        raise KeyError(name)

    def attendance_of(self, name: str) -> list[Attendance]:
        """The member's attendance records (case and spacing ignored)."""
        return [a for a in self.attendance if name_key(a.member) == name_key(name)]

    def quarters_attended(self, name: str) -> set[int]:
        """Quarters of the year in which the member attended at least one meeting."""
        return {quarter_of(a.date) for a in self.attendance_of(name)}

    def quarters_due(self, member: Member, until: dt.date) -> list[int]:
        """Quarters the member had to attend: from joining (or January) to leaving or ``until``."""
        start = member.joined or dt.date(self.year, 1, 1)
        end = min(d for d in (member.left, until, dt.date(self.year, 12, 31)) if d is not None)
        if end < start:
            return []
        return list(range(quarter_of(start), quarter_of(end) + 1))

    def unattended_cells(self) -> list[tuple[str, str]]:
        """Assigned cells with no attendance record, as ``(commune, cell)``."""
        seen = {name_key(a.cell) for a in self.attendance}
        return [(commune, cell) for commune, cell in self.cells if name_key(cell) not in seen]


class TeamReportDocument(TeamReport, AnyReport):
    """The registered kind ``bao_cao_to_huyen``: a team report with its letterhead.

    Why two classes: counting needs only the figures (a spreadsheet has no
    letterhead), while printing and checking need the header, so the kind
    that ``baocao.load``/``render``/``check`` read requires it.
    """

    header: Header


KIND = Kind("bao_cao_to_huyen", TeamReportDocument, description="báo cáo hoạt động của Tổ huyện")
"""The kind's registration record (registered in ``model/report.py``)."""
