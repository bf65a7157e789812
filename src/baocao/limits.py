"""Resource limits: how much one input or one document may cost, and how to change them.

Why: report files, template packs and their data come from other people. A
322-byte YAML file can expand to billions of nodes, a 30-line template can
build a gigabyte string, a 4 MB .docx can inflate to 1 GB. Every such cost is
bounded here, with defaults far above any real report (the 40,000-paragraph
benchmark report stays well inside them) and below what exhausts a small
server.

Change them for a process with environment variables (``BAOCAO_MAX_RENDER_SECONDS=120``),
which batch workers inherit, or in code for a block with :func:`use_limits`.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import os
from dataclasses import dataclass

from .scoped import scoped

__all__ = ["Limits", "current_limits", "pinned_limits", "use_limits"]


@dataclass(frozen=True)
class Limits:
    """Every bound baocao applies; see docs/security.md for each one's reason."""

    input_bytes: int = 20_000_000
    """Size of one report file (YAML/JSON) read."""
    yaml_nodes: int = 2_000_000
    """YAML nodes after expanding aliases (an alias bomb multiplies them)."""
    yaml_aliases: int = 10_000
    """Alias uses (``*name``) in one YAML file."""
    nesting: int = 100
    """Nesting of mappings and lists in one report (YAML, JSON or data): about 45 levels
    of sections inside sections, where real reports use under ten."""
    render_seconds: float = 60.0
    """Time to render one document's template parts."""
    output_chars: int = 100_000_000
    """Characters of XML one template part may produce."""
    string_chars: int = 10_000_000
    """Length of one string (or list) a template builds (``~``, ``*``, ``center``, ``%`` …)."""
    integer_bits: int = 4_096
    """Size of an integer a template computes (``**``, ``*``)."""
    template_member_bytes: int = 100_000_000
    """Uncompressed size of one member of a template .docx."""
    template_total_bytes: int = 300_000_000
    """Uncompressed size of all the members of a template .docx."""
    template_ratio: int = 200
    """Compression ratio of one template member (XML compresses about 10 to 1)."""


_ENV_PREFIX = "BAOCAO_MAX_"


def _from_environment() -> Limits:
    values: dict[str, int | float] = {}
    for f in dataclasses.fields(Limits):
        raw = os.environ.get(_ENV_PREFIX + f.name.upper())
        if raw is None:
            continue
        try:
            values[f.name] = float(raw) if f.type in ("float", float) else int(raw)
        except ValueError:
            continue
    return Limits(**values)  # type: ignore[arg-type]


_current: contextvars.ContextVar[Limits | None] = contextvars.ContextVar(
    "baocao_limits", default=None
)


def current_limits() -> Limits:
    """The limits in force: those set by :func:`use_limits`, else the environment's."""
    return _current.get() or _from_environment()


def pinned_limits() -> contextlib.AbstractContextManager[Limits]:
    """The limits in force, read once for the block (loading one report asks five times).

    Why: the environment's limits are read afresh on every call (eleven variables),
    so a change to ``os.environ`` is seen at once; inside, the first reading holds.
    """
    return use_limits()


def use_limits(**changes: int | float) -> contextlib.AbstractContextManager[Limits]:
    """Run the block with some limits changed: ``with use_limits(render_seconds=5): …``."""
    limits = dataclasses.replace(current_limits(), **changes)  # type: ignore[arg-type]
    return scoped(_current, limits)
