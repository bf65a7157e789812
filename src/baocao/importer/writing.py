"""The imported report as a YAML file a clerk can read and correct.

Multi-line values (issuer names, subjects) are written as ``|-`` blocks, keys in
the model's order, long lines left whole, a comment on top listing what the
importer reported, so the file explains itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from .diagnostics import ImportDiagnostic

__all__ = ["to_yaml"]


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and not value.endswith(" ") and "\t" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Table rows and headers (short strings) on one line each: ``[TT, Chi bộ, "3"]``."""
    flow = bool(value) and all(isinstance(v, str) and "\n" not in v and len(v) < 40 for v in value)
    flow = flow and len(value) > 1 and sum(len(v) for v in value) < 90
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def to_yaml(
    data: dict[str, Any],
    diagnostics: Sequence[ImportDiagnostic] = (),
    source: str | None = None,
) -> str:
    """YAML text of ``data``, headed by the diagnostics as comments."""
    lines = []
    if source:
        lines.append(f"# Nhập từ {source} (baocao import)")
    for d in diagnostics:
        lines.append("# " + d.format(source).replace("\n", " "))
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return "\n".join(lines) + ("\n" if lines else "") + body
