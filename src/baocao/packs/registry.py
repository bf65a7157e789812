"""Finding packs: built-ins, installed plugins (entry points), and folders.

Rules (as in MkDocs' ``get_themes``):

* every pack, built-in or not, is announced in the entry-point group
  ``baocao.templates``; its value is a module (the pack is that module's folder)
  or an object holding a path;
* a plugin that reuses a built-in id is refused with a warning: built-ins win;
* two plugins with the same id: the one from the package whose name sorts first
  wins, and a warning names both;
* a plugin that fails to load is reported with its package name and skipped.
"""

from __future__ import annotations

import functools
import importlib.metadata as md
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import ManifestError, TemplateError
from .manifest import MANIFEST_NAME, Manifest, load_manifest

__all__ = [
    "ENTRY_POINT_GROUP",
    "PackProblem",
    "TemplatePack",
    "available_packs",
    "builtin_dir",
    "clear_cache",
    "default_pack_id",
    "discovery_problems",
    "get_pack",
]

ENTRY_POINT_GROUP = "baocao.templates"
BUILTIN_SOURCE = "baocao"
_DEFAULTS = {"dang": "dang", "nha_nuoc": "nha-nuoc"}


def builtin_dir() -> Path:
    """Folder holding the built-in packs: inside the wheel, or ``templates/`` in a checkout."""
    here = Path(__file__).resolve().parent.parent
    shipped = here / "_builtin"
    if shipped.is_dir():
        return shipped
    return here.parent.parent / "templates"


@dataclass(frozen=True)
class TemplatePack:
    """A pack on disk, with its parent already resolved."""

    manifest: Manifest
    path: Path
    source: str
    """Distribution that provides it (``baocao`` for built-ins) or ``path``."""
    parent: TemplatePack | None = None
    overrides: tuple[Path, ...] = field(default=())
    """User override folders searched before the pack itself (like MkDocs ``custom_dir``)."""

    @property
    def id(self) -> str:
        return self.manifest.id

    def _inherited(self, name: str) -> Any:
        pack: TemplatePack | None = self
        while pack is not None:
            value = getattr(pack.manifest, name)
            if value is not None:
                return value
            pack = pack.parent
        return None

    @property
    def family(self) -> str:
        return str(self._inherited("family") or "khac")

    @property
    def kinds(self) -> list[str]:
        return list(self._inherited("kinds") or ["document", "bao_cao_thuc_hien"])

    @property
    def base(self) -> str:
        return str(self._inherited("base") or "base.docx")

    @property
    def layout(self) -> list[str] | None:
        value = self._inherited("layout")
        return list(value) if value is not None else None

    @property
    def profile(self) -> str | None:
        value = self._inherited("profile")
        return str(value) if value is not None else None

    @property
    def hook(self) -> str | None:
        value = self._inherited("hook")
        return str(value) if value is not None else None

    def lineage(self) -> list[TemplatePack]:
        """This pack, its parent, the parent's parent …"""
        out: list[TemplatePack] = []
        pack: TemplatePack | None = self
        while pack is not None:
            out.append(pack)
            pack = pack.parent
        return out

    def search_path(self) -> list[Path]:
        """Folders searched for a file, first match wins: overrides, pack, parents."""
        return [*self.overrides, *(p.path for p in self.lineage())]

    def find(self, filename: str) -> Path:
        """The first ``filename`` on the search path."""
        for folder in self.search_path():
            candidate = folder / filename
            if candidate.is_file():
                return candidate
        searched = ", ".join(str(p) for p in self.search_path())
        raise TemplateError(f"template {self.id!r}: {filename} not found (searched {searched})")

    def files(self) -> list[Path]:
        """Every file the pack renders from: the base and each layout part."""
        names = [self.base, *(f"{n}.docx" for n in self.layout or [])]
        return [self.find(n) for n in names]


@dataclass(frozen=True)
class PackProblem:
    """A pack that could not be loaded, and why."""

    source: str
    name: str
    message: str

    def __str__(self) -> str:
        return f"{self.source} ({self.name}): {self.message}"


