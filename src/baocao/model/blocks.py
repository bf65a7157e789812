"""Body blocks: paragraphs of inline runs, bullet and numbered lists, tables.

A paragraph is a list of inline pieces: plain text spans (optionally bold or
italic) and typed statistics (tallies, ratios). Plain strings are accepted
wherever a paragraph or a span is expected, so YAML stays readable.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from .statistics import Ratio, Tally
from .types import Model, Text

__all__ = [
    "Block",
    "BulletList",
    "Inline",
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


def inline_text(pieces: list[Span | Tally | Ratio]) -> str:
    """The plain text of inline pieces, statistics in their sentence form."""
    return "".join(p.text if isinstance(p, Span) else p.sentence() for p in pieces)


class Paragraph(Model):
    """A body paragraph; ``text`` is shorthand for a single plain span."""

    type: Literal["paragraph"] = "paragraph"
    spans: list[Inline] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        """Accept ``"text"`` or ``{text: …}`` as one plain span, and strings in ``spans``."""
        if isinstance(data, str):
            return {"spans": [{"type": "span", "text": data}]}
        if isinstance(data, dict):
            data = dict(data)
            if "text" in data:
                if "spans" in data:
                    raise ValueError("give either text or spans, not both")
                data["spans"] = [{"type": "span", "text": data.pop("text")}]
            if isinstance(data.get("spans"), list):
                data["spans"] = [_span_from_str(s) for s in data["spans"]]
        return data

    @property
    def text(self) -> str:
        return inline_text(self.spans)


class BulletList(Model):
    """Items each starting with the bullet mark, the seed's "- Một số …" lists."""

    type: Literal["bullets"] = "bullets"
    items: list[Paragraph] = Field(min_length=1)
    marker: Text = "-"


class NumberedList(Model):
    """Numbered paragraphs ("1. Tiếp tục …") that are body text, not headings."""

    type: Literal["numbered"] = "numbered"
    items: list[Paragraph] = Field(min_length=1)
    start: int = Field(default=1, ge=0)


class Table(Model):
    """A real table: a header row and rows of cells of the same width."""

    type: Literal["table"] = "table"
    caption: Text | None = None
    header: list[Text] = Field(min_length=1)
    rows: list[list[Text]] = Field(default_factory=list)
    widths: list[Annotated[float, Field(gt=0, allow_inf_nan=False)]] | None = None
    """Relative column widths; equal when omitted."""

    @model_validator(mode="after")
    def _rows_match_header(self) -> Table:
        """Every row has as many cells as the header."""
        bad = [
            f"rows[{i}] has {len(r)} cells, header has {len(self.header)}"
            for i, r in enumerate(self.rows)
            if len(r) != len(self.header)
        ]
        if self.widths is not None and len(self.widths) != len(self.header):
            bad.append(f"widths has {len(self.widths)} values, header has {len(self.header)}")
        if bad:
            raise ValueError("; ".join(bad))
        return self


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
