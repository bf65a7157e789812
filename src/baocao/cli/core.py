"""Commands on one report: validate, render, schema; and the error display they share."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click

from ..atomic import atomic_write
from ..engines.pdf import docx_to_pdf, find_soffice
from ..errors import BaocaoError, InputError, OutputError
from ..layout.printed import FORMS, PrintForm
from ..loading import json_schema, load
from ..model import REPORT_KINDS
from ..rendering import OUTPUT_FORMATS, render, render_bytes

__all__ = [
    "FORMAT_ALIASES",
    "describe_error",
    "fail_cleanly",
    "lenient_option",
    "output_format",
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
        n = len(exc.problems)
        head += f" ({n} problem{'s' if n > 1 else ''})"
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
            click.echo(f"lỗi (error): {describe_error(exc)}", err=True)
            sys.exit(1)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if os.environ.get("BAOCAO_DEBUG"):
                raise
            click.echo(
                f"lỗi nội bộ (internal error): {type(exc).__name__}: {exc}\n"
                "  đặt BAOCAO_DEBUG=1 để xem chi tiết (set BAOCAO_DEBUG=1 for the traceback)",
                err=True,
            )
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def lenient_option(func: F) -> F:
    """``--lenient``: load reports that deviate from the official form (docs/model.md)."""
    return click.option(
        "--lenient",
        is_flag=True,
        help="Hold deviations from the official form as written instead of refusing them "
        "(imported or archived reports); `check` lists them.",
    )(func)


def soffice_option(func: F) -> F:
    """``--soffice PATH``, also read from ``$BAOCAO_SOFFICE``."""
    return click.option(
        "--soffice",
        envvar="BAOCAO_SOFFICE",
        default=None,
        metavar="PATH",
        help="LibreOffice program for PDF output (default: soffice/libreoffice on PATH; "
        "env BAOCAO_SOFFICE).",
    )(func)


def refuse_clobber(target: Path, force: bool) -> None:
    """Stop before any work when ``target`` exists and ``--force`` was not given."""
    if not force and target.exists():
        raise OutputError(
            f"{target} đã có (already exists); dùng --force để ghi đè (use --force to replace it)"
        )


def output_format(name: str) -> str:
    """The output format for a suffix or format name (``.docx``, ``md``, ``htm`` …)."""
    fmt = name.lower().lstrip(".")
    fmt = FORMAT_ALIASES.get(fmt, fmt)
    if fmt not in OUTPUT_FORMATS:
        known = ", ".join(f".{k}" for k in OUTPUT_FORMATS)
        raise OutputError(
            f"không biết định dạng {name!r} (unknown output format; use one of {known})"
        )
    return fmt


@click.command("validate", short_help="Kiểm tra tệp báo cáo (check report files).")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
@lenient_option
@fail_cleanly
def validate_cmd(files: tuple[Path, ...], as_json: bool, lenient: bool) -> None:
    """Kiểm tra tệp báo cáo: check report files and list every problem at once.

    Each problem names its field path and the line of the YAML file it sits on.
    Exit status 1 when any file has a problem.

    \b
    Examples:
      baocao validate examples/bao-cao-quy-dinh-02.yaml
      baocao validate reports/*.yaml
      baocao validate --json bao-cao.yaml
    """
    results: list[dict[str, Any]] = []
    for f in files:
        try:
            load(f, lenient=lenient)
        except BaocaoError as exc:
            problems = exc.problems if isinstance(exc, InputError) else []
            results.append(
                {
                    "file": str(f),
                    "valid": False,
                    "error": str(exc).splitlines()[0],
                    "problems": [
                        {"path": p.path, "line": p.line, "code": p.code, "message": p.message}
                        for p in problems
                    ],
                }
            )
            if not as_json:
                click.echo(describe_error(exc, f), err=True)
        else:
            results.append({"file": str(f), "valid": True, "error": None, "problems": []})
            if not as_json:
                click.echo(f"{f}: hợp lệ (valid)")
    bad = sum(not r["valid"] for r in results)
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    elif len(files) > 1:
        good, total = len(files) - bad, len(files)
        click.echo(f"{good}/{total} tệp hợp lệ ({good} of {total} valid)", err=bool(bad))
    if bad:
        sys.exit(1)


@click.command("render", short_help="Xuất một báo cáo (render one report).")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Output file; its suffix picks the format: .docx .pdf .md .html .txt "
    "('-' writes to stdout, with --format).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    default=None,
    help="Output format when the suffix does not say it (docx, pdf, md, html, txt).",
)
@click.option(
    "-t",
    "--template",
    default=None,
    help="Template pack id or folder (default: the built-in one of the report's family).",
)
@click.option("--draft", is_flag=True, help="Print missing template values as blanks.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option(
    "--form",
    "form",
    type=click.Choice(FORMS),
    default="official",
    show_default=True,
    help="official: print numbers and dates in the official form; written: as typed.",
)
@lenient_option
@soffice_option
@fail_cleanly
def render_cmd(
    file: Path,
    out: str,
    fmt: str | None,
    template: str | None,
    draft: bool,
    force: bool,
    form: PrintForm,
    lenient: bool,
    soffice: str | None,
) -> None:
    """Xuất báo cáo: render a report file to .docx, .pdf, .md, .html or .txt.

    An existing output is never replaced unless --force is given, and a failed
    render leaves no partial file. PDF output needs LibreOffice.

    \b
    Examples:
      baocao render examples/bao-cao-quy-dinh-02.yaml -o bao-cao.docx
      baocao render examples/bao-cao-quy-dinh-02.yaml -o bao-cao.pdf --force
      baocao render examples/bao-cao-quy-dinh-02.yaml -o - --format md | less
    """
    to_stdout = out == "-"
    if to_stdout and fmt is None:
        raise click.UsageError("-o - needs --format (md, html, txt, docx or pdf)")
    target = Path(out)
    chosen = output_format(fmt or target.suffix or "docx")
    if not to_stdout:
        refuse_clobber(target, force)
    report = load(file, lenient=lenient)
    if chosen == "pdf":
        program = find_soffice(soffice)
        docx = render_bytes(report, "docx", template, draft=draft, form=form)
        data = docx_to_pdf(docx, soffice=program)
        if to_stdout:
            sys.stdout.buffer.write(data)
        else:
            atomic_write(target, data, overwrite=force)
    else:
        sink: Path | BinaryIO = sys.stdout.buffer if to_stdout else target
        render(report, sink, template, format=chosen, draft=draft, overwrite=force, form=form)
    if not to_stdout:
        click.echo(f"đã ghi (wrote) {target}")


@click.command("schema", short_help="Lược đồ JSON của tệp báo cáo (JSON Schema).")
@click.option(
    "--kind",
    type=click.Choice(sorted(REPORT_KINDS)),
    default=None,
    help="Only this report kind (default: any kind, chosen by the 'kind' field).",
)
@fail_cleanly
def schema_cmd(kind: str | None) -> None:
    """Lược đồ JSON: print the JSON Schema of report files, for editors and other systems.

    \b
    Examples:
      baocao schema > baocao.schema.json
      baocao schema --kind bao_cao_thuc_hien > bao-cao-thuc-hien.schema.json

    In VS Code (YAML extension), put this on the first line of a report file:
      # yaml-language-server: $schema=baocao.schema.json
    """
    click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))
