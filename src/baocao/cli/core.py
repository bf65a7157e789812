"""Commands on one report: validate, render, schema; and the error display they share."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click

from ..atomic import check_target
from ..checker.diagnostic import Diagnostic
from ..engines.pdf import find_soffice
from ..errors import BaocaoError, InputError, Loc, OutputError
from ..i18n import _
from ..layout.printed import FORMS, PrintForm
from ..loading import decode_text, json_schema, load_with_lines, loads_with_lines
from ..model import REPORT_KINDS, AnyReport
from ..rendering import OUTPUT_FORMATS, render
from .machine import emit, error_entry, file_entry

__all__ = [
    "FORMAT_ALIASES",
    "describe_error",
    "fail_cleanly",
    "findings_line",
    "lenient_option",
    "output_format",
    "read_input",
    "refuse_clobber",
    "render_cmd",
    "schema_cmd",
    "soffice_option",
    "validate_cmd",
]

F = TypeVar("F", bound=Callable[..., Any])

FORMAT_ALIASES = {"htm": "html", "markdown": "md", "text": "txt"}
"""Suffixes that mean a known format under another name."""


def describe_error(exc: BaocaoError, source: str | Path | None = None) -> str:
    """One readable block: what failed (and in which file), then each problem on its own line."""
    head = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if source is not None and not head.startswith(str(source)):
        head = f"{source}: {head}"
    if isinstance(exc, InputError) and exc.problems:
        return "\n".join([head, *(f"  {p}" for p in exc.problems)])
    return "\n".join([head, *str(exc).splitlines()[1:]])


def fail_cleanly(func: F) -> F:
    """Turn errors into a message on stderr and exit status 1, never a traceback.

    An unexpected exception is a bug in baocao: it is reported in one line, and
    ``BAOCAO_DEBUG=1`` shows the traceback for the bug report.
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BaocaoError as exc:
            click.echo(_("lỗi: {error}").format(error=describe_error(exc)), err=True)
            sys.exit(1)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if os.environ.get("BAOCAO_DEBUG"):
                raise
            click.echo(
                _("lỗi nội bộ: {kind}: {error}\n  đặt BAOCAO_DEBUG=1 để xem chi tiết").format(
                    kind=type(exc).__name__, error=exc
                ),
                err=True,
            )
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def lenient_option(func: F) -> F:
    """``--lenient``: load reports that deviate from the official form (docs/model.md)."""
    return click.option(
        "--lenient",
        is_flag=True,
        help=_(
            "Giữ nguyên như đã viết những chỗ lệch thể thức thay vì từ chối (báo cáo nhập "
            "từ tệp cũ, lưu trữ); `check` liệt kê chúng."
        ),
    )(func)


def soffice_option(func: F) -> F:
    """``--soffice PATH``, also read from ``$BAOCAO_SOFFICE``."""
    return click.option(
        "--soffice",
        envvar="BAOCAO_SOFFICE",
        default=None,
        metavar="PATH",
        help="Chương trình LibreOffice để xuất PDF (mặc định: tìm trên PATH và nơi cài "
        "thường gặp; biến môi trường BAOCAO_SOFFICE).",
    )(func)


def refuse_clobber(target: str | Path, force: bool) -> None:
    """Stop before any work when ``target`` exists without ``--force``, or is no regular file."""
    check_target(target, overwrite=force)


def output_format(name: str) -> str:
    """The output format for a suffix or format name (``.docx``, ``md``, ``htm`` …)."""
    fmt = name.lower().lstrip(".")
    fmt = FORMAT_ALIASES.get(fmt, fmt)
    if fmt not in OUTPUT_FORMATS:
        known = ", ".join(f".{k}" for k in OUTPUT_FORMATS)
        raise OutputError(
            _("không biết định dạng {name!r}; dùng một trong {known}").format(
                name=name, known=known
            ),
            code="unknown_output_format",
        )
    return fmt


def read_input(file: Path | str, *, lenient: bool = False) -> tuple[AnyReport, dict[Loc, int]]:
    """A report file, or standard input for ``-`` (YAML or JSON, told by its first character)."""
    if str(file) != "-":
        return load_with_lines(file, lenient=lenient)
    text = decode_text(sys.stdin.buffer.read(), "<stdin>")
    fmt = "json" if text.lstrip().startswith(("{", "[")) else "yaml"
    return loads_with_lines(text, format=fmt, source="<stdin>", lenient=lenient)


def findings_line(diagnostics: Sequence[Diagnostic]) -> str | None:
    """``2 lỗi, 1 cảnh báo — chạy `baocao check` `` when the checker finds something."""
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = sum(d.severity == "warning" for d in diagnostics)
    if not errors and not warnings:
        return None
    return _("{errors} lỗi, {warnings} cảnh báo — chạy `baocao check {file}` để xem").format(
        errors=errors, warnings=warnings, file="{file}"
    )


