"""Commands on one report: validate, render, schema."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import BaocaoError, InputError
from ..loading import json_schema, load
from ..rendering import render

__all__ = ["fail_cleanly", "render_cmd", "schema_cmd", "validate_cmd"]

F = TypeVar("F", bound=Callable[..., Any])


def fail_cleanly(func: F) -> F:
    """Turn baocao errors into a message on stderr and exit status 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BaocaoError as exc:
            click.echo(f"lỗi: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def validate_cmd(files: tuple[Path, ...]) -> None:
    """Load and validate report files; list every problem with its field and line.

    \b
    Example:
      baocao validate examples/bao-cao-quy-dinh-02.yaml
    """
    failed = 0
    for f in files:
        try:
            load(f)
        except InputError as exc:
            failed += 1
            click.echo(str(exc), err=True)
        else:
            click.echo(f"{f}: hợp lệ (valid)")
    if failed:
        sys.exit(1)


@click.command("render")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file; its suffix picks the format (.docx, .txt …).",
)
@click.option(
    "-t", "--template", default=None, help="Template id or pack folder (default: from the family)."
)
@click.option(
    "--draft", is_flag=True, help="Print missing template values as blanks instead of failing."
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@fail_cleanly
def render_cmd(file: Path, out: Path, template: str | None, draft: bool, force: bool) -> None:
    """Render a report file to a document.

    \b
    Example:
      baocao render examples/bao-cao-quy-dinh-02.yaml -o bao-cao.docx
    """
    report = load(file)
    render(report, out, template, draft=draft, overwrite=force)
    click.echo(f"{out}")


@click.command("schema")
@click.option("--kind", default=None, help="One report kind (document, bao_cao_thuc_hien).")
@fail_cleanly
def schema_cmd(kind: str | None) -> None:
    """Print the JSON Schema of report files, for editors and other systems.

    \b
    Example:
      baocao schema --kind bao_cao_thuc_hien > schema.json
    """
    click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))
