"""A team report printed as a document: the adapter from its schema to the layout.

Why: once the team report is a registered kind, ``baocao render`` prints it
like any report (the team's own copy, to file or send), from the same data the
district counts. The figures in it are the model's statistics, so the checker
recounts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import InputError
from ..i18n import _
from .blocks import BulletList, Paragraph, Span, Table
from .closing import Signer
from .document import Document
from .sections import Section
from .statistics import Ratio

if TYPE_CHECKING:
    from .team_report import Issue, TeamReport

__all__ = ["team_document"]

QUARTERS = ("Quý I", "Quý II", "Quý III", "Quý IV")


def _issues(items: Sequence[Issue]) -> list[Paragraph | BulletList]:
    if not items:
        return [Paragraph.model_validate("Không có.")]
    lines = [
        Paragraph.model_validate(f"{i.text.rstrip('.')} (thuộc thẩm quyền của {i.authority}).")
        for i in items
    ]
    return [BulletList(items=lines)]


def _in_text(name: str) -> str:
    """``Xã Long Hẹ`` → ``xã Long Hẹ``: the unit word is lower case inside a sentence."""
    for unit in ("Xã ", "Thị trấn ", "Phường "):
        if name.startswith(unit):
            return unit.lower() + name[len(unit) :]
    return name


def _attendance_table(report: TeamReport) -> Table:
    rows = []
    for m in report.members:
        per = [0, 0, 0, 0]
        for a in report.attendance_of(m.name):
            per[(a.date.month - 1) // 3] += 1
        rows.append([m.name, m.role, *per])
    return Table(
        caption=f"Số lần dự sinh hoạt chi bộ năm {report.year}",  # document text, not a message
        header=["Thành viên", "Chức danh", *QUARTERS],
        rows=rows,
        widths=[3.0, 2.0, 1.0, 1.0, 1.0, 1.0],
    )


def team_document(report: TeamReport) -> Document:
    """The team's yearly report as the generic document every engine prints."""
    if report.header is None:
        raise InputError(
            _("{team}: cần phần đầu văn bản (header) để in báo cáo của Tổ").format(team=report.team)
        )
    cells = report.cells
    done = len(cells) - len(report.unattended_cells())
    communes = ", ".join(_in_text(c.name) for c in report.communes)
    summary = Paragraph(
        spans=[
            Span(
                text=f"Tổ được phân công dự, theo dõi, hướng dẫn sinh hoạt tại {communes}; "
                f"trong năm {report.year}, các thành viên của Tổ đã dự sinh hoạt tại "
            ),
            Ratio(value=done, of=len(cells), noun="chi bộ được phân công"),
            Span(text=f", tổng số {len(report.attendance)} lượt."),
        ]
    )
    sections = [
        Section(
            title=f"Kết quả dự, theo dõi, hướng dẫn sinh hoạt chi bộ năm {report.year}",
            blocks=[summary, _attendance_table(report)],
        ),
        Section(title="Khó khăn, vướng mắc", blocks=_issues(report.difficulties)),
        Section(title="Kiến nghị, đề xuất", blocks=_issues(report.proposals)),
    ]
    return Document(
        header=report.header,
        sections=sections,
        signer=report.signer or Signer(title="TỔ TRƯỞNG", name=report.leader),
        recipients=report.recipients,
        check=report.check,
    )
