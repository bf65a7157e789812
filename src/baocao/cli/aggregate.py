"""``baocao aggregate``: the district summary from a folder of team reports."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
import yaml

from ..aggregate import ASSIGNMENT_FILE, Assignment, aggregate, load_assignment, load_team_reports
from ..aggregate.appendix import appendix_document, appendix_of
from ..aggregate.fill import fill_report, paragraph_data
from ..aggregate.merge import merge_docx
from ..aggregate.summary import Summary
from ..atomic import atomic_write
from ..errors import InputError, LoadError
from ..i18n import _
from ..loading import load, validate
from ..model import Header
from ..rendering import render_bytes
from ..yamlread import ReportLoader
from .core import fail_cleanly, refuse_clobber

__all__ = ["aggregate_cmd"]

F = TypeVar("F", bound=Callable[..., Any])


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            _("{value!r} không phải ngày YYYY-MM-DD").format(value=value)
        ) from None


def _dump(data: Any) -> bytes:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    return text.encode("utf-8")


def summary_data(summary: Summary) -> dict[str, Any]:
    """What ``-o summary.yaml`` holds: the sentences ready to paste, then every count."""
    return {
        "figures": summary.figures(),
        "statistics": paragraph_data(summary.statistics_paragraph()),
        "shortfalls": [paragraph_data(p) for p in summary.shortfall_items()],
        **summary.model_dump(mode="json", exclude={"wording"}),
    }


def _read_report_data(path: Path) -> dict[str, Any]:
    load(path)  # every problem of the input, with lines, before touching it
    data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=ReportLoader)
    if not isinstance(data, dict) or data.get("kind") != "bao_cao_thuc_hien":
        raise LoadError(
            _("{path}: --into cần một báo cáo kết quả thực hiện (kind: bao_cao_thuc_hien)").format(
                path=path
            )
        )
    return data


def _file_option(*names: str) -> Callable[[F], F]:
    """An optional file path option: ``(name, help, *more names)``."""
    first, help_text, *more = names
    return click.option(
        first, *more, type=click.Path(dir_okay=False, path_type=Path), default=None, help=help_text
    )


@click.command("aggregate", short_help="Tổng hợp báo cáo của các Tổ (roll up team reports).")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "--as-of",
    "as_of",
    callback=_day,
    default=None,
    metavar="YYYY-MM-DD",
    help="Count the reports received by this day (default: today).",
)
@click.option(
    "--due",
    callback=_day,
    default=None,
    metavar="YYYY-MM-DD",
    help="Reports sent after this day are late (default: the assignment file's).",
)
@_file_option("--assignment", f"The list of teams expected (default: FOLDER/{ASSIGNMENT_FILE}).")
@click.option(
    "--into",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="An implementation report to fill the figures into (see -o).",
)
@_file_option(
    "-o", "The summary (.yaml); with --into, the filled report (.yaml).", "--output", "out"
)
@_file_option("--appendix", "Render the list of every difficulty and proposal (Phụ lục) to .docx.")
@_file_option("--merged", "With --into: the filled report and its appendix in one .docx.")
@click.option(
    "--attach",
    is_flag=True,
    help="With --into: put the appendix into the filled report (appendices), after its signature.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("--force", is_flag=True, help="Overwrite outputs that exist (and --into itself).")
@fail_cleanly
def aggregate_cmd(
    folder: Path,
    as_of: dt.date | None,
    due: dt.date | None,
    assignment: Path | None,
    into: Path | None,
    out: Path | None,
    appendix: Path | None,
    merged: Path | None,
    attach: bool,
    as_json: bool,
    force: bool,
) -> None:
    """Tổng hợp: count the team reports in FOLDER and print the figures.

    FOLDER holds one report per team (.yaml, .json, .csv, .xlsx, .docx) and the list
    of teams expected (phan-cong.yaml). A report sent after --as-of is not
    counted; one sent after the due day is late.

    \b
    Examples:
      baocao aggregate examples/to-huyen --as-of 2023-12-13
      baocao aggregate examples/to-huyen --as-of 2023-12-13 -o summary.yaml
      baocao aggregate examples/to-huyen --as-of 2023-12-13 --appendix phu-luc.docx
      baocao aggregate examples/to-huyen --as-of 2023-12-13 \\
          --into examples/bao-cao-quy-dinh-02.yaml -o bao-cao.yaml --merged bao-cao.docx
    """
    if (merged is not None or attach) and into is None:
        raise click.UsageError(_("--merged và --attach cần --into (báo cáo để ghép với phụ lục)"))
    for target in (out, appendix, merged):
        if target is not None:
            refuse_clobber(target, force)
    plan = load_assignment(assignment or folder / ASSIGNMENT_FILE)
    summary = aggregate(
        load_team_reports(folder),
        expected=plan.teams,
        as_of=as_of or dt.date.today(),
        due=due or plan.due,
        wording=plan.wording,
    )
    filled = None
    if into is not None:
        data = _read_report_data(into)
        attached = appendix_of(summary, validate(data).header) if attach else None
        filled = fill_report(data, summary, attached)
        validate(filled, source=str(into))
        if out is None and not force:
            raise click.UsageError(
                _("--into cần -o (tệp kết quả); chỉ ghi đè {path} khi có --force").format(path=into)
            )
    if as_json:
        click.echo(json.dumps(summary_data(summary), ensure_ascii=False, indent=2))
    else:
        for line in summary.figures():
            click.echo(line)
    if filled is not None:
        target = out or into
        assert target is not None
        atomic_write(target, _dump(filled), overwrite=True)
        _wrote(target, as_json)
    elif out is not None:
        atomic_write(out, _dump(summary_data(summary)), overwrite=force)
        _wrote(out, as_json)
    if appendix is not None or merged is not None:
        doc = appendix_document(summary, _appendix_header(filled, plan))
        pages = render_bytes(doc, "docx")
        if appendix is not None:
            atomic_write(appendix, pages, overwrite=force)
            _wrote(appendix, as_json)
        if merged is not None:
            atomic_write(
                merged, merge_docx([render_bytes(filled or {}, "docx"), pages]), overwrite=force
            )
            _wrote(merged, as_json)


def _appendix_header(filled: dict[str, Any] | None, plan: Assignment) -> Header:
    if filled is not None:
        return validate(filled).header
    if plan.header is None:
        raise InputError(
            _("phụ lục cần phần đầu văn bản: dùng --into hoặc thêm header vào {file}").format(
                file=ASSIGNMENT_FILE
            )
        )
    return plan.header


def _wrote(path: Path, quiet: bool) -> None:
    click.echo(_("đã ghi {path}").format(path=path), err=quiet)
