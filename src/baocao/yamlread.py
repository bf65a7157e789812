"""Reading YAML with libyaml's C loader when PyYAML has it.

Why: report files, format profiles, manifests and the checker's word lists are
all YAML; the pure-Python loader costs a noticeable part of a one-report CLI run.
Both loaders give the same data and the same line marks.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["ReportLoader", "SafeLoader", "read_yaml"]

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class ReportLoader(SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader without YAML's own date parsing, for report files.

    Why: YAML turns ``date: 2025-02-30`` into a Python error before the model
    sees it; read as text, the model refuses it with the field path and line.
    """


ReportLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(text: str) -> Any:
    """``yaml.safe_load`` through the fastest safe loader available."""
    return yaml.load(text, Loader=SafeLoader)
