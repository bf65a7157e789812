"""The checker's curated lists, read once from the YAML files in ``checker/data/``.

Each file is documented at its top and validated here, so a mistake made while
extending a list is reported with the file and field, not as a wrong diagnostic.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml
from pydantic import Field, ValidationError, field_validator, model_validator

from ..errors import BaocaoError
from ..loading import format_path
from ..model import Family, Model, NonEmptyText
from ..yamlread import read_yaml

__all__ = [
    "Abbreviation",
    "Capitalization",
    "CommonNoun",
    "Misspelling",
    "TypeCodeTable",
    "TypeCodes",
    "abbreviations",
    "capitalization",
    "misspellings",
    "type_codes",
]


_PACKAGE = __name__.rpartition(".")[0]


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class TypeCodeTable(Model):
    """Kind → type code for one family; a kind's code may depend on the format profile."""

    profiles: dict[str, NonEmptyText] = Field(min_length=1)
    """Profile id → what it stands for (the guide and its period)."""
    default_profile: str
    kinds: dict[str, str | list[str] | dict[str, str]]

    @model_validator(mode="after")
    def _profiles_known(self) -> TypeCodeTable:
        """Every profile named in the table is declared in ``profiles``."""
        named = {self.default_profile}
        for codes in self.kinds.values():
            if isinstance(codes, dict):
                named.update(codes)
        unknown = sorted(named - set(self.profiles))
        if unknown:
            raise ValueError(f"profiles not declared in `profiles`: {', '.join(unknown)}")
        return self

    def codes(self, kind: str, profile: str) -> tuple[frozenset[str], frozenset[str]] | None:
        """``(codes right under profile, codes of the family's other profiles)``; None: unlisted."""
        key = next((k for k in self.kinds if k.casefold() == kind.casefold()), None)
        if key is None:
            return None
        value = self.kinds[key]
        if isinstance(value, dict):
            mine = value.get(profile, value[self.default_profile]) if value else ""
            return frozenset({mine}), frozenset(value.values()) - {mine}
        return frozenset(_as_list(value)), frozenset()


class TypeCodes(Model):
    """The Party and the State tables."""

    dang: TypeCodeTable
    nha_nuoc: TypeCodeTable

    def table(self, family: Family) -> TypeCodeTable:
        return self.dang if family == "dang" else self.nha_nuoc

    def family_of(self, profile: str) -> Family | None:
        """The family a profile id belongs to, None when no table declares it."""
        for family in ("dang", "nha_nuoc"):
            if profile in self.table(family).profiles:
                return family
        return None


class Misspelling(Model):
    """A known wrong form and its correction; see the head of ``misspellings.yaml``."""

    wrong: NonEmptyText
    right: list[NonEmptyText] = Field(min_length=1)
    after: list[NonEmptyText] = Field(default_factory=list)
    not_after: list[NonEmptyText] = Field(default_factory=list)
    not_before: list[NonEmptyText] = Field(default_factory=list)
    note: NonEmptyText

    @field_validator("right", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        """``right: đôn đốc`` is short for a list of one."""
        return _as_list(value)


class Abbreviation(Model):
    """An abbreviation and the full forms that introduce it."""

    abbreviation: NonEmptyText
    full: list[NonEmptyText] = Field(min_length=1)


class CommonNoun(Model):
    """A common noun that is lower case mid-sentence, unless it follows one of ``allowed_after``."""

    word: NonEmptyText
    allowed_after: list[NonEmptyText] = Field(default_factory=list)


class Capitalization(Model):
    """Common nouns (BC501) and organization names (BC502)."""

    common_nouns: list[CommonNoun]
    committees: list[NonEmptyText]
    generic_after: list[NonEmptyText]
    organizations: list[NonEmptyText]

    def organization_names(self) -> tuple[str, ...]:
        """Every name, ``{committee}`` expanded; longest first so the longest match wins."""
        names: set[str] = set()
        for name in self.organizations:
            if "{committee}" in name:
                names.update(name.replace("{committee}", c) for c in self.committees)
            else:
                names.add(name)
        return tuple(sorted(names, key=lambda n: (-len(n), n)))


def _read(name: str) -> Any:
    folder = resources.files(_PACKAGE).joinpath("data")
    text = folder.joinpath(name).read_text(encoding="utf-8")
    try:
        return read_yaml(text)
    except yaml.YAMLError as exc:
        raise BaocaoError(f"checker data file {name}: {exc}") from None


def _items(name: str) -> list[Any]:
    data = _read(name)
    if not isinstance(data, list):
        raise BaocaoError(f"checker data file {name}: expected a list of entries")
    return data


def _validated(name: str, model: type[Model], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{format_path(e['loc'])}: {e['msg']}" for e in exc.errors())
        raise BaocaoError(f"checker data file {name}: {problems}") from None


@functools.cache
def type_codes() -> TypeCodes:
    """``type_codes.yaml``."""
    result: TypeCodes = _validated("type_codes.yaml", TypeCodes, _read("type_codes.yaml"))
    return result


@functools.cache
def misspellings() -> tuple[Misspelling, ...]:
    """``misspellings.yaml``, longest wrong form first (the longer of two overlaps wins)."""
    items = [_validated("misspellings.yaml", Misspelling, d) for d in _items("misspellings.yaml")]
    return tuple(sorted(items, key=lambda m: -len(m.wrong)))


@functools.cache
def abbreviations() -> tuple[Abbreviation, ...]:
    """``abbreviations.yaml``."""
    return tuple(
        _validated("abbreviations.yaml", Abbreviation, d) for d in _items("abbreviations.yaml")
    )


@functools.cache
def capitalization() -> Capitalization:
    """``capitalization.yaml``."""
    result: Capitalization = _validated(
        "capitalization.yaml", Capitalization, _read("capitalization.yaml")
    )
    return result
