"""baocao-to-huyen: the yearly activity report of a district team (Tổ huyện).

Each Tổ huyện attends, follows and guides the Party cell meetings of one
commune, and sends the district a yearly report; the district's Ban Tổ chức
adds those reports up (the seed report: "17/17 Tổ huyện có báo cáo … 21 khó
khăn, vướng mắc (trong đó 3 … thuộc thẩm quyền của Tổ huyện; 18 …)"). This pack
prints such a report in the Party layout and appends the figures the district
adds up, taken from the report's own statistics, so they cannot disagree with
the text.

The pack is this folder (``baocao-template.yml`` and the .docx parts);
``add_activity`` is its context hook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from baocao.model import Document, ImplementationReport, Paragraph, Ratio, Section, Tally

__all__ = ["add_activity"]


def _paragraphs(sections: list[Section], title: str = "") -> Iterator[tuple[str, Paragraph]]:
    """Every paragraph of the section tree (list items too), with its section's title."""
    for section in sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield section.title, block
            for item in getattr(block, "items", []):
                yield section.title, item
        yield from _paragraphs(section.sections, section.title)


def add_activity(
    report: Document | ImplementationReport, context: dict[str, Any]
) -> dict[str, Any]:
    """Add ``activity``: the reporting period and the report's tallies and ratios."""
    doc = report.to_document()
    date = doc.header.date
    figures: list[dict[str, Any]] = []
    ratios: list[str] = []
    for section_title, paragraph in _paragraphs(doc.sections):
        for piece in paragraph.spans:
            if isinstance(piece, Tally):
                figures.append(
                    {
                        "number": len(figures) + 1,
                        "label": piece.noun[:1].upper() + piece.noun[1:],
                        "section": section_title,
                        "total": piece.total,
                        "breakdown": [part.sentence(piece.noun) for part in piece.parts],
                    }
                )
            elif isinstance(piece, Ratio):
                ratios.append(piece.sentence())
    context["activity"] = {
        "year": date.year,
        "period_start": dt.date(date.year, 1, 1),
        "period_end": date.as_date() or date.latest(),
        "figures": figures,
        "ratios": ratios,
    }
    return context
