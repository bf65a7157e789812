"""``baocao conformance``: measure a .docx against its format profile and print each rule."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..conformance import ConformanceReport, check_docx
from ..i18n import _
from .core import fail_cleanly
from .machine import diagnostic, emit, file_entry

__all__ = ["conformance_cmd", "format_table"]


def format_table(report: ConformanceReport) -> str:
    """The report as an aligned plain-text table: status, rule, measured, expected."""
    rows = [("", "rule", "measured", "expected")]
    for r in report.results:
        expected = r.expected if r.waived is None else f"{r.expected}  [{_('miễn')}: {r.waived}]"
        rows.append((r.status, r.rule_id, r.measured, expected))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(
            [*(cell.ljust(wd) for cell, wd in zip(row[:3], widths, strict=True)), row[3]]
        ).rstrip()
        for row in rows
    ]
    failed = len(report.failures())
    verdict = "all rules pass" if not failed else f"{failed} of {len(report.results)} rules fail"
    waived = len(report.waived())
    if waived:
        verdict += _(" ({n} quy tắc được miễn theo gói mẫu)").format(n=waived)
    head = f"{report.source}: {report.family}, profile {report.profile} ({report.profile_reason})"
    unknown = [
        _("cảnh báo: miễn {rule} nhưng không có quy tắc nào như vậy").format(rule=k)
        for k in report.unknown_waivers
    ]
    return "\n".join([head, *lines, *unknown, verdict])


@click.command("conformance")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--family",
    type=click.Choice(["dang", "nha-nuoc", "nha_nuoc"]),
    default=None,
    help="Party (dang) or State (nha-nuoc); default: read from the motto line.",
)
@click.option(
    "--profile",
    default=None,
    help="Format profile id (dang-hd36, nha-nuoc-nd30 …) or a profile .yml; "
    "default: the family's profile in force on the document's date.",
)
@click.option(
    "-t",
    "--template",
    default=None,
    help=_(
        "Gói mẫu (id hoặc thư mục) đã in văn bản: dùng hồ sơ định dạng và các miễn trừ của gói."
    ),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    hidden=True,  # the older spelling of --json (its own shape, kept for scripts)
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="In kết quả dạng JSON (docs/cli.md): mỗi quy tắc không đạt là một chẩn đoán.",
)
@fail_cleanly
def conformance_cmd(
    file: Path,
    family: str | None,
    profile: str | None,
    template: str | None,
    fmt: str,
    as_json: bool,
) -> None:
    """Đo tệp FILE (.docx) theo thể thức chính thức, từng quy tắc; mã thoát 1 khi có lỗi.

    \b
    Ví dụ:
      baocao conformance bao-cao.docx --family dang
      baocao conformance ubnd.docx --family nha-nuoc --json
      baocao conformance out.docx -t ./my-pack
    """
    waivers: dict[str, str] = {}
    if template is not None:
        from ..packs.registry import get_pack

        pack = get_pack(template)
        waivers = pack.waivers
        profile = profile or pack.profile_ref
    report = check_docx(file, family, profile, waivers)
    if as_json:
        found = [
            diagnostic(
                r.rule_id,
                "error",
                _("{rule}: đo được {measured}, cần {expected}").format(
                    rule=r.description, measured=r.measured, expected=r.expected
                ),
            )
            for r in report.failures()
        ]
        emit("conformance", [file_entry(file, found)])
    elif fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(report))
    if not report.passed:
        sys.exit(1)
