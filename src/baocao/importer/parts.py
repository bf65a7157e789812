"""What the recognizers found, before it is mapped onto the model: values with their places.

Kept apart from the model on purpose: the model grows (lenient mode, issuer
blocks, closing forms) and only :mod:`.mapping` has to follow it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .source import Run, Where

__all__ = [
    "AppendixParts",
    "Found",
    "HeaderParts",
    "Heading",
    "Piece",
    "Recognized",
    "SignerParts",
    "TailParts",
]


@dataclass(frozen=True, slots=True)
class Found:
    """A piece of source text and where it was."""

    text: str
    where: Where


@dataclass
class HeaderParts:
    family: Literal["dang", "nha_nuoc"] | None = None
    family_from: str = ""
    """Why the family was chosen: the motto, or the clue it was guessed from."""
    motto: list[Found] = field(default_factory=list)
    issuer: list[Found] = field(default_factory=list)
    issuer_bold: list[bool | None] = field(default_factory=list)
    separator: str | None = None
    """The mark under the issuer as the model names it: ``*``, ``***``, ``rule``."""
    number: Found | None = None
    """The number as written, without the ``Số``/``Số:`` prefix."""
    place: Found | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    date_written: str = ""
    """``ngày 05 tháng 12 năm 2025`` as written (blank day kept)."""
    latest_year: int | None = None
    """The latest year the text mentions: the date's year when the header has none."""
    doc_type: Found | None = None
    subject: list[Found] = field(default_factory=list)
    vv: list[Found] = field(default_factory=list)
    """A công văn's trích yếu, ``V/v …``, without the ``V/v``."""
    addressees: list[Found] = field(default_factory=list)
    leftovers: list[Found] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered (or part) heading: its level in this document, marker form and title."""

    depth: int
    kind: str
    """``part``, ``upper``, ``roman``, ``arabic``, ``dotted``, ``paren``, ``alpha``."""
    marker: str
    suffix: str
    title: str
    where: Where
    runs: tuple[Run, ...] = ()
    run_in: str = ""
    """The text after a run-in heading (``1. Thuận lợi: đội ngũ …``)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A body block: paragraph, list item, or table."""

    kind: Literal["paragraph", "bullet", "numbered", "table"]
    where: Where
    text: str = ""
    runs: tuple[Run, ...] = ()
    marker: str = ""
    number: int | None = None
    level: int = 0
    """List nesting depth from Word (0: unknown, judged by the marker)."""
    rows: tuple[tuple[str, ...], ...] | None = None
    caption: str = ""
    unit: str = ""
    header: tuple[tuple[tuple[str, int, int], ...], ...] | None = None


@dataclass
class SignerParts:
    authority: str | None = None
    on_behalf: Found | None = None
    titles: list[Found] = field(default_factory=list)
    signed: bool = False
    """``(Đã ký)`` stood where the signature was."""
    digital: Found | None = None
    """``Ký bởi: … Thời gian ký: …``, the digital-signature line."""
    name: Found | None = None


@dataclass
class AppendixParts:
    label: Found
    title: list[Found] = field(default_factory=list)
    note: Found | None = None
    body: list[Heading | Piece] = field(default_factory=list)


@dataclass
class TailParts:
    closing: list[Found] = field(default_factory=list)
    recipients_label: Found | None = None
    recipients: list[Found] = field(default_factory=list)
    archive: Found | None = None
    signer: SignerParts | None = None
    signers: list[SignerParts] = field(default_factory=list)
    """A joint report's signers, left to right."""
    appendices: list[AppendixParts] = field(default_factory=list)
    leftovers: list[Found] = field(default_factory=list)


@dataclass
class Recognized:
    header: HeaderParts
    preamble: list[Piece]
    body: list[Heading | Piece]
    tail: TailParts
