"""``baocao templates``: list, show, check and scaffold template packs."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from ..loading import load
from ..packs import (
    MANIFEST_NAME,
    TemplateIssue,
    TemplatePack,
    available_packs,
    discovery_problems,
    get_pack,
    new_pack,
)
from ..packs.check import errors_only
from ..testing import check_pack
from .core import fail_cleanly
from .machine import diagnostic, emit, file_entry

__all__ = ["templates_cmd"]


@click.group("templates", short_help="Mẫu văn bản: xem, kiểm tra, tạo mới (template packs).")
def templates_cmd() -> None:
    """Template packs: the built-ins, installed plugins and folders.

    \b
    Examples:
      baocao templates list
      baocao templates show dang
      baocao templates check ./my-pack/
      baocao templates new tinh-uy-bac-giang -o ~/src
    """


def _source(pack: TemplatePack) -> str:
    if pack.source_version:
        return f"{pack.source} {pack.source_version}"
    return pack.source


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]


@templates_cmd.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the packs as JSON.")
@fail_cleanly
def list_cmd(as_json: bool) -> None:
    """List every template pack: id, title, family, source package, version.

    Plugins that failed to load are listed on stderr with their package name.
    """
    packs = available_packs()
    problems = discovery_problems()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "templates": [
                        {
                            "id": p.id,
                            "title": p.title,
                            "family": p.family,
                            "source": p.source,
                            "source_version": p.source_version,
                            "version": p.version,
                            "extends": p.manifest.extends,
                            "path": str(p.path),
                        }
                        for p in packs
                    ],
                    "problems": [asdict(p) for p in problems],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    rows = [["ID", "TITLE", "FAMILY", "SOURCE", "VERSION"]]
    rows += [[p.id, p.title, p.family, _source(p), p.version] for p in packs]
    for line in _table(rows):
        click.echo(line)
    for problem in problems:
        click.echo(f"bỏ qua (skipped): {problem}", err=True)


@templates_cmd.command("show")
@click.argument("template")
@fail_cleanly
def show_cmd(template: str) -> None:
    """Show a pack: manifest, lineage, search path, and where each file comes from."""
    pack = get_pack(template)
    m = pack.manifest
    lines = [
        f"id:          {pack.id}",
        f"title:       {pack.title}",
        f"family:      {pack.family}",
        f"version:     {pack.version}",
        f"source:      {_source(pack)}",
        f"kinds:       {', '.join(pack.kinds)}",
        f"profile:     {pack.profile or '-'}",
        f"hook:        {pack.hook or '-'}",
        f"manifest:    {pack.path / MANIFEST_NAME}",
    ]
    if m.description:
        lines.append(f"description: {m.description}")
    lines.append("lineage:     " + " → ".join(f"{p.id} ({_source(p)})" for p in pack.lineage()))
    lines.append("search path:")
    lines += [f"  {i}. {folder}" for i, folder in enumerate(pack.search_path(), start=1)]
    lines.append(f"layout:      {', '.join(pack.layout) if pack.layout else '(base only)'}")
    lines.append("files:")
    names = pack.file_names()
    width = max(len(n) for n in names)
    for name in names:
        found = pack.locate(name)
        where = f"from {found[1]:<10} {found[0]}" if found else "MISSING"
        lines.append(f"  {name:<{width}}  {where}")
    click.echo("\n".join(lines))


@templates_cmd.command("check")
@click.argument("template")
@click.option(
    "-r",
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also compare against this report's context and render it.",
)
@click.option("--no-render", is_flag=True, help="Static checks only (no sample render).")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="In kết quả dạng JSON (docs/cli.md).",
)
@fail_cleanly
def check_cmd(template: str, report_file: Path | None, no_render: bool, as_json: bool) -> None:
    """Check a pack (id or folder): every Jinja tag in every .docx, all errors at once.

    Syntax errors, tags split across runs or paragraphs, smart quotes, unknown
    variables (against real report contexts), sandbox escapes, missing parts;
    then a sample render and the conformance checker. Exit status 1 on errors.
    """
    report = load(report_file) if report_file else None
    issues = check_pack(template, report=report, render=not no_render)
    if as_json:
        emit("templates check", [file_entry(template, [_diagnostic(i) for i in issues])])
    else:
        for issue in issues:
            click.echo(str(issue))
        counts = {
            s: sum(1 for i in issues if i.severity == s) for s in ("error", "warning", "note")
        }
        verdict = "OK" if not counts["error"] else "FAILED"
        click.echo(
            f"{template}: {verdict} — {counts['error']} error(s), "
            f"{counts['warning']} warning(s), {counts['note']} note(s)"
        )
    if errors_only(issues):
        sys.exit(1)


def _diagnostic(issue: TemplateIssue) -> dict[str, Any]:
    """A pack issue in the shared shape; where it is (file, part, ¶) goes in ``path``."""
    severity = "hint" if issue.severity == "note" else issue.severity
    found = diagnostic(issue.code, severity, issue.message, suggestion=issue.tag)
    return {
        **found,
        "path": issue.where,
        "file": issue.file,
        "part": issue.part,
        "paragraph": issue.paragraph,
        "text": issue.text,
        "tag": issue.tag,
    }


@templates_cmd.command("new")
@click.argument("name")
@click.option(
    "-o",
    "--output",
    "out_dir",
    default=".",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to create the package in (default: here).",
)
@click.option("--extends", default="dang", show_default=True, help="Pack to build on.")
@click.option(
    "--part",
    default="signature",
    show_default=True,
    help="Part of the parent to copy as a starting point.",
)
@click.option("--title", default=None, help="Title of the new pack.")
@fail_cleanly
def new_cmd(name: str, out_dir: Path, extends: str, part: str, title: str | None) -> None:
    """Create a template plugin package baocao-NAME, ready to pip install.

    \b
    Example:
      baocao templates new tinh-uy-bac-giang --extends dang --part signature
    """
    target = new_pack(name, out_dir, extends=extends, part=part, title=title)
    click.echo(f"{target}")
    click.echo(f"  cd {target} && pip install -e '.[test]' && python -m pytest", err=True)