@click.command("validate", short_help="Kiểm tra tệp báo cáo theo mẫu dữ liệu.")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON ra stdout.")
@lenient_option
@fail_cleanly
def validate_cmd(files: tuple[str, ...], as_json: bool, lenient: bool) -> None:
    """Kiểm tra tệp báo cáo: liệt kê mọi lỗi một lần, mỗi lỗi nêu trường và dòng.

    '-' đọc báo cáo từ đầu vào chuẩn (stdin). Mã thoát 1 khi có tệp lỗi.

    \b
    Ví dụ:
      baocao validate examples/bao-cao-quy-dinh-02.yaml
      baocao validate reports/*.yaml
      baocao validate --json bao-cao.yaml
      cat bao-cao.yaml | baocao validate -
    """
    entries: list[dict[str, Any]] = []
    for f in files:
        try:
            read_input(f, lenient=lenient)
        except BaocaoError as exc:
            entries.append(error_entry(f, exc))
            if not as_json:
                click.echo(describe_error(exc, None if f == "-" else f), err=True)
        else:
            entries.append(file_entry(f))
            if not as_json:
                click.echo(_("{file}: hợp lệ").format(file=f))
    bad = sum(not e["ok"] for e in entries)
    if as_json:
        emit("validate", entries)
    elif len(files) > 1:
        good, total = len(files) - bad, len(files)
        click.echo(_("{good}/{total} tệp hợp lệ").format(good=good, total=total), err=bool(bad))
    if bad:
        sys.exit(1)


@click.command("render", short_help="Xuất một báo cáo ra .docx, .pdf, .md, .html, .txt.")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Tệp đầu ra; đuôi tệp chọn định dạng: .docx .pdf .md .html .txt "
    "('-' ghi ra stdout, kèm --format).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    default=None,
    help="Định dạng đầu ra khi đuôi tệp không nói rõ (docx, pdf, md, html, txt).",
)
@click.option(
    "-t",
    "--template",
    default=None,
    help="Bộ mẫu (id hoặc thư mục); mặc định: bộ mẫu có sẵn của khối văn bản.",
)
@click.option("--draft", is_flag=True, help="In giá trị mẫu còn thiếu thành chỗ trống.")
@click.option("--force", is_flag=True, help="Ghi đè tệp đầu ra nếu đã có.")
@click.option(
    "--strict",
    is_flag=True,
    help="Không ghi tệp khi `baocao check` thấy lỗi (mã thoát 1).",
)
@click.option(
    "--form",
    "form",
    type=click.Choice(FORMS),
    default="official",
    show_default=True,
    help=_("official: in số, ngày theo thể thức chính thức; written: in đúng như đã gõ."),
)
@lenient_option
@soffice_option
@fail_cleanly
def render_cmd(
    file: str,
    out: str,
    fmt: str | None,
    template: str | None,
    draft: bool,
    force: bool,
    strict: bool,
    form: PrintForm,
    lenient: bool,
    soffice: str | None,
) -> None:
    """Xuất báo cáo ra .docx, .pdf, .md, .html hoặc .txt.

    Không bao giờ ghi đè tệp đã có nếu không có --force; xuất lỗi thì không để
    lại tệp dở. Sau khi ghi, báo số lỗi và cảnh báo mà `baocao check` sẽ nêu;
    --strict thì không ghi khi có lỗi. Xuất PDF cần LibreOffice. FILE '-' đọc
    từ stdin.

    \b
    Ví dụ:
      baocao render examples/bao-cao-quy-dinh-02.yaml -o bao-cao.docx
      baocao render examples/bao-cao-quy-dinh-02.yaml -o bao-cao.pdf --force
      baocao render examples/bao-cao-quy-dinh-02.yaml -o - --format md | less
    """
    from ..checker import check

    to_stdout = out == "-"
    if to_stdout and fmt is None:
        raise click.UsageError(_("-o - cần --format (md, html, txt, docx hoặc pdf)"))
    target = Path(out)
    chosen = output_format(fmt or target.suffix or "docx")
    if not to_stdout:
        refuse_clobber(out, force)
    report, lines = read_input(file, lenient=lenient)
    diagnostics = check(report, source_lines=lines)
    summary = findings_line(diagnostics)
    if strict and any(d.severity == "error" for d in diagnostics):
        for d in diagnostics:
            if d.severity == "error":
                click.echo(d.format(str(file)), err=True)
        click.echo(_("không ghi {target}: --strict và báo cáo có lỗi").format(target=out), err=True)
        sys.exit(1)
    program = find_soffice(soffice) if chosen == "pdf" else None  # missing: say so first
    sink: Path | BinaryIO = sys.stdout.buffer if to_stdout else target
    render(
        report, sink, template, format=chosen, draft=draft, overwrite=force, form=form,
        soffice=program,
    )
    if not to_stdout:
        click.echo(_("đã ghi {target}").format(target=target))
    if summary:
        click.echo(summary.format(file=file), err=to_stdout)


@click.command("schema", short_help="In lược đồ JSON (JSON Schema) của tệp báo cáo.")
@click.option(
    "--kind",
    type=click.Choice(sorted(REPORT_KINDS)),
    default=None,
    help="Chỉ loại báo cáo này (mặc định: mọi loại, chọn theo trường 'kind').",
)
@fail_cleanly
def schema_cmd(kind: str | None) -> None:
    """In lược đồ JSON của tệp báo cáo, cho trình soạn thảo và hệ thống khác.

    \b
    Ví dụ:
      baocao schema > baocao.schema.json
      baocao schema --kind bao_cao_thuc_hien > bao-cao-thuc-hien.schema.json

    \b
    Trong VS Code (tiện ích YAML), đặt dòng này lên đầu tệp báo cáo:
      # yaml-language-server: $schema=baocao.schema.json
    """
    click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))
