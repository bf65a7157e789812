"""The generic document every template renders, and the checker settings it carries."""

from __future__ import annotations

import functools
from typing import Literal

from pydantic import Field, model_validator

from .appendices import Appendix
from .blocks import Block, Paragraph
from .closing import Recipients, Signer, check_one_signer_form, check_signing_form
from .header import Header
from .numbering import NumberingScheme, default_numbering
from .registry import AnyReport
from .sections import Section
from .types import Family, Model, Text

__all__ = ["CheckConfig", "Document"]


class CheckConfig(Model):
    """Checker settings kept with the report: rule codes switched off for it."""

    disable: tuple[Text, ...] = ()


class Document(AnyReport):
    """Any report as a tree: header, preamble, numbered sections, closing.

    Report kinds with their own schema (``ImplementationReport``) convert to this;
    other kinds are written as this tree directly.
    """

    kind: Literal["document"] = "document"
    header: Header
    preamble: tuple[Paragraph, ...] = ()
    blocks: tuple[Block, ...] = ()
    """Unnumbered body blocks before the first section."""
    sections: tuple[Section, ...] = ()
    closing: Text | None = None
    signer: Signer | None = None
    signers: tuple[Signer, ...] = Field(default=(), max_length=3)
    """A joint report's signers (up to three), side by side left to right; not with ``signer``."""
    recipients: Recipients | None = None
    numbering: NumberingScheme | None = None
    appendices: tuple[Appendix, ...] = ()
    check: CheckConfig = Field(default_factory=CheckConfig)

    @model_validator(mode="after")
    def _family_rules(self) -> Document:
        """A signing form the family lacks is refused at load, where it was written."""
        check_signing_form(self.signer, self.family, type(self).__name__)
        for i, s in enumerate(self.signers or ()):
            check_signing_form(s, self.family, type(self).__name__, ("signers", i))
        return self

    @model_validator(mode="after")
    def _one_signer_form(self) -> Document:
        """``signer`` or ``signers``, not both."""
        check_one_signer_form(self.signer, self.signers)
        return self

    @property
    def all_signers(self) -> list[Signer]:
        """Every signer, left to right (none when the report is unsigned)."""
        return list(self.signers) if self.signers else [self.signer] if self.signer else []

    @property
    def family(self) -> Family:
        return self.header.family

    @property
    def scheme(self) -> NumberingScheme:
        """The numbering in force: the document's own, else its family's."""
        return _scheme(self.numbering, self.family)

    def to_document(self) -> Document:
        return self


@functools.lru_cache(maxsize=256)
def _scheme(numbering: NumberingScheme | None, family: Family) -> NumberingScheme:
    """Resolved once per scheme and family: schemes are frozen, and an office uses a few."""
    return (numbering or default_numbering(family)).resolved(family)
