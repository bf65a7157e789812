"""Finding every Jinja tag in a .docx, with the paragraph it sits in and how Word stored it.

Why read the raw XML: Word stores a paragraph as runs (``<w:r>``) of text
(``<w:t>``), split wherever formatting, spell-check marks or editing sessions
(rsid) change, so ``{{ header.symbol }}`` may be stored as ``{{ header.`` in one
run and ``symbol }}`` in the next. docxtpl joins many such splits before Jinja
sees the text (``DocxTemplate.patch_xml``), but not all: this module runs the
same patch on each paragraph to tell which splits it repairs and which it
leaves broken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docxtpl import DocxTemplate
from lxml import etree

from ..ooxml import W
from .archive import parse_part, read_members

__all__ = [
    "CORE_PROPS_RENDERED",
    "DocxPart",
    "Place",
    "Tag",
    "TextBlock",
    "read_parts",
    "scan_block",
]

_W = W

CORE_PROPS_RENDERED = frozenset(
    ["author", "comments", "identifier", "language", "subject", "title"]
)
"""Document properties docxtpl renders; tags in the others print as typed."""

_PART_RE = re.compile(
    r"^(word/document\.xml|word/header\d*\.xml|word/footer\d*\.xml|"
    r"word/footnotes\.xml|word/endnotes\.xml|docProps/core\.xml)$"
)
UNRENDERED_PARTS = frozenset(["word/endnotes.xml"])
"""Parts docxtpl leaves alone: a tag there is printed as typed."""

TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENERS = re.compile(r"\{\{|\{%|\{#")
_CLOSERS = re.compile(r"\}\}|%\}|#\}")
_PREFIX_RE = re.compile(
    r"^(?P<open>\{[{%#])(?:(?P<prefix>p|r|tr|tc)(?=\s))?(?P<inner>.*?)(?P<close>[}%#]\})$",
    re.DOTALL,
)


@dataclass(frozen=True)
class Place:
    """Where a piece of text sits: file, XML part, 1-based paragraph number, its text."""

    file: str
    part: str
    paragraph: int | None
    text: str


@dataclass(frozen=True)
class Tag:
    """One Jinja tag as typed in Word."""

    place: Place
    raw: str
    """The tag exactly as in the paragraph text: ``{%p for line in body %}``."""
    pieces: int
    """How many ``<w:t>`` text elements it is stored in (1 = not split)."""

    @property
    def _parts(self) -> re.Match[str]:
        m = _PREFIX_RE.match(self.raw)
        assert m is not None  # TAG_RE only yields well-delimited tags
        return m

    @property
    def kind(self) -> str:
        """``{{`` (print), ``{%`` (statement) or ``{#`` (comment)."""
        return self._parts["open"]

    @property
    def prefix(self) -> str:
        """docxtpl's scope letter(s): ``p`` paragraph, ``tr`` row, ``tc`` cell, ``r`` run."""
        return self._parts["prefix"] or ""

    @property
    def inner(self) -> str:
        """The Jinja code between the delimiters, without docxtpl's prefix."""
        return self._parts["inner"]

    @property
    def jinja(self) -> str:
        """The tag as Jinja sees it after docxtpl's clean-up (prefix dropped, quotes straight)."""
        close = self._parts["close"]
        return f"{self.kind}{straighten(self.inner)}{close}"


@dataclass(frozen=True)
class TextBlock:
    """A paragraph (or a document property) with its tags and the problems of its XML."""

    place: Place
    tags: tuple[Tag, ...]
    dangling: tuple[str, ...]
    """Tag delimiters left open or closed without a partner in this paragraph."""
    in_table: bool
    patched: str | None
    """The paragraph's XML after docxtpl's patch, or None when it is no longer XML."""


@dataclass(frozen=True)
class DocxPart:
    """One XML part of a .docx that docxtpl renders (or, for endnotes, does not)."""

    file: str
    name: str
    blocks: tuple[TextBlock, ...]
    sections: int
    """Number of ``<w:sectPr>`` in the part (docxtpl renders footnotes once per section)."""


_SMART = {"“": '"', "”": '"', "‘": "'", "’": "'"}


def straighten(text: str) -> str:
    """Replace the quotes docxtpl straightens (“ ” ‘ ’) as it does before Jinja parses."""
    for curly, plain in _SMART.items():
        text = text.replace(curly, plain)
    return text


def _texts_of(p: etree._Element) -> list[etree._Element]:
    """``<w:t>`` elements of this paragraph, not of paragraphs nested in text boxes."""
    out = []
    for t in p.iter(f"{_W}t"):
        owner = next(t.iterancestors(f"{_W}p"), None)
        if owner is p:
            out.append(t)
    return out


def _patched(p: etree._Element) -> str | None:
    xml = etree.tostring(p, encoding="unicode")
    patched: str = DocxTemplate.patch_xml(None, xml)
    stripped = TAG_RE.sub("", patched)
    if not stripped.strip():
        return patched
    try:
        etree.fromstring(stripped)
    except etree.XMLSyntaxError:
        return None
    return patched


def scan_block(
    place: Place, pieces: list[str], *, in_table: bool = False, patched: str | None = ""
) -> TextBlock:
    """Tags of one paragraph whose text is stored in ``pieces`` (one per ``<w:t>``)."""
    text = "".join(pieces)
    bounds = []
    pos = 0
    for piece in pieces:
        pos += len(piece)
        bounds.append(pos)
    tags = []
    for m in TAG_RE.finditer(text):
        first = next(i for i, b in enumerate(bounds) if b > m.start())
        last = next(i for i, b in enumerate(bounds) if b >= m.end())
        tags.append(Tag(place=place, raw=m.group(0), pieces=last - first + 1))
    rest = TAG_RE.sub(" ", text)
    dangling = tuple(_OPENERS.findall(rest) + _CLOSERS.findall(rest))
    return TextBlock(place, tuple(tags), dangling, in_table, patched)


def _xml_blocks(file: str, name: str, root: etree._Element) -> Iterator[TextBlock]:
    for i, p in enumerate(root.iter(f"{_W}p"), start=1):
        ts = _texts_of(p)
        pieces = [t.text or "" for t in ts]
        text = "".join(pieces)
        if not any(d in text for d in ("{", "}")):
            continue
        in_table = next(p.iterancestors(f"{_W}tc"), None) is not None
        yield scan_block(Place(file, name, i, text), pieces, in_table=in_table, patched=_patched(p))


def _core_blocks(file: str, root: etree._Element) -> Iterator[TextBlock]:
    for i, el in enumerate(root, start=1):
        text = el.text or ""
        if "{" not in text and "}" not in text:
            continue
        prop = etree.QName(el).localname
        place = Place(file, f"docProps/core.xml ({prop})", i, text)
        yield scan_block(place, [text])


def read_parts(path: Path, label: str | None = None) -> list[DocxPart]:
    """Every renderable XML part of a .docx, scanned for tags; ``label`` names the file."""
    file = label or str(path)
    out = []
    members = read_members(path, file)
    for name in sorted(n for n in members if _PART_RE.match(n)):
        root = parse_part(members[name], f"{file}: {name}")
        if name == "docProps/core.xml":
            blocks = tuple(_core_blocks(file, root))
            sections = 0
        else:
            blocks = tuple(_xml_blocks(file, name, root))
            sections = sum(1 for _ in root.iter(f"{_W}sectPr"))
        out.append(DocxPart(file, name, blocks, sections))
    return out
