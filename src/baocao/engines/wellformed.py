"""Knowing, without parsing each document, that a rendered body is well-formed XML.

Why: docxtpl parses every rendered body again (``fix_tables``) just to find
the few tables whose grid needs fixing; for a compiled template that parse and
the re-serialization are over a third of the time per document. Two checks
together make it unnecessary:

* once per template, ``prove_balanced`` walks the template's Jinja syntax tree,
  scanning its literal XML: every ``{% if %}`` branch and every ``{% for %}``
  body must leave the open elements as it found them, and every printed value
  must sit in element content, not inside a tag. Then any run of the template,
  whichever branches and however many loop turns, emits balanced XML around
  its values;
* per document, ``ValueWatch`` (the environment's ``finalize``, which sees each
  printed value) notes markup (``__html__``) that is not a well-formed fragment,
  parsing it on its own, once; text is escaped by Jinja, and docxtpl's own
  builders (``RichText``, ``RichTextParagraph``, ``Listing``) and baocao's
  ``WordTable`` escape theirs.
  Characters XML forbids are looked for once, in the encoded result
  (``has_forbidden_chars``), which is faster than asking each value.

A document with a note or a forbidden character, or a template without a
proof, takes docxtpl's parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from contextvars import ContextVar
from typing import Any

from docxtpl import Listing, RichText, RichTextParagraph
from jinja2 import Undefined, nodes
from lxml import etree
from markupsafe import Markup

from ..scoped import scoped
from ..xmlchars import NOT_XML as _NOT_XML
from .docx_context import WordTable
from .docxtpl_shims import BuiltMarkup

__all__ = [
    "ValueWatch",
    "fragment_ok",
    "has_forbidden_chars",
    "prove_balanced",
    "strict_parse",
    "watching",
]

NOT_XML = _NOT_XML
"""Characters XML 1.0 forbids (``baocao.xmlchars``): refused at load, and a rendered
body holding one (from a template or a hook) fails its strict parse."""

_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))
_NONCHARACTERS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")  # U+FFFE, U+FFFF in UTF-8


def has_forbidden_chars(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a character of ``NOT_XML`` (C-speed byte scans)."""
    if len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return True
    # U+FFFE/U+FFFF start with the byte EF, which Vietnamese text hardly uses: scan for it first
    return b"\xef" in data and any(mark in data for mark in _NONCHARACTERS)


_NAME = re.compile(r"[^\s/>]+")


class NotProven(Exception):
    """The template's XML could not be shown balanced; the reason says where."""


