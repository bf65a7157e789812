"""A .docx template prepared once and rendered many times.

Why: docxtpl re-reads the whole package, re-runs its ~20 regex passes, compiles
a fresh Jinja template for every XML part (and each core property) and
re-serializes and re-compresses every part, for every document. For one
template and thousands of reports that is repeated work. ``CompiledDocx`` does
the preparation once, with docxtpl's own functions (``patch_xml``,
``render_xml_part``, ``render_properties``), and per document only renders the
parts that carry tags, with docxtpl's ``fix_tables``, ``fix_docpr_ids`` and
``resolve_listing`` (and ``render_xml_part``'s few steps after Jinja, run on
the bytes once checked equal to the installed docxtpl's), and appends them to a
zip of the unchanged parts, whose compressed bytes are copied as they are
(``engines.rawzip``).

The result is the document docxtpl would produce: the unchanged parts are
what python-docx saves after docxtpl's preparation, and each rendered part goes
through the same docxtpl steps. Two deliberate differences: footnotes are
rendered once (docxtpl renders them once per section, so a value holding
``{{ 7*7 }}`` would be evaluated as a template from the second section on),
and the zip entries have a fixed timestamp, so the same input gives the same
bytes. Objects that need a live ``DocxTemplate`` (``InlineImage`` adds an image
part, ``Subdoc`` merges a document) raise ``NeedsDocxtpl`` when printed;
``baocao.engines.docx`` then renders that document with docxtpl itself.

docxtpl parses each rendered body again to fix table grids; here that parse
is skipped when ``engines.wellformed`` can show the body is well-formed
(checked once per template, and per printed value): only the tables are then
parsed, each on its own, and given to ``fix_tables``. Otherwise (a template
whose XML cannot be proven balanced, a value with forbidden characters or
foreign markup, a drawing whose ids need renumbering) the body takes docxtpl's
full parse, so the document is the same either way.

A ``CompiledDocx`` is immutable and safe to share between threads: the
per-document state docxtpl keeps on its instance (the docPr id counter, core
properties) lives in objects made per call (``engines.docxtpl_shims``).
"""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import Template, meta
from lxml import etree

from ..errors import TemplateError
from ..packs.budget import render_budget
from ..packs.environment import make_environment
from .docxtpl_shims import (
    DocumentState,
    Precompiled,
    Recorder,
    after_render,
    after_render_matches_docxtpl,
    has_listing_bytes,
    keep_marks,
    refusing_live,
)
from .grids import built_tables, grid_is_settled, top_level_tables
from .rawzip import RawZip
from .wellformed import (
    ValueWatch,
    fragment_ok,
    has_forbidden_chars,
    prove_balanced,
    strict_parse,
    watching,
)

__all__ = ["COMPRESS_LEVEL", "ZIP_DATE", "CompiledDocx", "compile_docx"]

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Timestamp of every zip entry: the output depends on the input only."""

COMPRESS_LEVEL = 1
"""zlib level of the rendered parts. Level 1 deflates the body about three times
faster than the default 6 and leaves it about a quarter larger (some 1.3 KB on
the seed report, whose .docx is ~40 KB); the unchanged parts keep python-docx's level."""

_TAG_MARKS = ("{{", "{%", "{#")
_DOCUMENT = "word/document.xml"
_BODY_CLOSE = "</w:body>"
_BODY_CLOSE_UTF8 = _BODY_CLOSE.encode("utf-8")

PartKind = Literal["body", "header", "footnotes"]


def _has_tags(text: str) -> bool:
    return any(mark in text for mark in _TAG_MARKS)


@dataclass(frozen=True)
class _Part:
    member: str
    """Zip member name (``word/header1.xml``)."""
    kind: PartKind
    source: str
    """The patched XML, as docxtpl passes it to ``render_xml_part``."""
    template: Template
    """What Jinja compiled for it, once."""
    encoding: str = "utf-8"


def set_properties(core: Any, properties: Mapping[str, Any]) -> None:
    """Set python-docx core properties by name (``title``, ``author``, ``created`` …)."""
    for name, value in properties.items():
        if value is not None:
            setattr(core, name, value)


