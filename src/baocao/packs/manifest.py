"""The pack manifest, ``baocao-template.yml``, validated with Pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, StringConstraints, ValidationError, field_validator

from ..errors import ManifestError
from ..loading import format_path
from ..model import Model, NonEmptyText, Text
from ..yamlread import read_yaml

__all__ = ["MANIFEST_NAME", "Manifest", "load_manifest"]

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
