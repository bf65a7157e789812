"""Template packs: manifests, discovery, search paths, composition, sandbox, checks.

A pack is a folder with a ``baocao-template.yml`` manifest and ``.docx`` files.
Packs are found like MkDocs themes: built-ins and installed packages announce
themselves in the entry-point group ``baocao.templates``; a folder path works too.
A pack may ``extends`` another and replace only some of its files.
See docs/template-authoring.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .compose import compose
from .environment import make_environment
from .manifest import MANIFEST_NAME, Manifest, load_manifest
from .registry import (
    ENTRY_POINT_GROUP,
    PackProblem,
    PackWarning,
    TemplatePack,
    available_packs,
    builtin_dir,
    clear_cache,
    discovery_problems,
    get_pack,
)

if TYPE_CHECKING:
    from .check import TemplateIssue, check_pack
    from .scaffold import new_pack

# The static check and the scaffold are for template authors; rendering does not
# need them, so they load on first use and keep ``baocao render`` quick to start.
_LAZY = {"TemplateIssue": ".check", "check_pack": ".check", "new_pack": ".scaffold"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ENTRY_POINT_GROUP",
    "MANIFEST_NAME",
    "Manifest",
    "PackProblem",
    "PackWarning",
    "TemplateIssue",
    "TemplatePack",
    "available_packs",
    "builtin_dir",
    "check_pack",
    "clear_cache",
    "compose",
    "discovery_problems",
    "get_pack",
    "load_manifest",
    "make_environment",
    "new_pack",
]
