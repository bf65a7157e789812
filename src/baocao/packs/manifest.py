"""The pack manifest, ``baocao-template.yml``, validated with Pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError

from ..errors import ManifestError
from ..loading import format_path
from ..model import Model, Text
from ..yamlread import read_yaml

__all__ = ["MANIFEST_NAME", "Manifest", "load_manifest"]

MANIFEST_NAME = "baocao-template.yml"


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
    profile: str | None = None
    """Format profile id checked by the conformance checker (``dang-hd36``, ``nha-nuoc-nd30``)."""
    hook: str | None = Field(default=None, pattern=r"^[\w.]+:[\w.]+$")
    """``module:function`` called as ``function(report, context) -> context`` before rendering."""


def load_manifest(path: Path) -> Manifest:
    """Read and validate a manifest file; errors name the file and the field."""
    try:
        data = read_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ManifestError(f"{path}: cannot read manifest: {exc}") from None
    if not isinstance(data, dict):
        raise ManifestError(f"{path}: a manifest is a mapping of fields")
    try:
        return Manifest.model_validate(data)
    except ValidationError as exc:
        lines = [f"{format_path(e['loc']) or '(root)'}: {e['msg']}" for e in exc.errors()]
        raise ManifestError(f"{path}: invalid manifest\n  " + "\n  ".join(lines)) from None
