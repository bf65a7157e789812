"""Finding packs: built-ins, installed plugins (entry points), and folders.

Rules (as in MkDocs' ``get_themes``):

* every pack, built-in or not, is announced in the entry-point group
  ``baocao.templates``; its value is a module (the pack is that module's folder)
  or an object holding a path (``baocao.packs.builtin:DANG``);
* a source checkout that is not installed has no entry points: the folders in
  ``templates/`` are then read directly, as the built-ins;
* the id is the manifest's ``id``. Built-ins are read first, plugins in the
  order of their package names: the first pack with an id keeps it. A plugin
  that reuses a built-in id, or an id another plugin already took, is skipped
  with a ``PackWarning`` naming both packages. To replace a built-in, give your
  pack a new id and ``extends`` the built-in, or name it by path (``-t ./folder``);
* a plugin that fails to load (import error, missing folder, bad manifest,
  unknown parent) is reported with its package name and skipped; the others load.
"""

from __future__ import annotations

import functools
import importlib.metadata as md
import os
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import TemplateError
from .manifest import MANIFEST_NAME, Manifest, load_manifest
from .pack import (
    BUILTIN_SOURCE,
    PATH_SOURCE,
    PackWarning,
    TemplatePack,
    builtin_dir,
)

__all__ = [
    "BUILTIN_SOURCE",
    "ENTRY_POINT_GROUP",
    "PackProblem",
    "PackWarning",
    "TemplatePack",
    "available_packs",
    "builtin_dir",
    "clear_cache",
    "default_pack_id",
    "discovery_problems",
    "get_pack",
]

ENTRY_POINT_GROUP = "baocao.templates"
_DEFAULTS = {"dang": "dang", "nha_nuoc": "nha-nuoc"}


def _installed_modules(ep: md.EntryPoint) -> frozenset[str]:
    """Top-level modules ``ep``'s distribution installed: its entry points' modules, and
    those its file list (RECORD) holds. Read from metadata; nothing is imported."""
    dist = getattr(ep, "dist", None)
    tops = {ep.value.split(":")[0].split(".")[0]}
    if dist is None:
        return frozenset(tops)
    tops.update(e.value.split(":")[0].split(".")[0] for e in dist.entry_points)
    for file in dist.files or ():
        parts = file.parts
        if len(parts) > 1 and not parts[0].endswith((".dist-info", ".data")) and ".." not in parts:
            tops.add(parts[0])
        elif len(parts) == 1 and file.suffix == ".py":
            tops.add(file.stem)
    return frozenset(tops)


@dataclass(frozen=True)
class PackProblem:
    """A pack that could not be loaded, or was refused, and why."""

    source: str
    name: str
    message: str

    def __str__(self) -> str:
        return f"{self.source} (entry point {self.name!r}): {self.message}"


@dataclass(frozen=True)
class _Found:
    folder: Path
    source: str
    version: str | None
    modules: frozenset[str] = frozenset()
    """Top-level modules the distribution installed (see ``TemplatePack.code_modules``)."""


def _path_of(obj: Any) -> Path:
    if isinstance(obj, ModuleType):
        if obj.__file__ is None:
            raise TemplateError(f"module {obj.__name__} has no file (a namespace package?)")
        return Path(obj.__file__).resolve().parent
    if isinstance(obj, (str, os.PathLike)):
        return Path(obj)
    raise TemplateError(f"entry point must name a module or a path, got {type(obj).__name__}")


def _dist(ep: md.EntryPoint) -> tuple[str, str | None]:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return "?", None
    return str(dist.name), str(dist.version)


def _read_entry_point(ep: md.EntryPoint) -> tuple[Path, Manifest]:
    folder = _path_of(ep.load())
    if not (folder / MANIFEST_NAME).is_file():
        raise TemplateError(f"{folder} has no {MANIFEST_NAME}")
    return folder, load_manifest(folder / MANIFEST_NAME)


def _builtin_fallback(found: dict[str, _Found], problems: list[PackProblem]) -> None:
    root = builtin_dir()
    if not root.is_dir():
        return
    for sub in sorted(root.iterdir()):
        if not (sub / MANIFEST_NAME).is_file():
            continue
        try:
            manifest = load_manifest(sub / MANIFEST_NAME)
        except TemplateError as exc:
            problems.append(PackProblem(BUILTIN_SOURCE, sub.name, str(exc)))
            continue
        found.setdefault(manifest.id, _Found(sub, BUILTIN_SOURCE, None, frozenset({"baocao"})))


def _skip(problems: list[PackProblem], source: str, name: str, message: str) -> None:
    problems.append(PackProblem(source, name, message))
    warnings.warn(f"template plugin {source} ({name}): {message}", PackWarning, stacklevel=4)


