"""Template packs: manifests, discovery, search paths, composition, sandbox, checks.

A pack is a folder with a ``baocao-template.yml`` manifest and ``.docx`` files.
Packs are found like MkDocs themes: built-ins and installed packages announce
themselves in the entry-point group ``baocao.templates``; a folder path works too.
A pack may ``extends`` another and replace only some of its files.
See docs/template-authoring.md.
"""

from .check import TemplateIssue, check_pack
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
from .scaffold import new_pack

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
