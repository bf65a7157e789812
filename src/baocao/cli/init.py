"""``baocao init``: a starter report file with every field and Vietnamese comments.

The starters are YAML files shipped in the package, written for a clerk: each
field has a comment saying what it is and how it prints. They are data, not
generated, so they can be read and improved like documents. ``<kind>.yaml`` is
the kind in its usual family; ``<kind>.<family>.yaml`` the same kind in the
other family, so the kind and the family are chosen independently.
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

import click
import yaml

from ..atomic import atomic_write
from ..errors import OutputError
from ..i18n import _
from .core import fail_cleanly, refuse_clobber

__all__ = ["SCHEMA_FILE", "init_cmd", "starter_families", "starter_kinds", "starter_text"]

DEFAULT_KIND = "bao_cao_thuc_hien"
FAMILIES = ("dang", "nha_nuoc")
SCHEMA_FILE = "baocao.schema.json"
"""Written next to the starter so the first line's ``$schema`` resolves in the editor."""


def _starters() -> Traversable:
    return resources.files("baocao").joinpath("starters")


def _names() -> list[str]:
    return sorted(
        p.name.removesuffix(".yaml") for p in _starters().iterdir() if p.name.endswith(".yaml")
    )


def starter_kinds() -> list[str]:
    """Report kinds that have a starter file."""
    return [n for n in _names() if "." not in n]


def _read(name: str) -> str:
    text: str = _starters().joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return text


def _family_of(text: str) -> str:
    return str(yaml.safe_load(text)["header"]["family"])


def starter_families(kind: str) -> dict[str, str]:
    """Family → starter file name (without ``.yaml``) for ``kind``."""
    found = {_family_of(_read(kind)): kind}
    for name in _names():
        if name.startswith(f"{kind}.") and name.split(".", 1)[1] in FAMILIES:
            found[name.split(".", 1)[1]] = name
    return found


def starter_text(kind: str, family: str | None = None) -> str:
    """The starter YAML of ``kind`` (in ``family``, default the kind's usual one), as shipped."""
    if kind not in starter_kinds():
        raise OutputError(
            _("không có tệp mẫu cho loại {kind!r}; có: {known}").format(
                kind=kind, known=", ".join(starter_kinds())
            ),
            code="unknown_kind",
        )
    if family is None:
        return _read(kind)
    names = starter_families(kind)
    if family not in names:
        raise OutputError(
            _("chưa có tệp mẫu loại {kind!r} cho khối {family!r}; có: {known}").format(
                kind=kind, family=family, known=", ".join(sorted(names))
            ),
            code="unknown_family",
        )
    return _read(names[family])


def _with_schema_line(text: str) -> str:
    """The YAML extension of VS Code completes and checks a file that names its schema."""
    return f"# yaml-language-server: $schema={SCHEMA_FILE}\n{text}"


@click.command("init", short_help="Tạo tệp báo cáo mẫu để điền.")
@click.argument("kind", required=False, default=DEFAULT_KIND, type=click.Choice(starter_kinds()))
@click.option(
    "--family",
    type=click.Choice(FAMILIES),
    default=None,
    help="Khối văn bản: dang hoặc nha_nuoc (mặc định: khối thường dùng của loại báo cáo).",
)
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
def init_cmd(kind: str, family: str | None, out: str, force: bool) -> None:
    """Tạo tệp báo cáo mẫu có đủ các trường, kèm chú thích tiếng Việt.

    KIND là loại báo cáo (mặc định bao_cao_thuc_hien); --family chọn khối văn
    bản độc lập với loại. Tệp hợp lệ ngay khi tạo; sửa các giá trị rồi xuất báo
    cáo. Dòng đầu tệp chỉ tới baocao.schema.json (ghi cạnh tệp nếu chưa có) để
    VS Code gợi ý và kiểm tra khi gõ.

    \b
    Ví dụ:
      baocao init -o bao-cao.yaml
      baocao init document -o bao-cao-so-noi-vu.yaml
      baocao init bao_cao_thuc_hien --family nha_nuoc -o bao-cao.yaml
      baocao init bao_cao_thuc_hien -o - | less
    """
    text = _with_schema_line(starter_text(kind, family))
    if out == "-":
        click.echo(text, nl=False)
        return
    target = Path(out)
    refuse_clobber(target, force)
    atomic_write(target, text.encode("utf-8"), overwrite=force)
    click.echo(_("đã ghi {target}").format(target=target))
    schema = target.parent / SCHEMA_FILE
    if not schema.exists():
        from ..loading import json_schema

        data = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
        atomic_write(schema, data.encode("utf-8"), overwrite=False)
        click.echo(_("đã ghi {target} (lược đồ cho trình soạn thảo)").format(target=schema))
    click.echo(_("  tiếp theo: baocao validate {target}").format(target=target))