@functools.cache
def _discover() -> tuple[dict[str, _Found], tuple[PackProblem, ...]]:
    found: dict[str, _Found] = {}
    problems: list[PackProblem] = []
    eps = sorted(
        md.entry_points(group=ENTRY_POINT_GROUP),
        key=lambda ep: (_dist(ep)[0] != BUILTIN_SOURCE, _dist(ep)[0].lower(), ep.name),
    )
    if not any(_dist(ep)[0] == BUILTIN_SOURCE for ep in eps):
        _builtin_fallback(found, problems)
    for ep in eps:
        source, version = _dist(ep)
        try:
            folder, manifest = _read_entry_point(ep)
        except Exception as exc:  # a broken plugin must not stop the others
            _skip(problems, source, ep.name, f"cannot load: {type(exc).__name__}: {exc}")
            continue
        pid = manifest.id
        owner = found.get(pid)
        if owner is not None:
            if owner.folder.resolve() == folder.resolve():
                continue
            if owner.source == BUILTIN_SOURCE:
                msg = f"template id {pid!r} is built in; the one from {source} is ignored"
            else:
                msg = (
                    f"template id {pid!r} is provided by {owner.source} and {source}; "
                    f"using {owner.source}'s (first by package name)"
                )
            _skip(problems, source, ep.name, msg)
            continue
        found[pid] = _Found(folder, source, version, _installed_modules(ep))
    return found, tuple(problems)


def clear_cache() -> None:
    """Forget discovered packs (after installing a plugin in the same process)."""
    _discover.cache_clear()
    _load.cache_clear()


def discovery_problems() -> list[PackProblem]:
    """Packs that failed to load or were refused, with the package that provides them."""
    return [*_discover()[1], *_unloadable()]


@functools.cache
def _load(
    folder: Path,
    source: str,
    version: str | None = None,
    chain: tuple[str, ...] = (),
    modules: frozenset[str] = frozenset(),
) -> TemplatePack:
    manifest = load_manifest(folder / MANIFEST_NAME)
    parent = None
    if manifest.extends:
        if manifest.extends in chain or manifest.extends == manifest.id:
            raise TemplateError(
                f"template {manifest.id!r}: extends loop through {manifest.extends!r}"
            )
        try:
            parent = _by_id(manifest.extends, (*chain, manifest.id))
        except TemplateError as exc:
            raise TemplateError(
                f"template {manifest.id!r} extends {manifest.extends!r}: {exc}"
            ) from None
    return TemplatePack(
        manifest=manifest,
        path=folder,
        source=source,
        parent=parent,
        source_version=version,
        code_modules=modules,
    )


def _by_id(pid: str, chain: tuple[str, ...] = ()) -> TemplatePack:
    found, _ = _discover()
    if pid not in found:
        known = ", ".join(sorted(found)) or "none"
        raise TemplateError(f"no template {pid!r} (known: {known})")
    f = found[pid]
    return _load(f.folder, f.source, f.version, chain, f.modules)


def is_path(name: str | os.PathLike[str]) -> bool:
    """Whether a template reference names a folder rather than an id."""
    text = str(name)
    return Path(name).is_dir() or os.sep in text or "/" in text or text.startswith(".")


def get_pack(
    name: str | os.PathLike[str],
    *,
    overrides: tuple[Path, ...] = (),
    trust_code: bool = False,
) -> TemplatePack:
    """A pack by id, or by folder path (a path is anything that exists on disk).

    A folder pack runs no code: its ``hook`` is refused. ``trust_code=True``
    (Python only, never from the command line) lets a template author's own
    tests run the hook of the folder they are writing.
    """
    if is_path(name):
        candidate = Path(name)
        if not (candidate / MANIFEST_NAME).is_file():
            raise TemplateError(f"{candidate}: not a template pack (no {MANIFEST_NAME})")
        pack = _load(candidate.resolve(), PATH_SOURCE)
        if trust_code:
            pack = replace(pack, trusted_code=True)
    else:
        pack = _by_id(str(name))
    return pack.with_overrides(overrides) if overrides else pack


def default_pack_id(family: str) -> str:
    """The built-in pack used when no template is named."""
    return _DEFAULTS[family]


def available_packs() -> list[TemplatePack]:
    """Every pack that loads, sorted by id; the others are in ``discovery_problems()``."""
    found, _ = _discover()
    out = []
    for pid in sorted(found):
        try:
            out.append(_by_id(pid))
        except TemplateError:
            continue
    return out


def _unloadable() -> list[PackProblem]:
    """Packs discovered but whose chain fails to load (e.g. an unknown parent)."""
    found, _ = _discover()
    out = []
    for pid in sorted(found):
        try:
            _by_id(pid)
        except TemplateError as exc:
            out.append(PackProblem(found[pid].source, pid, str(exc)))
    return out
