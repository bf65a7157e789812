"""BC3xx: dates that cannot be right.

A report cannot cite a document issued after it; a report on year N is dated in
year N or early N+1 and plans for N+1; and a date such as 31/6 does not exist.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..i18n import N_, _
from ..model import ImplementationReport
from ..vi import parse_short_date, short_date
from .context import Context
from .paths import Loc
from .rule import Finding, Rule

__all__ = ["RULES"]

_SHORT = re.compile(r"(?<![\d/.-])\d{1,2}([/-])\d{1,2}\1\d{4}(?![\d/-]|\.\d)")
_LONG = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})(?!\d)")
_YEAR = re.compile(r"năm (\d{4})(?!\d)")


def _report_date_text(ctx: Context) -> str:
    d = ctx.document.header.date
    full = d.as_date()
    if full is not None:
        return short_date(full)
    return f"tháng {d.month} năm {d.year}" if d.month else f"năm {d.year}"


def cited_after_report(ctx: Context) -> Iterator[Finding]:
    """BC301: a cited document dated after the report (a draft: after its last possible day)."""
    latest = ctx.document.header.date.latest()
    for occ in ctx.citations:
        c = occ.citation
        if c.date is not None and c.date > latest:
            yield occ.finding(
                "BC301",
                f"{c.short()} ngày {c.date_text()} được viện dẫn nhưng ban hành sau ngày "
                f"của báo cáo ({_report_date_text(ctx)})",
                "kiểm tra lại ngày của văn bản được viện dẫn hoặc ngày báo cáo",
            )


_FOUNDED: dict[str, tuple[dt.date, str]] = {
    "dang": (dt.date(1930, 2, 3), N_("ngày thành lập Đảng (03/02/1930)")),
    "nha_nuoc": (dt.date(1945, 9, 2), N_("ngày thành lập nước (02/9/1945)")),
}


def implausible_citation_dates(ctx: Context) -> Iterator[Finding]:
    """BC305: a State symbol's year that is not its date's year; a date before the founding."""
    for occ in ctx.citations:
        c = occ.citation
        if c.date is None or c.symbol is None:
            continue
        year = c.symbol.year
        if year is not None and year != c.date.year:
            yield occ.finding(
                "BC305",
                _("{short}: năm trong số, ký hiệu ({year}) khác năm ban hành ({date})").format(
                    short=c.short(), year=year, date=c.date_text()
                ),
                _("kiểm tra lại số, ký hiệu hoặc ngày ban hành"),
            )
            continue
        founded, what = _FOUNDED[c.symbol.style]
        if c.date < founded:
            yield occ.finding(
                "BC305",
                _("{short} ngày {date} có trước {what}").format(
                    short=c.short(), date=c.date_text(), what=_(what)
                ),
                _("kiểm tra lại năm ban hành"),
            )


def period_vs_date(ctx: Context) -> Iterator[Finding]:
    """BC302: the reporting year is neither the report's year nor the year before it."""
    report = ctx.report
    if not isinstance(report, ImplementationReport):
        return
    year = report.header.date.year
    if year not in (report.period_year, report.period_year + 1):
        yield Finding(
            "BC302",
            ("period_year",),
            f"báo cáo kết quả năm {report.period_year} nhưng đề ngày năm {year}",
            f"period_year: {year} hoặc sửa ngày báo cáo",
        )


def _part_titles(ctx: Context) -> Iterator[tuple[str, Loc, tuple[int, ...], str]]:
    """``(title, where, years it may name, which part)`` of the results and tasks parts.

    An implementation report knows its period: part I is ``period_year``, part III
    the year after. A generic document only has its date Y: a "kết quả" heading may
    name Y-1 or Y, a "nhiệm vụ"/"phương hướng" heading Y or Y+1.
    """
    report = ctx.report
    if isinstance(report, ImplementationReport):
        p = report.period_year
        yield report.results.title or "", ("sections", 0, "title"), (p,), "kết quả"
        yield report.tasks.title or "", ("sections", 2, "title"), (p + 1,), "nhiệm vụ"
        return
    y = report.header.date.year
    for i, s in enumerate(ctx.document.sections):
        folded = s.title.casefold()
        if "nhiệm vụ" in folded or "phương hướng" in folded:
            yield s.title, ("sections", i, "title"), (y, y + 1), "nhiệm vụ"
        elif "kết quả" in folded:
            yield s.title, ("sections", i, "title"), (y - 1, y), "kết quả"


def title_years(ctx: Context) -> Iterator[Finding]:
    """BC303: the year in the results or the tasks title disagrees with the report's period."""
    for title, loc, years, what in _part_titles(ctx):
        for m in _YEAR.finditer(title):
            if int(m[1]) in years:
                continue
            allowed = " hoặc ".join(map(str, years))
            yield Finding(
                "BC303",
                loc,
                f'tiêu đề phần {what} ghi "{m[0]}" nhưng theo kỳ và ngày báo cáo phải là '
                f"năm {allowed}",
                title.replace(m[0], f"năm {years[0]}") if len(years) == 1 else None,
            )


def impossible_dates(ctx: Context) -> Iterator[Finding]:
    """BC304: a date in the text that is not on the calendar (31/6/2023, 29/02/2023)."""
    for unit in ctx.units:
        for m in _SHORT.finditer(unit.text):
            try:
                parse_short_date(m[0])
            except ValueError:
                yield unit.finding(
                    "BC304", m.start(), f'ngày "{m[0]}" không có trên lịch', None, len(m[0])
                )
        for m in _LONG.finditer(unit.text):
            try:
                dt.date(int(m[3]), int(m[2]), int(m[1]))
            except ValueError:
                yield unit.finding(
                    "BC304", m.start(), f'"{m[0]}" không có trên lịch', None, len(m[0])
                )


RULES = (
    Rule("BC301", "error", "Văn bản viện dẫn ban hành sau báo cáo", cited_after_report),
    Rule("BC302", "warning", "Năm báo cáo không khớp ngày báo cáo", period_vs_date),
    Rule("BC303", "error", "Năm trong tiêu đề phần không khớp kỳ báo cáo", title_years),
    Rule("BC304", "error", "Ngày không có thật", impossible_dates),
    Rule("BC305", "error", "Ngày ban hành không thể đúng", implausible_citation_dates),
)
