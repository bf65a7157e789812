"""Body blocks: paragraphs of inline runs, bullet and numbered lists, tables.

A paragraph is a list of inline pieces: plain text spans (optionally bold or
italic) and typed statistics (tallies, ratios). Plain strings are accepted
wherever a paragraph or a span is expected, so YAML stays readable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from ..i18n import _
from .numbering import LevelStyle
from .statistics import Ratio, Tally
from .tables import Table
from .types import Model, Text

__all__ = [
    "Block",
    "BulletList",
    "Inline",
    "ListItem",
    "NumberedList",
    "Paragraph",
    "Span",
    "Table",
    "inline_text",
]


class Span(Model):
    """A run of text with its emphasis."""

    type: Literal["span"] = "span"
    text: Text
    bold: bool = False
    italic: bool = False


def _inline_tag(value: Any) -> str:
    if isinstance(value, str):
        return "span"
    if isinstance(value, dict):
        return str(value.get("type", "span"))
    return str(getattr(value, "type", "span"))


def _span_from_str(value: Any) -> Any:
    return {"type": "span", "text": value} if isinstance(value, str) else value


Inline = Annotated[
    Annotated[Span, Tag("span")] | Annotated[Tally, Tag("tally")] | Annotated[Ratio, Tag("ratio")],
    Discriminator(_inline_tag),
]


def inline_text(pieces: Sequence[Span | Tally | Ratio]) -> str:
    """The plain text of inline pieces, statistics in their sentence form."""
    return "".join(p.text if isinstance(p, Span) else p.sentence() for p in pieces)


def _paragraph_data(data: Any) -> Any:
    """``"text"`` or ``{text: …}`` as one plain span; strings in ``spans`` as spans."""
    if isinstance(data, str):
        return {"spans": [{"type": "span", "text": data}]}
    if isinstance(data, dict):
        data = dict(data)
        if "text" in data:
            if "spans" in data:
                raise ValueError(_("ghi text hoặc spans, không ghi cả hai"))
            data["spans"] = [{"type": "span", "text": data.pop("text")}]
        if isinstance(data.get("spans"), list):
            data["spans"] = [_span_from_str(s) for s in data["spans"]]
    return data


class Paragraph(Model):
    """A body paragraph; ``text`` is shorthand for a single plain span."""

    type: Literal["paragraph"] = "paragraph"
    spans: tuple[Inline, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        """Accept ``"text"`` or ``{text: …}`` as one plain span, and strings in ``spans``."""
        return _paragraph_data(data)

    @property
    def text(self) -> str:
        return inline_text(self.spans)


class ListItem(Paragraph):
    """A list item: its text, and the blocks nested under it (a sub-list, a paragraph)."""

    children: tuple[Block, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        """Like a paragraph; ``{text: …, children: […]}`` nests blocks under the item."""
        if isinstance(data, Paragraph) and not isinstance(data, ListItem):
            return {"spans": data.spans}
        if isinstance(data, dict) and "children" in data:
            data = dict(data)
            children = data.pop("children")
            return {**_paragraph_data(data), "children": children}
        return _paragraph_data(data)


class BulletList(Model):
    """Items each starting with the bullet mark: ``-``, ``–``, ``+``, ``*``, ``•``."""

    type: Literal["bullets"] = "bullets"
    items: tuple[ListItem, ...] = Field(min_length=1)
    marker: Text = "-"


_ARABIC = LevelStyle(format="arabic")
"""The default label pattern, ``1.``: frozen, so every list shares the one object."""


class NumberedList(Model):
    """Numbered paragraphs ("1. Tiếp tục …", "a) …", "(1) …") that are body text, not headings."""

    type: Literal["numbered"] = "numbered"
    items: tuple[ListItem, ...] = Field(min_length=1)
    start: int = Field(default=1, ge=0)
    marker: LevelStyle = Field(default_factory=lambda: _ARABIC)
    """The label pattern, as for heading levels: ``"1."``, ``"1/"``, ``"(1)"``, ``"a)"``."""

    def label(self, j: int) -> str:
        """The label of item ``j`` (0-based)."""
        return self.marker.label(self.start + j)


def _block_tag(value: Any) -> str:
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        return str(value.get("type", "paragraph"))
    return str(getattr(value, "type", "paragraph"))


Block = Annotated[
    Annotated[Paragraph, Tag("paragraph")]
    | Annotated[BulletList, Tag("bullets")]
    | Annotated[NumberedList, Tag("numbered")]
    | Annotated[Table, Tag("table")],
    Discriminator(_block_tag),
]
"""A body block; a plain string is a paragraph."""

ListItem.model_rebuild()
