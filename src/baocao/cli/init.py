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
from ..i18n import _
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
        raise OutputError(
            _("không có tệp mẫu cho loại {kind!r}; có: {known}").format(
                kind=kind, known=", ".join(starter_kinds())
            ),
            code="unknown_kind",
        )
    text: str = _starters().joinpath(f"{kind}.yaml").read_text(encoding="utf-8")
    return text


@click.command("init", short_help="Tạo tệp báo cáo mẫu để điền.")
@click.argument("kind", required=False, default=DEFAULT_KIND, type=click.Choice(starter_kinds()))
@click.option(
    "-o",
    "--output",
    "out",
    default="bao-cao.yaml",
    show_default=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Tệp cần ghi ('-' in ra stdout).",
)
@click.option("--force", is_flag=True, help="Ghi đè tệp đầu ra nếu đã có.")
@fail_cleanly
def init_cmd(kind: str, out: str, force: bool) -> None:
    """Tạo tệp báo cáo mẫu có đủ các trường, kèm chú thích tiếng Việt.

    KIND là loại báo cáo (mặc định bao_cao_thuc_hien). Tệp hợp lệ ngay khi tạo;
    sửa các giá trị rồi xuất báo cáo.

    \b
    Ví dụ:
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
    click.echo(_("đã ghi {target}").format(target=target))
    click.echo(_("  tiếp theo: baocao validate {target}").format(target=target))
