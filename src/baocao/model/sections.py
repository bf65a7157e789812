"""The section tree: titled, numbered sections holding blocks and subsections."""

from __future__ import annotations

from .blocks import Block, Paragraph
from .types import Model, Text

__all__ = ["Section"]


class Section(Model):
    """A numbered heading with its body; numbering comes from the document scheme.

    ``title`` may hold line breaks: each line prints as its own line of the
    heading, never as one justified line broken by hand.
    """

    title: Text
    label: Text | None = None
    """The label as written (``"1/"``; ``""`` for none) instead of the scheme's; takes no number."""
    run_in: Paragraph | None = None
    """Text that runs on in the heading's paragraph: ``a) Về cải cách thể chế: đã ban hành …``."""
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
