"""Small stand-ins that let docxtpl's own methods run on a template compiled once.

docxtpl's rendering steps are methods of ``DocxTemplate`` that compile Jinja
through ``jinja_env.from_string`` and keep per-document state on the instance.
To reuse them unchanged, ``engines.compiled`` hands them:

* ``Recorder`` (at preparation) and ``Precompiled`` (per document): the one
  environment method docxtpl calls, answered with templates compiled once;
* ``DocumentState``: a fresh ``self`` per document for the methods that keep
  state (``render_xml_part``, ``fix_docpr_ids``, ``render_properties``);
* ``after_render``: what ``render_xml_part`` does to Jinja's output, without
  redoing its work on the template source each time; used only when
  ``after_render_matches_docxtpl()`` finds it equal to the installed docxtpl's;
* ``refusing_live``: a Jinja ``finalize`` that stops the render when a value
  needs a live ``DocxTemplate`` (``InlineImage``, ``Subdoc``).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Mapping
from typing import Any

import docxtpl
from docx.opc.coreprops import CoreProperties
from docxtpl import DocxTemplate, InlineImage, Listing, RichText, RichTextParagraph
from jinja2 import Environment, Template, nodes
from lxml import etree
from markupsafe import Markup, escape

from .docx_context import WordTable
from .grids import note_built_table

__all__ = [
    "LIVE_TYPES",
    "BuiltMarkup",
    "DocumentState",
    "NeedsDocxtpl",
    "Precompiled",
    "Recorder",
    "after_render",
    "after_render_matches_docxtpl",
    "has_listing_bytes",
    "keep_marks",
    "refusing_live",
]

LIVE_TYPES: tuple[type, ...] = tuple(
    t for t in (InlineImage, getattr(docxtpl, "Subdoc", None)) if isinstance(t, type)
)
"""Values that change the package beyond their own XML, so need a live ``DocxTemplate``."""


class NeedsDocxtpl(Exception):
    """A printed value needs docxtpl's full path; the engine renders the document there."""


def refusing_live(prior: Callable[..., Any] | None) -> Callable[..., Any]:
    """A Jinja ``finalize`` (run on every printed value) that raises ``NeedsDocxtpl``.

    Checking what is printed, instead of walking the whole context before each
    document, costs one call per ``{{ }}`` and catches the value wherever it
    sits. An existing ``finalize`` keeps working, with its calling convention.
    """

    def finalize(*args: Any) -> Any:
        value = prior(*args) if prior is not None else args[-1]
        if isinstance(value, LIVE_TYPES):
            raise NeedsDocxtpl(type(value).__name__)
        return value

    pass_arg = getattr(prior, "jinja_pass_arg", None)
    if pass_arg is not None:
        finalize.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    return finalize


_MARK_PIECES = ("{_", "_}")
_TEXT_MARKUP = (Markup, RichText, RichTextParagraph, Listing, WordTable)
"""Values whose markup is text built from user data, with no side effect when read."""
_BUILT = frozenset({RichText, RichTextParagraph, Listing})
"""The exact types whose markup docxtpl builds from escaped text and holds (a subclass
may build anything, so its markup is checked like any other; tables: ``BuiltMarkup``)."""


def keep_marks(value: Any) -> Any:
    """A Jinja ``finalize`` that keeps user text holding ``{_{`` ``}_}`` ``{_%`` ``%_}`` as typed.

    docxtpl turns those four marks back into ``{{ }} {% %}`` in the rendered
    XML (``after_render``), to let template authors print tag marks; applied to
    the whole output, it also rewrote the same characters in user data
    (``a {_{ b }_} c`` came out as ``a {{ b }} c``). Every mark holds ``{_`` or
    ``_}``, so a printed value holding either has its underscore written as the
    character reference ``&#95;``: the same character once parsed, but no mark
    for the replace to find. Values without those pairs (nearly all) pass as
    they are; markup (``RichText``, tables) is treated the same way, and a
    reference is as valid in an attribute as in text.
    """
    if type(value) is str:
        if "_" not in value or not any(p in value for p in _MARK_PIECES):
            return value
        return Markup(_unmark(str(escape(value))))
    if not isinstance(value, _TEXT_MARKUP):  # others' __html__ may act (InlineImage inserts)
        return value
    markup = str(value.__html__())
    if "_" in markup and any(p in markup for p in _MARK_PIECES):
        return Markup(_unmark(markup))  # rewritten: checked as any markup
    kind = type(value)
    if kind is WordTable:  # its markup is built from every cell: handed on, not rebuilt
        note_built_table(markup)
        return BuiltMarkup(markup)
    return value if kind in _BUILT else Markup(markup)  # RichText & co. hold their markup


