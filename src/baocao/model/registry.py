"""Report kinds through one registry: a kind is its schema plus an adapter to the layout.

A kind is a Pydantic model whose ``kind`` field is a ``Literal`` of its name,
and a function that turns a validated report of that kind into the generic
:class:`~baocao.model.Document` every engine, the checker and the layout read.
Adding a kind is its own module and one line::

    register_kind(Kind("bien_ban", BienBan))

or, from a plugin package, an entry point in the group ``baocao.kinds`` naming
a :class:`Kind` object (``[project.entry-points."baocao.kinds"]
bien_ban = "my_pkg.bien_ban:KIND"``). Entry points are read on first use.
Loading (:func:`report_adapter`), the JSON Schema, ``baocao schema --kind`` and
``baocao init`` all ask this registry, so a registered kind loads, validates,
renders and is checked like the built-in ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Discriminator, Tag, TypeAdapter

from ..errors import InputError
from .types import Model

if TYPE_CHECKING:
    from .document import CheckConfig, Document
    from .header import Header

__all__ = [
    "ENTRY_POINT_GROUP",
    "AnyReport",
    "Kind",
    "get_kind",
    "kinds",
    "register_kind",
    "report_adapter",
    "unregister_kind",
]

ENTRY_POINT_GROUP = "baocao.kinds"
"""The entry-point group a plugin package registers its kinds under."""

DEFAULT_KIND = "document"
"""The kind of a report that does not say (``kind`` omitted)."""


class AnyReport(Model):
    """The base of every report kind's schema: a kind, a header, checker settings.

    A subclass declares ``kind: Literal["its_name"]``, ``header: Header`` and
    ``check: CheckConfig`` as fields (in the order its input shows them) and
    says how it becomes the generic document in ``to_document()``.
    """

    if TYPE_CHECKING:
        kind: str
        header: Header
        check: CheckConfig

    def to_document(self) -> Document:
        raise NotImplementedError(f"{type(self).__name__} does not define to_document()")

    def source_loc(self, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
        """Where a place of :meth:`to_document`'s tree comes from in this report's input.

        The other half of the adapter: a kind whose input is not the generic tree
        maps the tree's paths back (``("sections", 0)`` → ``("results",)``), so
        every layout line carries its input location. Identity by default.
        """
        return loc


def _method_adapter(report: Any) -> Document:
    """The default adapter: the schema's own ``to_document()``."""
    doc: Document = report.to_document()
    return doc


@dataclass(frozen=True)
class Kind:
    """One report kind: its name, its schema and its adapter to the generic document."""

    name: str
    """The value of ``kind:`` in the input (``bao_cao_thuc_hien``)."""
    schema: type[AnyReport]
    """The Pydantic model; its ``kind`` field is ``Literal[name]``."""
    adapter: Callable[[Any], Document] = field(default=_method_adapter)
    """Report of this kind → :class:`Document`; by default its ``to_document()``."""
    description: str = ""
    """One line for listings (Vietnamese)."""


_KINDS: dict[str, Kind] = {}


def register_kind(kind: Kind) -> Kind:
    """Add ``kind`` to the registry (the one registration line); re-registering replaces it."""
    field_info = kind.schema.model_fields.get("kind")
    if field_info is None:
        raise TypeError(f"{kind.schema.__name__} has no 'kind' field")
    _KINDS[kind.name] = kind
    _adapter.cache_clear()
    return kind


def unregister_kind(name: str) -> None:
    """Remove a kind (tests, a host application replacing a plugin's kind)."""
    _KINDS.pop(name, None)
    _adapter.cache_clear()


@lru_cache(maxsize=1)
def _plugins_loaded() -> bool:
    """Read the ``baocao.kinds`` entry points once; a broken plugin is named, not fatal."""
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in _KINDS:
            continue
        try:
            obj = ep.load()
        except Exception as exc:  # a plugin's import error must not break baocao
            raise InputError(f"report kind plugin {ep.name!r} ({ep.value}) failed: {exc}") from exc
        kind = obj() if callable(obj) and not isinstance(obj, Kind) else obj
        if not isinstance(kind, Kind):
            raise InputError(f"entry point {ep.name!r} ({ep.value}) is not a baocao Kind")
        register_kind(kind)
    return True


def kinds() -> Mapping[str, Kind]:
    """Every registered kind by name: the built-in ones, then plugins'."""
    _plugins_loaded()
    return dict(_KINDS)


def get_kind(name: str) -> Kind:
    """The kind called ``name``; an :class:`InputError` listing the known ones otherwise."""
    known = kinds()
    if name not in known:
        raise InputError(f"unknown report kind {name!r}; known: {', '.join(sorted(known))}")
    return known[name]


def _tag(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("kind", DEFAULT_KIND))
    return str(getattr(value, "kind", DEFAULT_KIND))


@lru_cache(maxsize=1)
def _adapter() -> TypeAdapter[Any]:
    members = tuple(Annotated[k.schema, Tag(name)] for name, k in _KINDS.items())
    union: Any = members[0]
    for m in members[1:]:
        union = union | m
    return TypeAdapter(Annotated[union, Discriminator(_tag)])


def report_adapter() -> TypeAdapter[Any]:
    """One TypeAdapter over every registered kind, chosen by ``kind`` (cached until a change)."""
    _plugins_loaded()
    return _adapter()


class KindSchemas(Mapping[str, type[AnyReport]]):
    """``name → schema`` over the live registry (what ``REPORT_KINDS`` used to be)."""

    def __getitem__(self, name: str) -> type[AnyReport]:
        return kinds()[name].schema

    def __iter__(self) -> Iterator[str]:
        return iter(kinds())

    def __len__(self) -> int:
        return len(kinds())
