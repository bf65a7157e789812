"""The pack manifest, ``baocao-template.yml``, validated with Pydantic."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, StringConstraints, ValidationError, field_validator

from ..errors import ManifestError
from ..i18n import _
from ..loading import format_path
from ..model import Model, NonEmptyText, Text
from ..xmlchars import NOT_XML
from ..yamlread import read_yaml

__all__ = ["MANIFEST_NAME", "Manifest", "inside_name", "load_manifest"]

MANIFEST_NAME = "baocao-template.yml"

RuleId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+\.[a-z0-9_*]+$")]
"""A conformance rule id (``element.property``); ``element.*`` waives every rule of it."""


class Manifest(Model):
    """What a pack declares about itself; unset fields are inherited from ``extends``."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: Text
    family: Literal["dang", "nha_nuoc", "khac"] | None = None
    version: str = "0.0.0"
    description: Text = ""
    kinds: tuple[str, ...] | None = None
    """Report kinds it accepts (``document``, ``bao_cao_thuc_hien``); None: inherited / all."""
    extends: str | None = None
    """Id of the parent pack whose files are searched after this pack's own."""
    base: str | None = None
    """The .docx giving styles, page setup, headers and footers (e.g. ``base.docx``)."""
    layout: tuple[str, ...] | None = None
    """Part names composed in order into the body; each is ``<name>.docx`` on the search path."""
    profile: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][\w.-]*$")
    """Format profile checked by the conformance checker: a built-in id (``dang-hd36``)
    or a ``.yml`` file in the pack folder (no path: it cannot point outside the pack),
    usually ``extends: <built-in id>`` with the pack's own values."""
    waivers: tuple[tuple[RuleId, NonEmptyText], ...] = ()
    """Deliberate deviations, written ``rule id: reason`` (``signer_title.bold: …``);
    conformance reports them as waived with the reason, never as passed. Kept as
    pairs so the manifest stays hashable."""

    @field_validator("waivers", mode="before")
    @classmethod
    def _waivers_mapping(cls, value: Any) -> Any:
        """Waivers are written as a mapping of rule id to reason."""
        if isinstance(value, dict):
            return tuple(value.items())
        return value
    hook: str | None = Field(default=None, pattern=r"^[\w.]+:[\w.]+$")
    """``module:function`` called as ``function(report, context) -> context`` before rendering.
    Honoured only for a pack an installed distribution provides (``TemplatePack.hook_refusal``)."""

    @field_validator("base")
    @classmethod
    def _base_inside(cls, value: str | None) -> str | None:
        return None if value is None else inside_name(value)

    @field_validator("layout")
    @classmethod
    def _layout_inside(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        return None if value is None else tuple(inside_name(v) for v in value)


def inside_name(name: str) -> str:
    """A file name a pack may use: relative, within the pack, no way up or out."""
    pure = PurePosixPath(name.replace("\\", "/"))
    if (
        not name
        or pure.is_absolute()
        or ".." in pure.parts
        or PureWindowsPath(name).drive
        or name.startswith("~")
        or NOT_XML.search(name)
    ):
        raise ValueError(
            _("{name!r} trỏ ra ngoài gói mẫu; chỉ dùng tên tệp bên trong thư mục của gói").format(
                name=name
            )
        )
    return name


def load_manifest(path: Path) -> Manifest:
    """Read and validate a manifest file; errors name the file and the field.

    A manifest that is a link to a file outside its pack is refused unread, and a
    YAML error gives only the problem and the line, never the text around it.
    """
    folder = path.parent.resolve()
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise ManifestError(f"{path}: cannot read manifest: {exc}") from None
    if not real.is_relative_to(folder):
        raise ManifestError(
            _("{file}: tệp manifest là liên kết tới một tệp ngoài gói mẫu; không đọc").format(
                file=path
            )
        )
    try:
        data = read_yaml(real.read_text(encoding="utf-8")) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" (dòng {mark.line + 1})" if mark is not None else ""
        raise ManifestError(f"{path}: cannot read manifest{where}: {exc.problem}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else type(exc).__name__
        raise ManifestError(f"{path}: cannot read manifest: {why}") from None
    if not isinstance(data, dict):
        raise ManifestError(f"{path}: a manifest is a mapping of fields")
    try:
        return Manifest.model_validate(data)
    except ValidationError as exc:
        lines = [f"{format_path(e['loc']) or '(root)'}: {e['msg']}" for e in exc.errors()]
        raise ManifestError(f"{path}: invalid manifest\n  " + "\n  ".join(lines)) from None
