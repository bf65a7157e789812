"""The Phụ lục: every difficulty and proposal the summary counted, as tables.

The summary's sentence gives totals by authority; the appendix lets a reader
find each item and the team that raised it. It is an ordinary ``Document``
(the generic kind), so every template and engine renders it as they render
any report, under the summary report's own header.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Appendix, Block, Document, Header, Paragraph, Section, Span, Table, Tally
from ..model.tables import Align
from ..model.team_report import AUTHORITIES
from ..vi import header_date
from .summary import IssueItem, Summary

__all__ = ["appendix_document", "appendix_of", "issue_table"]

HEADER = ["STT", "Nội dung", "Tổ huyện", "Thẩm quyền giải quyết"]
WIDTHS = [0.8, 5.0, 2.0, 2.0]
ALIGN: list[Align] = ["center", "left", "left", "left"]


def _by_authority(items: Sequence[IssueItem]) -> list[IssueItem]:
    rank = {a: i for i, a in enumerate(AUTHORITIES)}
    return sorted(items, key=lambda i: rank.get(i.authority, len(rank)))


def issue_table(items: Sequence[IssueItem], caption: str | None = None) -> Table:
    """Items grouped by authority in the summary's order, numbered 1…n."""
    rows = [
        [str(n), i.text, i.team, i.authority] for n, i in enumerate(_by_authority(items), start=1)
    ]
    # a list flows across pages (its header row repeats) rather than jump to a fresh one
    return Table(
        caption=caption, header=HEADER, rows=rows, widths=WIDTHS, align=ALIGN, keep_together=False
    )


def _attached_to(header: Header) -> str:
    day = header_date(header.date.day, header.date.month, header.date.year)
    kind = (header.doc_type or "Báo cáo").capitalize()
    return f"(Kèm theo {kind} số {header.number}, {day})"


def _blocks(tally: Tally, items: Sequence[IssueItem]) -> list[Block]:
    total = Paragraph(spans=[Span(text="Tổng số: "), tally, Span(text=".")])
    return [total, issue_table(items)] if items else [total]


def _title(summary: Summary) -> str:
    w = summary.wording
    return (
        f"danh sách {w.difficulty_noun} và {w.proposal_noun} của các {w.team_noun} "
        f"năm {summary.year}"
    )


def _sections(summary: Summary) -> list[Section]:
    w = summary.wording
    d, p = summary.difficulty_tally(), summary.proposal_tally()
    return [
        Section(title=w.difficulty_noun.capitalize(), blocks=_blocks(d, summary.difficulties)),
        Section(title=w.proposal_noun.capitalize(), blocks=_blocks(p, summary.proposals)),
    ]


def appendix_document(summary: Summary, header: Header) -> Document:
    """The appendix as a document of its own, under the summary report's header."""
    subject = f"{_title(summary)}\n{_attached_to(header)}"
    return Document(
        header=header.replace(doc_type="PHỤ LỤC", subject=subject),
        sections=_sections(summary),
    )


def appendix_of(summary: Summary, header: Header) -> Appendix:
    """The appendix as the report's own Phụ lục, printed after its signature."""
    return Appendix(
        title=_title(summary).upper(), note=_attached_to(header), sections=_sections(summary)
    )
