"""Format profiles: the presentation rules of each guide, as versioned data.

A profile is a YAML file in this folder (``dang-hd36.yml``,
``nha-nuoc-nd30.yml`` …). Which one applies is decided by the report's family
and date: the profile of that family with the latest ``valid_from`` on or before
the report's date. A new guide (say Hướng dẫn 05-HD/VPTW of 27/5/2026) is
therefore a new file here, not a change in code. The template builder reads the
values it uses from a profile, and the conformance checker measures a .docx
against one.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import TemplateError
from ..loading import format_path
from ..model import AnyReport, Family
from ..yamlread import read_yaml
from .model import (
    Align,
    Case,
    Dividers,
    DrawnRule,
    ElementFormat,
    Elements,
    FormatProfile,
    LayoutRules,
    LineSpacing,
    Page,
    PageNumbering,
    Quantity,
)

__all__ = [
    "PROFILE_DIR",
    "Align",
    "Case",
    "Dividers",
    "DrawnRule",
    "ElementFormat",
    "Elements",
    "FormatProfile",
    "LayoutRules",
    "LineSpacing",
    "Page",
    "PageNumbering",
    "Quantity",
    "available_profiles",
    "get_profile",
    "load_profile",
    "profile_for",
    "select_profile",
]

PROFILE_DIR = Path(__file__).resolve().parent
"""Where the built-in profiles live (shipped inside the package)."""


def _merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` laid over ``base``: mappings merge key by key, anything else replaces."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


def _read(path: Path, chain: tuple[str, ...] = ()) -> dict[str, Any]:
    """The profile's fields, its ``extends`` parent's laid underneath."""
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TemplateError(f"{path}: cannot read format profile: {exc}") from None
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: a format profile is a mapping of fields")
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str) or parent in chain:
        raise TemplateError(f"{path}: extends: {parent!r} is not a profile id, or loops")
    sibling = path.parent / f"{parent}.yml"
    source = sibling if sibling.is_file() else PROFILE_DIR / f"{parent}.yml"
    if not source.is_file():
        raise TemplateError(f"{path}: extends: no format profile {parent!r}")
    base = _read(source, (*chain, parent))
    for key in ("id", "title", "valid_from", "confirmed", "sources", "notes"):
        base.pop(key, None)  # a guide's identity is never inherited
    return _merged(base, data)


def load_profile(path: str | os.PathLike[str]) -> FormatProfile:
    """Read and validate one profile file; errors name the file and the field.

    A profile may ``extends: <id>`` another (in its folder or built in) and give
    only what the newer guide changes.
    """
    p = Path(path)
    data = _read(p)
    try:
        return FormatProfile.model_validate(data)
    except ValidationError as exc:
        lines = [f"{format_path(e['loc']) or '(root)'}: {e['msg']}" for e in exc.errors()]
        raise TemplateError(f"{p}: invalid format profile\n  " + "\n  ".join(lines)) from None


@functools.cache
def available_profiles() -> tuple[FormatProfile, ...]:
    """Every built-in profile, by family then date."""
    profiles = [load_profile(p) for p in sorted(PROFILE_DIR.glob("*.yml"))]
    ids = [p.id for p in profiles]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise TemplateError(f"format profile id used twice: {', '.join(dupes)}")
    return tuple(sorted(profiles, key=lambda p: (p.family, p.valid_from)))


def get_profile(ref: str | os.PathLike[str]) -> FormatProfile:
    """A built-in profile by id (``dang-hd36``), or a profile file by path."""
    text = os.fspath(ref)
    if text.endswith((".yml", ".yaml")) or os.sep in text:
        return load_profile(text)
    for profile in available_profiles():
        if profile.id == text:
            return profile
    known = ", ".join(p.id for p in available_profiles())
    raise TemplateError(f"no format profile {text!r} (known: {known})")


def select_profile(family: Family, on: dt.date | None = None) -> FormatProfile:
    """The family's profile in force on ``on`` (today when None).

    A date before every profile of the family gets the oldest one: old reports
    are still checked against the oldest guide we know rather than refused.
    """
    day = on or dt.date.today()
    mine = [p for p in available_profiles() if p.family == family]
    if not mine:
        raise TemplateError(f"no format profile for the {family} family")
    in_force = [p for p in mine if p.valid_from <= day]
    return in_force[-1] if in_force else mine[0]


def profile_for(report: AnyReport) -> FormatProfile:
    """The profile for a report: its family, on its date (a draft: the last day it can mean)."""
    header = report.header
    return select_profile(header.family, header.date.latest())