def _path_of(obj: Any) -> Path:
    if isinstance(obj, ModuleType):
        if obj.__file__ is None:
            raise TemplateError(f"module {obj.__name__} has no file")
        return Path(obj.__file__).resolve().parent
    if isinstance(obj, (str, os.PathLike)):
        return Path(obj)
    raise TemplateError(f"entry point must name a module or a path, got {type(obj).__name__}")


@functools.cache
def _discover() -> tuple[dict[str, tuple[Path, str]], tuple[PackProblem, ...]]:
    found: dict[str, tuple[Path, str]] = {}
    problems: list[PackProblem] = []
    eps = sorted(
        md.entry_points(group=ENTRY_POINT_GROUP),
        key=lambda ep: (
            ep.dist.name != BUILTIN_SOURCE if ep.dist else True,
            ep.dist.name if ep.dist else "",
            ep.name,
        ),
    )
    for ep in eps:
        source = ep.dist.name if ep.dist else "?"
        try:
            folder = _path_of(ep.load())
            manifest = load_manifest(folder / MANIFEST_NAME)
        except Exception as exc:  # a broken plugin must not stop the others
            problems.append(PackProblem(source, ep.name, f"{type(exc).__name__}: {exc}"))
            continue
        pid = manifest.id
        if pid in found:
            owner = found[pid][1]
            if owner == BUILTIN_SOURCE:
                msg = f"template id {pid!r} is built in; the one from {source} is ignored"
            else:
                msg = f"template id {pid!r} is provided by {owner} and {source}; using {owner}'s"
            warnings.warn(msg, stacklevel=2)
            problems.append(PackProblem(source, ep.name, msg))
            continue
        found[pid] = (folder, source)
    # A source checkout that is not installed has no entry points: fall back to the folder.
    root = builtin_dir()
    if root.is_dir():
        for sub in sorted(root.iterdir()):
            if (sub / MANIFEST_NAME).is_file():
                try:
                    m = load_manifest(sub / MANIFEST_NAME)
                except ManifestError as exc:
                    problems.append(PackProblem(BUILTIN_SOURCE, sub.name, str(exc)))
                    continue
                found.setdefault(m.id, (sub, BUILTIN_SOURCE))
    return found, tuple(problems)


def clear_cache() -> None:
    """Forget discovered packs (after installing a plugin in the same process)."""
    _discover.cache_clear()
    _load.cache_clear()


def discovery_problems() -> list[PackProblem]:
    """Packs that failed to load or were refused, with the package that provides them."""
    return list(_discover()[1])


@functools.cache
def _load(folder: Path, source: str, chain: tuple[str, ...] = ()) -> TemplatePack:
    manifest = load_manifest(folder / MANIFEST_NAME)
    parent = None
    if manifest.extends:
        if manifest.extends in chain or manifest.extends == manifest.id:
            raise TemplateError(
                f"template {manifest.id!r}: extends loop through {manifest.extends!r}"
            )
        parent = _by_id(manifest.extends, (*chain, manifest.id))
    return TemplatePack(manifest=manifest, path=folder, source=source, parent=parent)


def _by_id(pid: str, chain: tuple[str, ...] = ()) -> TemplatePack:
    found, _ = _discover()
    if pid not in found:
        known = ", ".join(sorted(found)) or "none"
        raise TemplateError(f"no template {pid!r} (known: {known})")
    folder, source = found[pid]
    return _load(folder, source, chain)


def get_pack(name: str | os.PathLike[str], *, overrides: tuple[Path, ...] = ()) -> TemplatePack:
    """A pack by id, or by folder path (a path is anything that exists on disk)."""
    candidate = Path(name)
    if candidate.is_dir() or os.sep in str(name) or str(name).startswith("."):
        if not (candidate / MANIFEST_NAME).is_file():
            raise TemplateError(f"{candidate}: not a template pack (no {MANIFEST_NAME})")
        pack = _load(candidate.resolve(), "path")
    else:
        pack = _by_id(str(name))
    if overrides:
        pack = TemplatePack(pack.manifest, pack.path, pack.source, pack.parent, overrides)
    return pack


def default_pack_id(family: str) -> str:
    """The built-in pack used when no template is named."""
    return _DEFAULTS[family]


def available_packs() -> list[TemplatePack]:
    """Every pack that loads, sorted by id."""
    found, _ = _discover()
    return [_by_id(pid) for pid in sorted(found)]
