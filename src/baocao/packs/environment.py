"""The Jinja environment every template renders in: sandboxed, escaping, Vietnamese filters.

Why a sandbox: packs are downloaded from other offices and vendors; a template
must not read files, import modules or reach Python internals
(``{{ ''.__class__.__mro__ }}`` fails). Why strict: an undefined variable is a
template bug, reported by name; ``draft=True`` instead prints a visible blank
for the clerk to fill in.
"""

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..vi import FILTERS

__all__ = ["DRAFT_BLANK", "DraftUndefined", "make_environment"]

DRAFT_BLANK = "……………"
"""What a missing value prints as in draft mode: dots a clerk writes over."""


class DraftUndefined(Undefined):
    """Missing values print as a dotted blank instead of failing."""

    __slots__ = ()

    def __str__(self) -> str:
        return DRAFT_BLANK

    def __iter__(self) -> Any:
        return iter(())

    def __bool__(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    __getitem__ = __getattr__


def make_environment(*, draft: bool = False) -> ImmutableSandboxedEnvironment:
    """A fresh sandboxed environment with autoescape on and the ``vi`` filters."""
    env = ImmutableSandboxedEnvironment(
        undefined=DraftUndefined if draft else StrictUndefined,
        autoescape=True,
    )
    env.filters.update(FILTERS)
    return env
