"""Template packs: manifests, discovery, search paths and composition.

A pack is a folder with a ``baocao-template.yml`` manifest and ``.docx`` files.
Packs are found like MkDocs themes: built-ins and installed packages announce
themselves in the entry-point group ``baocao.templates``; a folder path works too.
A pack may ``extends`` another and replace only some of its files.
"""

from .compose import compose
from .manifest import MANIFEST_NAME, Manifest, load_manifest
from .registry import TemplatePack, available_packs, builtin_dir, clear_cache, get_pack

__all__ = [
    "MANIFEST_NAME",
    "Manifest",
    "TemplatePack",
    "available_packs",
    "builtin_dir",
    "clear_cache",
    "compose",
    "get_pack",
    "load_manifest",
]
