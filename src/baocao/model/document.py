"""The generic document every template renders, and the checker settings it carries."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .blocks import Paragraph
from .closing import Recipients, Signer, check_signing_form
from .header import Header
from .numbering import NumberingScheme, default_numbering
from .sections import Section
from .types import Family, Model, Text

__all__ = ["CheckConfig", "Document"]


class CheckConfig(Model):
    """Checker settings kept with the report: rule codes switched off for it."""

    disable: list[Text] = Field(default_factory=list)


class Document(Model):
    """Any report as a tree: header, preamble, numbered sections, closing.

    Report kinds with their own schema (``ImplementationReport``) convert to this;
    other kinds are written as this tree directly.
    """

    kind: Literal["document"] = "document"
    header: Header
    preamble: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    closing: Text | None = None
    signer: Signer | None = None
    recipients: Recipients | None = None
    numbering: NumberingScheme | None = None
    check: CheckConfig = Field(default_factory=CheckConfig)

    @model_validator(mode="after")
    def _family_rules(self) -> Document:
        check_signing_form(self.signer, self.family, type(self).__name__)
        return self

    @property
    def family(self) -> Family:
        return self.header.family

    @property
    def scheme(self) -> NumberingScheme:
        """The numbering in force: the document's own, else its family's."""
        return self.numbering or default_numbering(self.family)

    def to_document(self) -> Document:
        return self
