"""The stand-ins that let docxtpl's methods run on templates compiled once."""

from __future__ import annotations

import io

import pytest
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from baocao.engines.docxtpl_shims import (
    DocumentState,
    NeedsDocxtpl,
    Precompiled,
    Recorder,
    after_render,
    after_render_matches_docxtpl,
    refusing_live,
)

from .fixtures.engines.docx_templates import png_bytes

P = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r></w:p>'


@pytest.mark.parametrize(
    "body",
    [
        P.format("một") + P.format("hai\nba") + P.format("bốn"),
        P.format("a\tb") + P.format("c\nd\te"),
        P.format("x\ay") + P.format("z\fw") + P.format("bình thường"),
        P.format("không có gì"),
        '<w:p w:rsidR="1"/>' + P.format("sau\nđoạn rỗng") + "<w:p/>" + P.format("cuối\t"),
        "<w:tbl><w:tr><w:tc>" + P.format("ô\nbảng") + "</w:tc></w:tr></w:tbl>\n<w:sectPr/>",
        "<w:p><w:r><w:txbxContent>" + P.format("hộp\nchữ") + "</w:txbxContent></w:r></w:p>",
    ],
    ids=["newline", "tab", "bell-formfeed", "none", "empty-paragraphs", "outside", "text-box"],
)
def test_resolve_listing_matches_docxtpl_on_whole_text(body: str) -> None:
    """Rewriting only the paragraphs with listing characters gives docxtpl's whole-text result."""
    xml = f"<w:body>{body}</w:body>"
    state = DocumentState()
    assert state.resolve_listing(xml) == DocxTemplate.resolve_listing(DocumentState(), xml)
    assert bool(state.rewritten) == any(c in body.replace("\n<w:sectPr", "") for c in "\t\a\n\f")


@pytest.mark.parametrize(
    "text",
    ["\n<w:p>a\n<w:p w:x='1'>b", "\n\n<w:p>c\n<w:pPr/>", "{_{ x }_} {_% y %_} {_ _}", "trơn"],
)
def test_after_render_does_what_render_xml_part_does(text: str) -> None:
    """The per-document steps after Jinja equal docxtpl's own, on the installed docxtpl."""

    class Echo:
        def from_string(self, source: str) -> Echo:
            return self

        def render(self, context: object) -> str:
            return text

    class AsIs:
        current_rendering_part = None

        def resolve_listing(self, xml: str) -> str:
            return xml

    theirs = DocxTemplate.render_xml_part(AsIs(), "", None, {}, Echo())
    assert after_render(text.encode("utf-8")) == theirs.encode("utf-8")
    assert after_render_matches_docxtpl()


def test_recorded_sources_come_back_compiled_once() -> None:
    """What docxtpl compiled at preparation is returned as is; other sources still compile."""
    env = Environment(autoescape=True)
    recorder = Recorder(env)
    assert recorder.from_string("xin {{ a }}").render() == ""
    assert recorder.last_source == "xin {{ a }}"
    pre = Precompiled(env, recorder.templates)
    assert pre.from_string("xin {{ a }}") is recorder.templates["xin {{ a }}"]
    assert pre.from_string("chào {{ a }}").render(a="bạn") == "chào bạn"


def test_document_state_counts_docpr_ids_from_scratch() -> None:
    """Each document's drawings are numbered from 1001, as docxtpl numbers a fresh render."""
    ns = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    xml = f'<w:body xmlns:w="urn:w" {ns}><wp:docPr id="7"/><wp:docPr id="7"/></w:body>'
    for _ in range(2):
        tree = DocxTemplate.fix_tables(DocumentState(), xml.encode())
        state = DocumentState()
        DocxTemplate.fix_docpr_ids(state, tree)
        assert [e.get("id") for e in tree.iter("{*}docPr")] == ["1001", "1002"]


def test_refusing_live_stops_at_an_inline_image() -> None:
    """Printing an InlineImage raises NeedsDocxtpl before it can touch any package."""
    image = InlineImage(None, io.BytesIO(png_bytes()), width=Mm(5))
    env = Environment(autoescape=True)
    env.finalize = refusing_live(None)
    with pytest.raises(NeedsDocxtpl, match="InlineImage"):
        env.from_string("{{ img }}").render(img=image)
    assert env.from_string("{{ n }}").render(n=3) == "3"


def test_refusing_live_keeps_a_prior_finalize() -> None:
    """An environment's own finalize runs first, with its calling convention."""

    @pass_context
    def tagged(context: Context, value: object) -> object:
        return f"{context['tag']}:{value}"

    env = Environment()
    env.finalize = refusing_live(tagged)
    assert env.from_string("{{ a }}").render(a=1, tag="t") == "t:1"