class CompiledDocx:
    """A template whose docxtpl preparation and Jinja compilation are done.

    Build with ``compile_docx(template_bytes, draft=…)``; call ``render(context)``
    for each document. Jinja errors propagate unchanged (the engine names them).
    """

    def __init__(self, template: bytes, *, draft: bool = False) -> None:
        self.draft = draft
        tpl = DocxTemplate(io.BytesIO(template))
        tpl.init_docx()
        doc = tpl.docx
        body_source = tpl.patch_xml(tpl.get_xml())
        self._root_open = body_source[: body_source.index(">") + 1]
        self._root_open_utf8 = self._root_open.encode("utf-8")
        env = make_environment(draft=draft)
        env.finalize = ValueWatch(refusing_live(keep_marks), self._root_open, _BODY_CLOSE)
        recorder = Recorder(env)
        parts: list[_Part] = []

        def prepare(
            member: str, kind: PartKind, source: str, encoding: str = "utf-8"
        ) -> str | None:
            """Compile a part with tags (None returned); render a part without tags now."""
            if kind == "body" or _has_tags(source):
                tpl.render_xml_part(source, None, {}, recorder)
                compiled = recorder.templates[recorder.last_source]
                parts.append(_Part(member, kind, source, compiled, encoding))
                return None
            return str(tpl.render_xml_part(source, None, {}, env))

        prepare(_DOCUMENT, "body", body_source)
        assert recorder.last_tree is not None
        self.reparse_reason = prove_balanced(recorder.last_tree)
        """Why every body of this template takes docxtpl's full parse (None: only when needed)."""
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for rel_key, part in list(tpl.get_headers_footers(uri)):
                xml = tpl.get_part_xml(part)
                encoding = tpl.get_headers_footers_encoding(xml)
                done = prepare(part.partname.membername, "header", tpl.patch_xml(xml), encoding)
                if done is not None:
                    tpl.map_headers_footers_xml(rel_key, done.encode(encoding))
        for part in doc.part.package.iter_parts():
            if part.content_type == CT.WML_FOOTNOTES:
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                done = prepare(part.partname.membername, "footnotes", tpl.patch_xml(blob))
                if done is not None:
                    part._blob = done.encode("utf-8")

        core = doc.core_properties  # python-docx adds the part when the template lacks it
        core_part = next(
            p for p in doc.part.package.iter_parts() if p.content_type == CT.OPC_CORE_PROPERTIES
        )
        # Written per document: the report's title, author and date go in (set_properties).
        self._core_member: str | None = core_part.partname.membername
        self._core_templated = _has_tags(core_part.blob.decode("utf-8"))
        if self._core_templated:
            DocxTemplate.render_properties(
                DocumentState(copy.deepcopy(core._element)), {}, recorder
            )
        else:
            tpl.render_properties({}, env)
        self._core_element: etree._Element | None = copy.deepcopy(core._element)

        root = doc.element
        root.replace(root.body, root.makeelement(root.body.tag))
        whole = serialize_part_xml(root)
        if whole.count(b"<w:body/>") != 1:
            raise TemplateError("the template's document.xml has no single <w:body> to render")
        self._head, self._tail = whole.split(b"<w:body/>")

        saved = io.BytesIO()
        doc.save(saved)
        self._parts = tuple(parts)
        self._static = RawZip(saved.getvalue(), frozenset(self.dynamic_parts))
        self._env = Precompiled(env, recorder.templates)
        self.names = frozenset[str]().union(
            *(meta.find_undeclared_variables(env.parse(src)) for src in recorder.templates)
        )
        """The context keys the template's parts name: what a context must provide."""
        self._own_steps = after_render_matches_docxtpl()

    @property
    def dynamic_parts(self) -> tuple[str, ...]:
        """Zip members rendered per document; every other part is copied as compressed."""
        core = (self._core_member,) if self._core_member else ()
        return (*(p.member for p in self._parts), *core)

    def _rendered(self, part: _Part, context: Mapping[str, Any], state: DocumentState) -> bytes:
        """docxtpl's ``render_xml_part`` for ``part`` (in UTF-8), its per-source work done once."""
        if not self._own_steps:
            xml = DocxTemplate.render_xml_part(state, part.source, None, context, self._env)
            return str(xml).encode("utf-8")
        data = after_render(part.template.render(context).encode("utf-8"))
        if has_listing_bytes(data):
            data = state.resolve_listing(data.decode("utf-8")).encode("utf-8")
        return data

    def _render_body(self, part: _Part, context: Mapping[str, Any], *, reparse: bool) -> bytes:
        state = DocumentState()
        if reparse or self.reparse_reason is not None:
            return self._reparsed(state, self._rendered(part, context, state))
        with watching() as notes, built_tables() as built:
            data = self._rendered(part, context, state)
        if (
            notes
            or b"docPr" in data
            or has_forbidden_chars(data)
            or not all(fragment_ok(p, self._root_open, _BODY_CLOSE) for p in state.rewritten)
        ):
            return self._reparsed(state, data)
        return self._head + self._fix_each_table(state, data, built) + self._tail

    def _reparsed(self, state: DocumentState, data: bytes) -> bytes:
        """docxtpl's way: parse the whole body, fix tables and drawing ids.

        docxtpl's parse recovers from broken XML by dropping what it cannot read
        (one stray control character made every later ``&``, ``<`` and ``>``
        vanish); the body is first parsed strictly, so a broken one is an error
        naming why, never a document with text silently missing.
        """
        strict_parse(data)
        tree = DocxTemplate.fix_tables(state, data)
        if b"docPr" in data:
            DocxTemplate.fix_docpr_ids(state, tree)
        body = etree.tostring(tree, encoding="UTF-8", xml_declaration=False)
        return bytes(self._head + body + self._tail)

    def _fix_each_table(
        self, state: DocumentState, data: bytes, built: frozenset[bytes] | set[bytes] = frozenset()
    ) -> bytes:
        """docxtpl's ``fix_tables`` on each top-level table alone (it fixes tables one by one).

        Tables whose grid is already settled (``built`` by baocao, or checked) are
        left as they are, unparsed.
        """
        pieces: list[bytes] = []
        done = 0
        for start, end in top_level_tables(data):
            table = data[start:end]
            if table in built or grid_is_settled(table):
                continue
            tree = DocxTemplate.fix_tables(state, self._root_open_utf8 + table + _BODY_CLOSE_UTF8)
            fixed = etree.tostring(tree[0], encoding="UTF-8", xml_declaration=False)
            pieces += [data[done:start], fixed]
            done = end
        if not pieces:
            return data
        pieces.append(data[done:])
        return b"".join(pieces)

    def _render_part(self, part: _Part, context: Mapping[str, Any], *, reparse: bool) -> bytes:
        if part.kind == "body":
            return self._render_body(part, context, reparse=reparse)
        data = self._rendered(part, context, DocumentState())
        if part.kind == "header":
            if part.encoding.lower() not in ("utf-8", "utf8"):
                data = data.decode("utf-8").encode(part.encoding)
            strict_parse(data)
            return bytes(serialize_part_xml(parse_xml(data)))
        return data

    def _render_core(
        self, context: Mapping[str, Any], properties: Mapping[str, Any] | None
    ) -> bytes:
        assert self._core_element is not None
        state = DocumentState(copy.deepcopy(self._core_element))
        if self._core_templated:
            DocxTemplate.render_properties(state, context, self._env)
        if properties:
            assert state.core_properties is not None
            set_properties(state.core_properties, properties)
        return bytes(serialize_part_xml(state.core_element))

    def render(
        self,
        context: Mapping[str, Any],
        *,
        reparse: bool = False,
        properties: Mapping[str, Any] | None = None,
    ) -> bytes:
        """The .docx for one context; ``reparse`` forces docxtpl's full parse of the body.

        ``properties`` (title, author, created …) overwrite the document's core properties.
        """
        with render_budget():
            rendered = [
                (p.member, self._render_part(p, context, reparse=reparse)) for p in self._parts
            ]
            if self._core_member is not None:
                rendered.append((self._core_member, self._render_core(context, properties)))
        return self._static.build(rendered, COMPRESS_LEVEL)


@functools.lru_cache(maxsize=16)
def compile_docx(template: bytes, *, draft: bool = False) -> CompiledDocx:
    """The compiled form of ``template``, cached per process by content and mode.

    Callers that keep the same bytes object (``rendering.template_bytes`` caches
    it by the pack's files and their mtimes) pay one dictionary lookup.
    """
    return CompiledDocx(template, draft=draft)