class _Scanner:
    """The XML state after some literal text: open elements, and where in a tag we are."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.mode = "text"  # text | tag | attr
        self.pending = ""  # name of the tag being read
        self.quote = ""
        self.slash = False

    def state(self) -> tuple[Any, ...]:
        if self.mode == "text":  # what is left of the last tag does not matter
            return (tuple(self.stack), "text", "", "", False)
        return (tuple(self.stack), self.mode, self.pending, self.quote, self.slash)

    def restore(self, state: tuple[Any, ...]) -> None:
        stack, self.mode, self.pending, self.quote, self.slash = state
        self.stack = list(stack)

    def feed(self, text: str) -> None:
        i, n = 0, len(text)
        while i < n:
            if self.mode == "text":
                i = self._text(text, i)
            elif self.mode == "tag":
                c = text[i]
                if c in "\"'":
                    self.mode, self.quote = "attr", c
                elif c == ">":
                    if not self.slash:
                        self.stack.append(self.pending)
                    self.mode = "text"
                self.slash = c == "/"
                i += 1
            else:
                end = text.find(self.quote, i)
                if end < 0:
                    return
                self.mode, self.slash = "tag", False
                i = end + 1

    def _text(self, text: str, i: int) -> int:
        start = text.find("<", i)
        if start < 0:
            return len(text)
        if text.startswith("</", start):
            end = text.find(">", start)
            name = text[start + 2 : end].strip() if end > 0 else ""
            if end < 0 or not self.stack or self.stack[-1] != name:
                open_ = self.stack[-1] if self.stack else "nothing"
                raise NotProven(f"</{name}> does not close <{open_}> in every branch")
            self.stack.pop()
            return end + 1
        if text.startswith(("<!", "<?"), start):
            raise NotProven("comments, CDATA and processing instructions are not checked")
        match = _NAME.match(text, start + 1)
        if match is None:
            raise NotProven("a '<' that starts no tag")
        self.mode, self.pending, self.slash = "tag", match.group(), False
        return match.end()

    def value(self) -> None:
        if self.mode != "text" or not self.stack:
            raise NotProven("a value is printed inside a tag or outside the root element")


def _walk(body: list[nodes.Node], scan: _Scanner) -> None:
    for node in body:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    scan.feed(child.data)
                else:
                    scan.value()
        elif isinstance(node, nodes.If):
            branches = [node.body, *(e.body for e in node.elif_), node.else_]
            _same_after(branches, scan, "an {% if %} branch")
        elif isinstance(node, nodes.For):
            _same_after([node.body, node.else_], scan, "a {% for %} body")
        elif isinstance(node, nodes.With):
            _walk(node.body, scan)
        elif not isinstance(node, (nodes.Assign, nodes.ExprStmt)):  # ExprStmt: the budget's tick
            raise NotProven(f"{type(node).__name__} blocks are not checked")


def _same_after(branches: list[list[nodes.Node]], scan: _Scanner, what: str) -> None:
    start = scan.state()
    for branch in branches:
        scan.restore(start)
        _walk(branch, scan)
        if scan.state() != start:
            raise NotProven(f"{what} leaves elements open or closes outer ones")
    scan.restore(start)


def prove_balanced(template: nodes.Template) -> str | None:
    """None when every render of ``template`` is balanced XML around its values; else why not."""
    scan = _Scanner()
    try:
        _walk(template.body, scan)
    except NotProven as exc:
        return str(exc)
    if scan.stack or scan.mode != "text":
        return "the template does not end with its root element closed"
    return None


_NOTES: ContextVar[list[str] | None] = ContextVar("baocao_value_notes", default=None)
_SAFE = frozenset(
    {int, float, bool, type(None), RichText, RichTextParagraph, Listing, WordTable, BuiltMarkup}
)
"""Printed as escaped text, or built from escaped text by docxtpl or by baocao (``WordTable``)."""


def watching() -> AbstractContextManager[list[str]]:
    """Collect, for the renders inside, why a printed value may break the XML."""
    return scoped(_NOTES, [])


class ValueWatch:
    """A Jinja ``finalize`` noting printed values that could make the XML ill-formed.

    ``root_open`` / ``root_close`` wrap a markup value to parse it on its own,
    with the namespace declarations of the part it goes into. Outside
    ``watching()`` it only passes values on, through ``prior`` if the
    environment had a finalize of its own (its calling convention is kept).
    """

    def __init__(self, prior: Callable[..., Any] | None, root_open: str, root_close: str) -> None:
        self.prior = prior
        self.root_open = root_open
        self.root_close = root_close
        pass_arg = getattr(prior, "jinja_pass_arg", None)
        if pass_arg is not None:
            self.jinja_pass_arg = pass_arg

    def __call__(self, *args: Any) -> Any:
        value = self.prior(*args) if self.prior is not None else args[-1]
        kind = type(value)
        if kind is str or kind in _SAFE:
            return value
        notes = _NOTES.get()
        html = getattr(value, "__html__", None)
        if notes is None or html is None or isinstance(value, Undefined):
            return value
        markup = str(html())
        if not fragment_ok(markup, self.root_open, self.root_close):
            notes.append(f"a {kind.__name__} value is not a well-formed XML fragment")
        return Markup(markup)


_STRICT = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def strict_parse(data: bytes) -> etree._Element:
    """Parse a rendered part without recovery: broken XML is an error, never dropped text."""
    return etree.fromstring(data, parser=_STRICT)


def fragment_ok(markup: str, root_open: str, root_close: str) -> bool:
    """Whether ``markup`` parses as element content of ``root_open``…``root_close``."""
    if NOT_XML.search(markup):
        return False
    try:
        etree.fromstring((root_open + markup + root_close).encode("utf-8"))
    except etree.XMLSyntaxError:
        return False
    return True
