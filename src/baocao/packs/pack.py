"""A template pack on disk: its manifest, its lineage, its search path, its files.

Why apart from :mod:`baocao.packs.registry`: what a pack *is* (reading its
files, never outside its folder; the hook it may run) is one concept, how
packs are *found* (entry points, folders, id clashes) another.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import TemplateError
from ..i18n import _
from ..model import kinds
from .manifest import Manifest

__all__ = [
    "BUILTIN_SOURCE",
    "OVERRIDE_SOURCE",
    "PATH_SOURCE",
    "PackWarning",
    "TemplatePack",
    "builtin_dir",
]

BUILTIN_SOURCE = "baocao"
PATH_SOURCE = "path"
OVERRIDE_SOURCE = "override"


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
