"""``baocao check``: the report checker on files, as plain lines or JSON."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from ..atomic import atomic_write
from ..checker import RULES, Severity, check, known_profiles
from ..checker.diagnostic import Diagnostic
from ..errors import BaocaoError
from ..i18n import N_, _
from ..model import AnyReport
from .core import fail_cleanly, lenient_option, read_input, refuse_clobber
from .machine import diagnostic, emit, error_entry, file_entry

__all__ = ["check_cmd"]

_SEVERITY_VI: dict[Severity, str] = {
    "error": N_("lỗi"),
    "warning": N_("cảnh báo"),
    "hint": N_("gợi ý"),
}


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    return diagnostic(d.code, d.severity, d.message, d.path, d.line, d.suggestion, d.text)


def _codes(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> list[str]:
    """``--disable BC101,BC202 --disable BC701`` → the codes, each one checked."""
    codes = [c.strip().upper() for item in value for c in item.split(",") if c.strip()]
    unknown = [c for c in codes if c not in RULES]
    if unknown:
        raise click.BadParameter(
            _("không có quy tắc {codes} (có: {known})").format(
                codes=", ".join(unknown), known=", ".join(RULES)
            )
        )
    return codes


def _profile(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and value not in known_profiles():
        raise click.BadParameter(
            _("không có hồ sơ {profile!r} (có: {known})").format(
                profile=value, known=", ".join(known_profiles())
            )
        )
    return value


def _red_ink(
    report: AnyReport,
    diagnostics: list[Diagnostic],
    annotate_to: Path | None,
    html_to: Path | None,
    force: bool = False,
) -> list[Path]:
    """Write the annotated .docx and the highlighted page asked for; their paths.

    Like every output, an existing file is replaced only with ``--force``.
    """
    written: list[Path] = []
    if annotate_to is not None:
        from ..annotate import annotate

        written.append(annotate(report, annotate_to, diagnostics, overwrite=force))
    if html_to is not None:
        from ..checker.highlight import findings_page

        page = findings_page(report, diagnostics).encode("utf-8")
        written.append(atomic_write(html_to, page, overwrite=force))
    for path in written:
        click.echo(_("đã ghi {path}").format(path=path), err=True)
    return written


_IMPORTED = (".docx", ".doc", ".txt", ".md")


def _load(file: str, lenient: bool) -> tuple[Any, dict[Any, int]]:
    """A report file (or '-'), or a Word/text report read through the importer (as written)."""
    path = Path(file)
    if file == "-" or path.suffix.lower() not in _IMPORTED:
        return read_input(file, lenient=lenient)
    from ..importer import import_report

    result = import_report(path)
    for d in result.diagnostics:  # what the import itself noticed (encodings, damaged words)
        click.echo(d.format(str(path)), err=True)
    if result.report is None:
        raise BaocaoError(
            "; ".join(d.format(str(path)) for d in result.diagnostics if d.severity == "error")
        )
    return result.report, {}


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (docs/cli.md).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    hidden=True,
    help="Cũ: --format json in danh sách phẳng; dùng --json.",
)
@click.option(
    "--disable",
    multiple=True,
    callback=_codes,
    metavar="CODE,...",
    help="Mã quy tắc cần tắt (cũng có thể ghi check.disable trong tệp báo cáo).",
)
@click.option(
    "--profile",
    default=None,
    metavar="ID",
    callback=_profile,
    help="Hồ sơ thể thức cho mã loại văn bản (dang-hd36, dang-hd05, nha-nuoc-nd30); "
    "mặc định: hồ sơ có hiệu lực vào ngày của báo cáo.",
)
@click.option(
    "--annotate",
    "annotate_to",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="OUT.docx",
    help="Ghi báo cáo .docx, mỗi lỗi là một nhận xét (comment) gắn vào đúng chữ (một tệp).",
)
@click.option(
    "--html",
    "html_to",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="OUT.html",
    help="Ghi trang HTML tô sáng các lỗi trong văn bản, kèm mã và gợi ý sửa (một tệp).",
)
@click.option(
    "--force", is_flag=True, help="Ghi đè tệp --annotate/--html đã có (mặc định: không ghi đè)."
)
@lenient_option
@fail_cleanly
def check_cmd(
    files: tuple[str, ...],
    as_json: bool,
    fmt: str,
    disable: list[str],
    profile: str | None,
    annotate_to: Path | None,
    html_to: Path | None,
    force: bool,
    lenient: bool,
) -> None:
    """Soát báo cáo tìm các lỗi người duyệt sẽ đánh dấu; mã thoát 1 khi có lỗi.

    Mỗi dòng: TỆP:DÒNG: MÃ mức: nội dung (trường) → gợi ý sửa. '-' đọc từ stdin.

    \b
    Ví dụ:
      baocao check examples/bao-cao-quy-dinh-02.yaml
      baocao check bao-cao.yaml --json --disable BC701,BC502
      baocao check bao-cao.yaml --annotate bao-cao-soat.docx --html bao-cao-soat.html
    """
    if (annotate_to or html_to) and len(files) != 1:
        raise click.UsageError(_("--annotate và --html chỉ dùng với một tệp báo cáo"))
    for target in (annotate_to, html_to):
        if target is not None:
            refuse_clobber(target, force)  # before any work, and again when writing
    found: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    failed = False
    for f in files:
        try:
            report, lines = _load(f, lenient)
            diagnostics = check(report, disable=disable, source_lines=lines, profile=profile)
        except BaocaoError as exc:
            entries.append(error_entry(f, exc))
            if not as_json:
                click.echo(_("lỗi: {error}").format(error=exc), err=True)
            failed = True
            continue
        failed = failed or any(d.severity == "error" for d in diagnostics)
        outputs = _red_ink(report, diagnostics, annotate_to, html_to, force)
        entries.append(file_entry(f, [_diagnostic(d) for d in diagnostics], outputs))
        if as_json:
            continue
        if fmt == "json":
            found.extend({"file": str(f), **d.to_dict()} for d in diagnostics)
            continue
        for d in diagnostics:
            click.echo(d.format(str(f)))
        counts = Counter(d.severity for d in diagnostics)
        summary = ", ".join(f"{counts[s]} {_(_SEVERITY_VI[s])}" for s in _SEVERITY_VI if counts[s])
        click.echo(f"{f}: {summary or _('không có lỗi')}", err=True)
    if as_json:
        emit("check", entries)
    elif fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)
