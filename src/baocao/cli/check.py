"""``baocao check``: the report checker on files, as plain lines or JSON."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from ..checker import RULES, Severity, check, known_profiles
from ..errors import BaocaoError
from ..loading import load_with_lines
from .core import fail_cleanly, lenient_option

__all__ = ["check_cmd"]

_SEVERITY_VI: dict[Severity, str] = {"error": "lỗi", "warning": "cảnh báo", "hint": "gợi ý"}


def _codes(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> list[str]:
    """``--disable BC101,BC202 --disable BC701`` → the codes, each one checked."""
    codes = [c.strip().upper() for item in value for c in item.split(",") if c.strip()]
    unknown = [c for c in codes if c not in RULES]
    if unknown:
        raise click.BadParameter(f"không có quy tắc {', '.join(unknown)} (có: {', '.join(RULES)})")
    return codes


def _profile(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and value not in known_profiles():
        raise click.BadParameter(f"không có hồ sơ {value!r} (có: {', '.join(known_profiles())})")
    return value


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one line per problem, FILE:LINE: CODE severity: message (path) → suggestion.",
)
@click.option(
    "--disable",
    multiple=True,
    callback=_codes,
    metavar="CODE,...",
    help="Rule codes to switch off (also: check.disable in the report file).",
)
@click.option(
    "--profile",
    default=None,
    metavar="ID",
    callback=_profile,
    help="Format profile for type codes (dang-hd36, dang-hd05, nha-nuoc-nd30); "
    "default: the one in force on the report's date.",
)
@lenient_option
@fail_cleanly
def check_cmd(
    files: tuple[Path, ...], fmt: str, disable: list[str], profile: str | None, lenient: bool
) -> None:
    """Check report files for the mistakes a reviewer would mark; exit 1 if any error.

    \b
    Examples:
      baocao check examples/bao-cao-quy-dinh-02.yaml
      baocao check bao-cao.yaml --format json --disable BC701,BC502
    """
    found: list[dict[str, Any]] = []
    failed = False
    for f in files:
        try:
            report, lines = load_with_lines(f, lenient=lenient)
            diagnostics = check(report, disable=disable, source_lines=lines, profile=profile)
        except BaocaoError as exc:
            click.echo(f"lỗi: {exc}", err=True)
            failed = True
            continue
        failed = failed or any(d.severity == "error" for d in diagnostics)
        if fmt == "json":
            found.extend({"file": str(f), **d.to_dict()} for d in diagnostics)
            continue
        for d in diagnostics:
            click.echo(d.format(str(f)))
        counts = Counter(d.severity for d in diagnostics)
        summary = ", ".join(f"{counts[s]} {_SEVERITY_VI[s]}" for s in _SEVERITY_VI if counts[s])
        click.echo(f"{f}: {summary or 'không có lỗi'}", err=True)
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)