class BuiltMarkup(Markup):
    """The markup of a body table (``WordTable``, that exact type), read once by ``keep_marks``.

    Why a type of its own: a table's ``__html__`` builds its XML from every cell
    and was called again by the escaping step; this string is printed as it is,
    and ``engines.wellformed`` knows it as markup built from escaped text, like
    the table it came from (a plain ``Markup`` is checked). ``RichText`` and the
    like hold their markup already and are handed on as they are.
    """

    __slots__ = ()


def _unmark(xml: str) -> str:
    return xml.replace("{_", "{&#95;").replace("_}", "&#95;}")


class _TextProperties:
    """Core properties whose rendered values are taken as text, not escaped XML.

    docxtpl renders a property (``{{ header.subject }}`` in the title) through
    the escaping environment and stores the result as the property's text, so
    ``&`` became ``&amp;`` in the document's title; the rendered value is
    unescaped once, which gives back exactly the printed text.
    """

    def __init__(self, props: CoreProperties) -> None:
        object.__setattr__(self, "_props", props)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._props, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._props, name, html.unescape(value) if isinstance(value, str) else value)


class _Silent:
    """Stands in for a template while compiling: renders nothing, needs no data."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        return ""


class Recorder:
    """An environment that compiles what docxtpl hands it and remembers it by source."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.templates: dict[str, Template] = {}
        self.last_source = ""
        self.last_tree: nodes.Template | None = None
        """The syntax tree of the last source, kept for checks on it (parsed once)."""

    def from_string(self, source: str) -> _Silent:
        self.last_tree = self.env.parse(source)
        self.templates[source] = self.env.from_string(self.last_tree)
        self.last_source = source
        return _Silent()


class Precompiled:
    """What docxtpl calls on a Jinja environment, answered with templates compiled once.

    docxtpl compiles with ``jinja_env.from_string(source)``; the source it builds
    from a part is the same for every document, so the template compiled for it
    at preparation time is returned. An unknown source is compiled as usual.
    """

    def __init__(self, env: Environment, templates: Mapping[str, Template]) -> None:
        self.env = env
        self.templates = dict(templates)

    def from_string(self, source: str) -> Template:
        found = self.templates.get(source)
        return found if found is not None else self.env.from_string(source)


LISTING_CHARS = "\t\a\n\f"
"""What docxtpl's ``resolve_listing`` rewrites in ``<w:t>``: tab, new paragraph, break, page."""

_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>[^<]*(?:<(?!/w:p>)[^<]*)*</w:p>")
"""The paragraphs ``resolve_listing`` rewrites one by one: its ``<w:p(?: [^>]*)?>.*?</w:p>``
(DOTALL), unrolled so it runs without the lazy dot; the matches are the same."""


def has_listing_chars(xml: str) -> bool:
    return any(char in xml for char in LISTING_CHARS)


def has_listing_bytes(xml: bytes) -> bool:
    """``has_listing_chars`` on UTF-8 (the characters are ASCII)."""
    return any(code in xml for code in LISTING_CHARS.encode("ascii"))


