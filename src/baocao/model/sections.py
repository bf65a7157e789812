"""The section tree: titled, numbered sections holding blocks and subsections."""

from __future__ import annotations

from pydantic import Field

from .blocks import Block
from .types import Model, Text

__all__ = ["Section"]


class Section(Model):
    """A numbered heading with its body; numbering comes from the document scheme."""

    title: Text
    blocks: list[Block] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
