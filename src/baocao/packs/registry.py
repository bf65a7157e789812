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
import importlib
import importlib.metadata as md
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import TemplateError
from ..i18n import _
from ..model import kinds
from .manifest import MANIFEST_NAME, Manifest, load_manifest

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
BUILTIN_SOURCE = "baocao"
PATH_SOURCE = "path"
OVERRIDE_SOURCE = "override"
_DEFAULTS = {"dang": "dang", "nha_nuoc": "nha-nuoc"}


class PackWarning(UserWarning):
    """A template plugin was skipped: it failed to load or its id was taken."""


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
    source_version: str | None = None
    """Version of the providing distribution, when installed."""
    code_modules: frozenset[str] = frozenset()
    """Top-level modules of the distribution that provides the pack: the only code its
    ``hook`` may name (empty for a folder pack)."""
    trusted_code: bool = False
    """The caller vouched for this folder's code (``get_pack(folder, trust_code=True)``)."""

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def title(self) -> str:
        return self.manifest.title

    @property
    def version(self) -> str:
        return self.manifest.version

    def _inherited(self, name: str) -> Any:
        for pack in self.lineage():
            value = getattr(pack.manifest, name)
            if value is not None:
                return value
        return None

    @property
    def family(self) -> str:
        return str(self._inherited("family") or "khac")

    @property
    def kinds(self) -> list[str]:
        """The kinds it lays out; by default every registered kind (all adapt to the document)."""
        return list(self._inherited("kinds") or kinds())

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
    def profile_ref(self) -> str | None:
        """The profile to check against: an id, or the path of the declaring pack's own .yml."""
        for pack in self.lineage():
            value = pack.manifest.profile
            if value is not None:
                own = value.endswith((".yml", ".yaml"))
                return str(pack.path / value) if own else value
        return None

    @property
    def waivers(self) -> dict[str, str]:
        """Waived conformance rules and their reasons; a child's reason replaces its parent's."""
        out: dict[str, str] = {}
        for pack in reversed(self.lineage()):
            out.update(dict(pack.manifest.waivers))
        return out

    @property
    def hook(self) -> str | None:
        value = self._inherited("hook")
        return str(value) if value is not None else None

    def hook_owner(self) -> TemplatePack | None:
        """The pack of the lineage whose manifest names the hook in force."""
        return next((p for p in self.lineage() if p.manifest.hook is not None), None)

    def hook_refusal(self) -> str | None:
        """Why the hook in force may not run (None: no hook, or it may).

        A folder pack is data: it may name no code to run, because a folder is
        what one downloads and unpacks. A hook runs only when the pack that
        names it comes from an installed distribution and the hook's module is
        one that distribution installed: installing a package is the act that
        says "I trust this code". Nothing is imported to decide this.
        """
        owner = self.hook_owner()
        if owner is None or owner.trusted_code:
            return None
        hook = str(owner.manifest.hook)
        module = hook.split(":")[0]
        if owner.source in (PATH_SOURCE, OVERRIDE_SOURCE):
            return _(
                "mẫu {id!r} là một thư mục, nên là dữ liệu: nó không được chạy mã "
                "(hook: {hook}). Hook chỉ chạy từ một gói đã cài (pip install) có khai báo "
                "mẫu này; bỏ dòng hook: hoặc cài mẫu như một gói"
            ).format(id=owner.id, hook=hook)
        if module.split(".")[0] not in owner.code_modules:
            return _(
                "mẫu {id!r} của gói {dist} gọi hook {hook}, nhưng mô-đun {module} không "
                "thuộc gói {dist}; một mẫu chỉ được chạy mã của chính gói đã cài nó"
            ).format(id=owner.id, dist=owner.source, hook=hook, module=module)
        return None

    def code_summary(self) -> str | None:
        """In words, the code rendering with this pack runs; None when it runs none."""
        owner = self.hook_owner()
        if owner is None:
            return None
        refusal = self.hook_refusal()
        if refusal is not None:
            return refusal
        version = f" {owner.source_version}" if owner.source_version else ""
        return _(
            "mẫu này chạy mã Python: hook {hook} của gói đã cài {dist}{version}, "
            "trước mỗi lần kết xuất, với toàn quyền của người chạy baocao"
        ).format(hook=owner.manifest.hook, dist=owner.source, version=version)

    def hook_function(self) -> Callable[[Any, dict[str, Any]], dict[str, Any]] | None:
        """The context hook in force, imported; None without one; refused as ``hook_refusal``."""
        if not self.hook:
            return None
        refusal = self.hook_refusal()
        if refusal is not None:
            raise TemplateError(refusal)
        mod_name, func_name = self.hook.split(":")
        try:
            func = getattr(importlib.import_module(mod_name), func_name)
        except (ImportError, AttributeError) as exc:
            raise TemplateError(
                f"template {self.id!r}: hook {self.hook} not found: {exc}"
            ) from None
        if not callable(func):
            raise TemplateError(f"template {self.id!r}: hook {self.hook} is not a function")
        return func  # type: ignore[no-any-return]

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

    def locate(self, filename: str) -> tuple[Path, str] | None:
        """The first ``filename`` on the search path and who provides it (pack id or override)."""
        origins = [
            *(("override", p) for p in self.overrides),
            *((pk.id, pk.path) for pk in self.lineage()),
        ]
        for origin, folder in origins:
            candidate = folder / filename
            if candidate.is_file():
                return _inside(candidate, folder, origin), origin
        return None

    def find(self, filename: str) -> Path:
        """The first ``filename`` on the search path."""
        found = self.locate(filename)
        if found is None:
            searched = ", ".join(str(p) for p in self.search_path())
            raise TemplateError(f"template {self.id!r}: {filename} not found (searched {searched})")
        return found[0]

    def file_names(self) -> list[str]:
        """Names of the files the pack renders from: the base, then each layout part."""
        return [self.base, *(f"{n}.docx" for n in self.layout or [])]

    def files(self) -> list[Path]:
        """Every file the pack renders from, resolved on the search path."""
        return [self.find(n) for n in self.file_names()]

    def with_overrides(self, overrides: tuple[Path, ...]) -> TemplatePack:
        """The same pack with user override folders searched first."""
        return replace(self, overrides=tuple(Path(p) for p in overrides))


def _inside(candidate: Path, folder: Path, origin: str) -> Path:
    """``candidate`` with its links resolved, if it stays inside ``folder``; else refused."""
    try:
        real = candidate.resolve(strict=True)
        root = folder.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise TemplateError(
            _("mẫu {origin}: không đọc được {file} ({why})").format(
                origin=origin, file=candidate, why=exc
            )
        ) from None
    if not real.is_relative_to(root):
        raise TemplateError(
            _(
                "mẫu {origin}: {file} trỏ ra ngoài gói ({real}); mọi tệp của gói phải nằm "
                "trong thư mục của gói"
            ).format(origin=origin, file=candidate.relative_to(folder), real=real)
        )
    return real


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