class DocumentState:
    """Stands in for docxtpl's ``self`` in the methods run for each document.

    They keep per-document state on the instance: the part being rendered
    (``render_xml_part``), the docPr id counter (``fix_docpr_ids``), the core
    properties (``render_properties``). A fresh object per document keeps the
    compiled template immutable and shareable between threads.
    """

    def __init__(self, core: etree._Element | None = None) -> None:
        self.current_rendering_part: Any = None
        self.docx_ids_index = 1000
        self.docx = self
        self.core_element = core
        self.core_properties = _TextProperties(CoreProperties(core)) if core is not None else None
        self.rewritten: list[str] = []
        """Paragraphs ``resolve_listing`` changed, as it wrote them."""

    def resolve_listing(self, xml: str) -> str:
        """docxtpl's ``resolve_listing``, run only on the paragraphs it would change.

        It rewrites paragraph by paragraph and leaves a paragraph without a
        listing character as it is; its nested regex passes over every run are
        the largest cost of a render, and most paragraphs hold no such character.
        """
        if not has_listing_chars(xml):
            return xml
        out: list[str] = []
        done = 0
        for start, end in _paragraphs_with_listing_chars(xml):
            rewritten = str(DocxTemplate.resolve_listing(self, xml[start:end]))
            out += [xml[done:start], rewritten]
            self.rewritten.append(rewritten)
            done = end
        out.append(xml[done:])
        return "".join(out)


def _paragraphs_with_listing_chars(xml: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs (as ``resolve_listing`` matches them) holding a listing character.

    Without text boxes (``w:txbxContent``) paragraphs do not nest, so the one
    around a character runs from the last ``<w:p>`` opening before it to the
    first ``</w:p>`` after that opening: found from the few characters, not by
    walking every paragraph. With text boxes, every paragraph is walked.
    """
    if "txbxContent" in xml:
        return [m.span() for m in _PARAGRAPH.finditer(xml) if has_listing_chars(m.group(0))]
    spans: set[tuple[int, int]] = set()
    for char in LISTING_CHARS:
        at = xml.find(char)
        while at >= 0:
            start = max(xml.rfind("<w:p>", 0, at), xml.rfind("<w:p ", 0, at))
            end = xml.find("</w:p>", start) if start >= 0 else -1
            if end >= at:
                spans.add((start, end + len("</w:p>")))
            at = xml.find(char, at + 1)
    return sorted(spans)


def after_render(xml: bytes) -> bytes:
    """Jinja's output (UTF-8) as ``render_xml_part`` hands it to ``resolve_listing``.

    docxtpl puts a newline before each ``<w:p`` of the source (so Jinja's line
    numbers count paragraphs) and takes it out again after rendering, then
    turns the escaped tag marks ``{_{`` ``}_}`` ``{_%`` ``%_}`` back. Its regex for
    the newlines and its four replaces run over the whole part per document;
    these plain replaces on the encoded bytes do the same (every mark is ASCII,
    which UTF-8 never uses inside another character), and skip the marks when
    there are none.
    """
    xml = xml.replace(b"\n<w:p>", b"<w:p>").replace(b"\n<w:p ", b"<w:p ")
    if b"_" in xml and (b"{_" in xml or b"_}" in xml):  # one fast scan first
        for escaped, mark in ((b"{_{", b"{{"), (b"}_}", b"}}"), (b"{_%", b"{%"), (b"%_}", b"%}")):
            xml = xml.replace(escaped, mark)
    return xml


class _Echo:
    """An environment whose every template renders ``text``: a probe for ``render_xml_part``."""

    def __init__(self, text: str) -> None:
        self.text = text

    def from_string(self, source: str) -> _Echo:
        return self

    def render(self, *args: Any, **kwargs: Any) -> str:
        return self.text


class _AsIs:
    """A ``self`` for ``render_xml_part`` whose ``resolve_listing`` changes nothing."""

    current_rendering_part: Any = None

    def resolve_listing(self, xml: str) -> str:
        return xml


@functools.cache
def after_render_matches_docxtpl() -> bool:
    """Whether ``after_render`` does what the installed docxtpl does, on a probe of every case."""
    probe = '\n<w:p>a\n<w:p w:x="1">\n\n<w:p>\n<w:pPr/>{_{ x }_}{_% y %_} {_ _}\n<w:p\n'
    theirs = DocxTemplate.render_xml_part(_AsIs(), "<w:p>", None, {}, _Echo(probe))
    return bool(theirs.encode("utf-8") == after_render(probe.encode("utf-8")))
