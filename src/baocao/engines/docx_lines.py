"""A body line as template data: a dict whose costly fields are made when first read.

Why: each line offers fifteen fields (docs/template-authoring.md) and a
template reads a few of them per line: the built-in ones read ``rich`` for a
paragraph and ``printed`` for a heading, never both, and never ``rich_body``,
``body_text``, ``text`` or ``path``. Making those six only when read halves the
context's time. ``LineData`` is a real ``dict``: reading a field by key or as an
attribute in a template makes it; anything that looks at the whole (``in``,
iteration, ``len``, ``items()``, ``==``, ``dict(line)``, ``json.dumps``,
pickling, ``pop`` …) first makes every field, so it sees what a plain dict of
all fifteen would hold, and a pack hook may change or delete fields as in any dict.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from html import escape
from typing import Any

from docxtpl import RichText

from ..layout import Line, Run
from .docx_table import WordTable

__all__ = ["LINE_FIELDS", "LineData", "rich_runs", "runs_xml"]

_RUN_PROPERTIES = {
    (False, False): "",
    (True, False): "<w:rPr><w:b/></w:rPr>",
    (False, True): "<w:rPr><w:i/></w:rPr>",
    (True, True): "<w:rPr><w:b/><w:i/></w:rPr>",
}
"""docxtpl's ``RichText.add`` run properties for bold and italic, the only ones runs carry."""


def runs_xml(runs: tuple[Run, ...]) -> str:
    """The XML ``RichText.add`` writes for these runs, in one pass.

    Why not ``RichText.add`` itself: it tests a dozen options per run and was a
    third of the context's time; the output is the same string (a test holds it).
    """
    return "".join(
        f'<w:r>{_RUN_PROPERTIES[run.bold, run.italic]}<w:t xml:space="preserve">'
        f"{escape(run.text)}</w:t></w:r>"
        for run in runs
    )


def _rich(xml: str) -> RichText:
    rt = RichText()
    rt.xml = xml
    return rt


def rich_runs(runs: tuple[Run, ...]) -> RichText:
    """The runs as one docxtpl ``RichText``."""
    return _rich(runs_xml(runs))


def _rich_line(line: Line) -> RichText:
    label = runs_xml((Run(line.label + " ", line.bold, line.italic),)) if line.label else ""
    return _rich(label + runs_xml(line.runs))


def _table(line: Line, width: int) -> dict[str, Any] | None:
    t = line.table
    if t is None:
        return None
    return {
        "caption": t.caption,
        "unit": t.unit,
        "header": list(t.header),
        "total": list(t.total) if t.total is not None else None,
        "rows": [list(r) for r in t.rows],
        "widths": list(t.widths),
        "docx": WordTable(t, width),
    }


_LAZY: dict[str, Callable[[Line], Any]] = {
    "text": lambda ln: ln.text,
    "body_text": lambda ln: ln.body_text,
    "rich": _rich_line,
    "rich_body": lambda ln: rich_runs(ln.runs),
    "path": lambda ln: ln.path,
    "printed": lambda ln: (
        [rich_runs(runs) for runs in ln.printed_lines()] if ln.role == "heading" else []
    ),
}
"""The fields made when first read, each by one function."""

LINE_FIELDS = (
    *("role", "label", "level", "text", "body_text", "rich", "rich_body", "bold", "italic"),
    *("table", "path", "kind", "indent", "run_in", "printed"),
)
"""Every field of a body line, in the order a plain dict of them lists them."""


class LineData(dict[str, Any]):
    """One body line as template data (see the module's docstring)."""

    __slots__ = ("_complete", "_line")

    def __init__(self, line: Line, text_width_twips: int) -> None:
        super().__init__(
            role=line.role,
            label=line.label,
            level=line.level,
            bold=line.bold,
            italic=line.italic,
            table=_table(line, text_width_twips),
            kind=line.kind,
            indent=line.indent,
            run_in=line.run_in,
        )
        self._line = line
        self._complete = False

    def __missing__(self, key: str) -> Any:
        make = None if self._complete else _LAZY.get(key)
        if make is None:
            raise KeyError(key)
        value = make(self._line)
        dict.__setitem__(self, key, value)
        return value

    def complete(self) -> LineData:
        """Every field made, in ``LINE_FIELDS`` order (a field a hook set is kept)."""
        if not self._complete:
            values = {k: self[k] for k in LINE_FIELDS if k in _LAZY or dict.__contains__(self, k)}
            extra = {k: v for k, v in dict.items(self) if k not in values}
            dict.clear(self)
            dict.update(self, values)
            dict.update(self, extra)
            self._complete = True
        return self

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineData):
            other.complete()
        return dict.__eq__(self.complete(), other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None

    @classmethod
    def fromkeys(cls, keys: Any, value: Any = None) -> dict[str, Any]:  # type: ignore[override]
        """A plain dict: a line's data is made from a line, not from keys."""
        return dict.fromkeys(keys, value)

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        """Copied and pickled as the plain dict of all its fields."""
        return (dict, (dict.copy(self.complete()),))


def _completing(name: str) -> Callable[..., Any]:
    method = getattr(dict, name)

    @functools.wraps(method)
    def call(self: LineData, *args: Any, **kwargs: Any) -> Any:
        args = tuple(a.complete() if isinstance(a, LineData) else a for a in args)
        return method(self.complete(), *args, **kwargs)

    return call


for _name in (
    *("__contains__", "__iter__", "__len__", "__repr__", "__reversed__", "__or__", "__ror__"),
    *("__ior__", "__delitem__"),
    *("keys", "items", "values", "get", "pop", "popitem", "setdefault", "copy", "clear"),
    "update",
):
    setattr(LineData, _name, _completing(_name))
