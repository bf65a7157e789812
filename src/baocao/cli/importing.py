"""``baocao import`` and ``baocao normalize``: old reports (.docx, .doc, .txt) into the model.

``import`` writes the report as YAML to correct and re-render; ``normalize``
renders it at once in the official format of its family (or a chosen pack).
Diagnostics go to stderr, one line each, so the output file stays clean.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..atomic import atomic_write
from ..errors import InputError
from ..i18n import _
from .core import fail_cleanly, refuse_clobber

__all__ = ["import_cmd", "normalize_cmd"]

_INPUT = click.Path(exists=True, dir_okay=False, path_type=Path)


def _report(result: Any, file: Path, as_json: bool) -> None:
    if as_json:
        click.echo(
            json.dumps([d.to_dict() for d in result.diagnostics], ensure_ascii=False, indent=1),
            err=True,
        )
        return
    for d in result.diagnostics:
        click.echo(d.format(str(file)), err=True)


@click.command("import")
@click.argument("file", type=_INPUT)
@click.option(
    "-o", "--output", "out", type=click.Path(dir_okay=False, allow_dash=True), default="-",
    show_default=True, help="YAML file to write ('-' = stdout).",
)  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option("--json", "as_json", is_flag=True, help="Diagnostics as JSON on stderr.")
@fail_cleanly
def import_cmd(file: Path, out: str, force: bool, as_json: bool) -> None:
    """Nhập báo cáo cũ: read a .docx, .doc, .txt or .md report into a report YAML.

    The YAML holds the report as written; validate it with
    `baocao validate --lenient`, render it with `baocao render --lenient`.

    \b
    Examples:
      baocao import bao-cao-2019.docx -o bao-cao-2019.yaml
      baocao import van-ban-chep-tu-web.txt
    """
    from ..importer import import_report
    from ..importer.writing import to_yaml

    if out != "-":
        refuse_clobber(Path(out), force)
    result = import_report(file)
    text = to_yaml(result.data, result.diagnostics, file.name)
    if out == "-":
        sys.stdout.write(text)
    else:
        written = atomic_write(Path(out), text.encode("utf-8"), overwrite=force)
        if not as_json:
            click.echo(_("đã ghi {path}").format(path=written), err=True)
    _report(result, file, as_json)
    if result.report is None:
        sys.exit(1)


@click.command("normalize")
@click.argument("file", type=_INPUT)
@click.option(
    "-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
    help="The re-issued report (.docx, .pdf, .md, .html, .txt).",
)  # fmt: skip
@click.option(
    "-t", "--template", default=None,
    help="Template pack id or folder (default: the built-in one of the family).",
)  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option("--json", "as_json", is_flag=True, help="Diagnostics as JSON on stderr.")
@fail_cleanly
def normalize_cmd(file: Path, out: str, template: str | None, force: bool, as_json: bool) -> None:
    """Chuẩn hóa thể thức: import an old report and render it in the official format.

    \b
    Examples:
      baocao normalize bao-cao-cu.docx -o bao-cao-moi.docx
      baocao normalize bao-cao-cu.doc -o bao-cao-moi.docx -t my-pack
    """
    from ..importer import import_report
    from ..rendering import render

    target = Path(out)
    refuse_clobber(target, force)
    result = import_report(file)
    _report(result, file, as_json)
    if result.report is None:
        raise InputError(_("{file}: không dựng được báo cáo từ tệp nhập").format(file=file))
    render(result.report, target, template, overwrite=force)
    click.echo(_("đã ghi {out}").format(out=target), err=True)
