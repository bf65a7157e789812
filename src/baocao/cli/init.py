"""``baocao init``: a starter report file with every field and Vietnamese comments.

The starters are YAML files shipped in the package (``baocao/starters/<kind>.yaml``),
written for a clerk: each field has a comment saying what it is and how it prints.
They are data, not generated, so they can be read and improved like documents.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

import click

from ..atomic import atomic_write
from ..errors import OutputError
from .core import fail_cleanly, refuse_clobber

__all__ = ["init_cmd", "starter_kinds", "starter_text"]

DEFAULT_KIND = "bao_cao_thuc_hien"


def _starters() -> Traversable:
    return resources.files("baocao").joinpath("starters")


def starter_kinds() -> list[str]:
    """Report kinds that have a starter file."""
    return sorted(
        p.name.removesuffix(".yaml") for p in _starters().iterdir() if p.name.endswith(".yaml")
    )


def starter_text(kind: str) -> str:
    """The starter YAML of ``kind``, as shipped."""
    if kind not in starter_kinds():
        raise OutputError(f"no starter for kind {kind!r}; known: {', '.join(starter_kinds())}")
    text: str = _starters().joinpath(f"{kind}.yaml").read_text(encoding="utf-8")
    return text


@click.command("init", short_help="Tạo tệp mẫu (write a starter report file).")
@click.argument("kind", required=False, default=DEFAULT_KIND, type=click.Choice(starter_kinds()))
@click.option(
    "-o",
    "--output",
    "out",
    default="bao-cao.yaml",
    show_default=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write ('-' prints to stdout).",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@fail_cleanly
def init_cmd(kind: str, out: str, force: bool) -> None:
    """Tạo tệp mẫu: write a starter report file with every field, commented in Vietnamese.

    KIND is the report kind (default bao_cao_thuc_hien). The file validates as
    written; edit the values, then render it.

    \b
    Examples:
      baocao init -o bao-cao.yaml
      baocao init document -o bao-cao-so-noi-vu.yaml
      baocao init bao_cao_thuc_hien -o - | less
    """
    text = starter_text(kind)
    if out == "-":
        click.echo(text, nl=False)
        return
    target = Path(out)
    refuse_clobber(target, force)
    atomic_write(target, text.encode("utf-8"), overwrite=force)
    click.echo(f"đã ghi (wrote) {target}")
    click.echo(f"  tiếp theo (next): baocao validate {target}")
