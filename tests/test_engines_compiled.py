"""Compiled templates give the document plain docxtpl gives, part for part, only faster."""

from __future__ import annotations

import copy
import functools
import io
import shutil
import subprocess
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Mm
from docxtpl import InlineImage, Listing, RichText
from lxml import etree

import baocao
from baocao.engines.compiled import ZIP_DATE, CompiledDocx, compile_docx
from baocao.engines.docx import render_docx_bytes, render_docx_plain
from baocao.engines.docx_context import docx_context
from baocao.errors import TemplateError, TemplateRenderError
from baocao.packs.environment import DRAFT_BLANK
from baocao.rendering import resolve_template, template_bytes

from .fixtures.engines.docx_templates import (
    png_bytes,
    report_template,
    simple_template,
    with_footnote,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
EVERY_BLOCK = ROOT / "tests" / "fixtures" / "engines" / "every-block.yaml"
INJECTION = "{{ 7*191 }}"
"""A value that must print as it is; evaluated, it would print 1337."""


def _parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _canonical(data: bytes) -> bytes:
    return bytes(etree.tostring(etree.fromstring(data), method="c14n"))


def assert_same_document(ours: bytes, theirs: bytes) -> None:
    """Same part names; XML parts equal once canonicalized, other parts equal byte for byte."""
    mine, plain = _parts(ours), _parts(theirs)
    assert sorted(mine) == sorted(plain)
    for name, data in plain.items():
        if mine[name] != data:
            assert name.endswith((".xml", ".rels")), name
            assert _canonical(mine[name]) == _canonical(data), name


def _text(docx: bytes, member: str = "word/document.xml") -> str:
    root = etree.fromstring(_parts(docx)[member])
    return "".join(root.itertext())


def _report_context(path: Path) -> tuple[bytes, dict[str, Any]]:
    report = baocao.load(path, lenient=True)  # some examples deviate on purpose
    return template_bytes(resolve_template(report)), docx_context(report)


@pytest.mark.parametrize("path", [*EXAMPLES, EVERY_BLOCK], ids=lambda p: p.stem)
def test_examples_match_plain_docxtpl(path: Path) -> None:
    """Every example, with its built-in template, renders to the document docxtpl renders."""
    template, context = _report_context(path)
    plain = render_docx_plain(template, context)
    assert_same_document(render_docx_bytes(template, context), plain)
    assert_same_document(compile_docx(template).render(context, reparse=True), plain)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_builtin_templates_skip_the_reparse(path: Path) -> None:
    """The built-in templates are proven balanced, so their bodies skip docxtpl's full parse."""
    template, _ = _report_context(path)
    assert compile_docx(template).reparse_reason is None


def test_table_columns_from_loops_are_fixed_like_docxtpl(seed_report: baocao.Report) -> None:
    """``{%tc for %}`` rows wider or narrower than the grid get docxtpl's grid fix."""
    context = docx_context(seed_report)
    wide = {"role": "table", "table": {"header": ["a", "b", "c", "d"], "rows": [["1", "2"]]}}
    narrow = {"role": "table", "table": {"header": ["x"], "rows": [["y"]]}}
    context["body"] = [*context["body"][:3], wide, narrow]
    template = report_template()
    ours = render_docx_bytes(template, context)
    assert_same_document(ours, render_docx_plain(template, context))
    grids = etree.fromstring(_parts(ours)["word/document.xml"]).iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblGrid"
    )
    assert [len(g) for g in grids] == [2, 4, 1, 2]


def test_values_never_run_as_template_code() -> None:
    """A value holding a tag prints literally everywhere, footnotes of a two-section document too.

    (docxtpl renders footnotes once per section, so from the second section on
    it evaluates what the first render printed.)
    """
    template = simple_template(
        ["{{ v }}"], header="H {{ v }}", footer="F {{ v }}", title="T {{ v }}", sections=2
    )
    template = with_footnote(template, "N {{ v }}")
    docx = render_docx_bytes(template, {"v": INJECTION})
    parts = _parts(docx)
    for member in ["word/document.xml", "word/footnotes.xml", "docProps/core.xml"]:
        assert INJECTION in parts[member].decode("utf-8"), member
    headers = [n for n in parts if n.startswith(("word/header", "word/footer"))]
    assert headers and all(INJECTION in parts[n].decode("utf-8") for n in headers)
    assert all(b"1337" not in data for data in parts.values())


def test_headers_footers_and_title_with_tags_match_docxtpl() -> None:
    """Tagged headers, footers, footnotes and core properties render as docxtpl renders them."""
    template = with_footnote(
        simple_template(
            ["{{ a }}", "{%p if b %}", "B", "{%p endif %}"],
            header="{{ a }} & co",
            footer="{{ b }}",
            title="{{ a }}",
        ),
        "{{ b }}",
    )
    context = {"a": "Đề án <số 1>", "b": "ghi chú"}
    compiled = compile_docx(template)
    assert set(compiled.dynamic_parts) >= {
        "word/document.xml",
        "word/footnotes.xml",
        "docProps/core.xml",
    }
    assert_same_document(compiled.render(context), render_docx_plain(template, context))


def _raw(docx: bytes, member: str) -> bytes:
    """The compressed bytes of one zip member, as stored."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        info = z.getinfo(member)
    header = docx[info.header_offset : info.header_offset + 30]
    start = info.header_offset + 30 + int.from_bytes(header[26:28], "little")
    start += int.from_bytes(header[28:30], "little")
    return docx[start : start + info.compress_size]


def test_untagged_parts_are_copied_compressed() -> None:
    """Parts without tags are rendered once; every document carries their compressed bytes."""
    template = report_template()
    # docProps/core.xml is written per document: the report's title, author and date.
    assert compile_docx(template).dynamic_parts == ("word/document.xml", "docProps/core.xml")
    first = render_docx_bytes(template, _seed_like_context("A"))
    second = render_docx_bytes(template, _seed_like_context("B"))
    assert _raw(first, "word/styles.xml") == _raw(second, "word/styles.xml")
    assert _raw(first, "word/document.xml") != _raw(second, "word/document.xml")


@functools.cache
def _seed() -> baocao.Report:
    return baocao.load(ROOT / "examples" / "bao-cao-quy-dinh-02.yaml")


def _seed_like_context(issuer: str) -> dict[str, Any]:
    context = docx_context(_seed())
    context["header"]["issuer_name"] = issuer
    return context


def test_same_input_gives_same_bytes() -> None:
    """Two renders of one context are byte-identical (fixed zip timestamps)."""
    template = report_template()
    first = render_docx_bytes(template, _seed_like_context("X"))
    second = render_docx_bytes(template, _seed_like_context("X"))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {info.date_time for info in z.infolist()} == {ZIP_DATE}
        assert z.testzip() is None


@pytest.mark.parametrize(
    "value",
    [
        "dòng một\ndòng hai\tcột",
        Listing("a\tb\nc"),
        RichText("đậm & <nghiêng>", bold=True),
    ],
    ids=["newline-tab", "listing", "richtext"],
)
def test_special_values_match_docxtpl(value: object) -> None:
    """Newlines, tabs, Listing, characters XML forbids and RichText come out as in docxtpl."""
    template = simple_template(["Trước {{ v }} sau", "{{r v }}"])
    context = {"v": value}
    assert_same_document(render_docx_bytes(template, context), render_docx_plain(template, context))


class _Markup:
    def __init__(self, xml: str) -> None:
        self.xml = xml

    def __html__(self) -> str:
        return self.xml


def test_foreign_markup_matches_docxtpl() -> None:
    """Other objects' well-formed markup is checked and goes the fast way."""
    template = simple_template(["{{r v }}", "sau"])
    context = {"v": _Markup('<w:r><w:t xml:space="preserve">chèn</w:t></w:r>')}
    assert_same_document(render_docx_bytes(template, context), render_docx_plain(template, context))


@pytest.mark.parametrize(
    "value",
    [_Markup("<w:r><w:t>mở mà không đóng"), "ký tự lạ \x0b và \x07 và \x0c", "a\x01 & b"],
    ids=["broken-markup", "control-chars", "soh"],
)
def test_broken_bodies_are_errors_on_both_paths(value: object) -> None:
    """docxtpl's parse would repair them by dropping text; both engines refuse instead."""
    template = simple_template(["{{r v }}", "Sở Kế hoạch & Đầu tư"])
    for render in (render_docx_bytes, render_docx_plain):
        with pytest.raises(TemplateRenderError, match="not valid XML"):
            render(template, {"v": value})


@pytest.mark.parametrize("flag", [True, False])
def test_unbalanced_template_takes_the_full_parse(flag: bool) -> None:
    """An {% if %} from a paragraph into a table cell is not proven and renders as in docxtpl;
    where its XML comes out broken, both paths refuse it (docxtpl's repair would drop text)."""
    doc = Document()
    doc.add_paragraph("Đầu {% if a %}giữa")
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "ô{% endif %} cuối"
    buf = io.BytesIO()
    doc.save(buf)
    template = buf.getvalue()
    reason = compile_docx(template).reparse_reason
    assert reason is not None and "{% if %}" in reason
    context = {"a": flag}
    if not flag:
        for render in (render_docx_bytes, render_docx_plain):
            with pytest.raises(TemplateRenderError, match="not valid XML"):
                render(template, context)
        return
    assert_same_document(render_docx_bytes(template, context), render_docx_plain(template, context))


def test_inline_image_falls_back_to_docxtpl() -> None:
    """An InlineImage in the context is rendered by docxtpl, bound to the rendering template."""
    template = simple_template(["Ảnh: {{ logo }}"])
    image = InlineImage(None, io.BytesIO(png_bytes()), width=Mm(10))
    docx = render_docx_bytes(template, {"logo": image})
    parts = _parts(docx)
    assert any(name.startswith("word/media/") for name in parts)
    assert b"<wp:inline" in parts["word/document.xml"]
    assert image.tpl is None


def test_draft_prints_blanks_and_strict_names_the_variable() -> None:
    """Draft mode prints the dotted blank; strict mode fails naming the template and variable."""
    template = simple_template(["Số: {{ missing }}"])
    assert DRAFT_BLANK in _text(render_docx_bytes(template, {}, draft=True))
    with pytest.raises(TemplateRenderError, match=r"mẫu-x: undefined variable: .*missing"):
        render_docx_bytes(template, {}, name="mẫu-x")


def test_bad_templates_are_named() -> None:
    """A file that is not a .docx, or a tag Jinja cannot read, is an error naming the template."""
    with pytest.raises(TemplateError, match=r"hỏng: không phải tệp \.docx đọc được"):
        render_docx_bytes(b"not a zip", {}, name="hỏng")
    with pytest.raises(TemplateRenderError, match="hỏng: TemplateSyntaxError"):
        render_docx_bytes(simple_template(["{% if %}"]), {}, name="hỏng")


def test_compiled_templates_are_cached_and_shared_between_threads() -> None:
    """One compiled object per template and mode; threads rendering it at once agree."""
    template = report_template(header_tag=True)
    assert compile_docx(template) is compile_docx(template)
    assert compile_docx(template, draft=True) is not compile_docx(template)
    assert isinstance(compile_docx(template), CompiledDocx)
    contexts = [_seed_like_context(f"ĐƠN VỊ {i}") for i in range(6)]
    expected = [render_docx_plain(template, c) for c in contexts]
    results: dict[int, bytes] = {}

    def work(i: int) -> None:
        results[i] = render_docx_bytes(template, copy.deepcopy(contexts[i]))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(contexts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i in range(len(contexts)):
        assert_same_document(results[i], expected[i])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_compiled_output_opens_in_libreoffice(tmp_path: Path, seed_report: baocao.Report) -> None:
    """A compiled document with fixed tables opens in LibreOffice, Vietnamese text intact."""
    context = docx_context(seed_report)
    table = {"role": "table", "table": {"header": ["Xã", "Số tổ"], "rows": [["Minh Tân", "17"]]}}
    context["body"] = [*context["body"], table]
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(render_docx_bytes(report_template(), context))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (tmp_path / "bao-cao.txt").read_text(encoding="utf-8-sig")
    assert "BAN TỔ CHỨC" in text and "Minh Tân" in text


def test_a_table_is_built_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """keep_marks reads a table's markup and the printed string is that markup, not a rebuild."""
    from baocao.engines.docx_table import WordTable

    tpl, ctx = _report_context(ROOT / "examples" / "bao-cao-ubnd-xa.yaml")
    tables = [ln["table"]["docx"] for ln in ctx["body"] if ln["table"] is not None]
    assert tables
    calls: list[int] = []
    built = WordTable.xml

    def counting(self: WordTable) -> str:
        calls.append(1)
        return built(self)

    monkeypatch.setattr(WordTable, "xml", counting)
    out = compile_docx(tpl).render(ctx)
    assert len(calls) == len(tables)
    assert_same_document(out, render_docx_plain(tpl, ctx))


@pytest.mark.parametrize("path", [*EXAMPLES, EVERY_BLOCK], ids=lambda p: p.stem)
def test_tables_baocao_builds_are_settled_and_not_checked_again(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A WordTable's grid is settled by construction; the engine skips its check."""
    from baocao.engines import compiled as engine
    from baocao.engines.grids import grid_is_settled

    tpl, ctx = _report_context(path)
    built = [ln["table"]["docx"] for ln in ctx["body"] if ln["table"] is not None]
    for table in built:
        assert grid_is_settled(table.xml().encode("utf-8"))
    checked: list[bytes] = []

    def counting(table: bytes) -> bool:
        checked.append(table)
        return grid_is_settled(table)

    monkeypatch.setattr(engine, "grid_is_settled", counting)
    out = compile_docx(tpl).render(ctx)
    assert not any(t.xml().encode("utf-8") in checked for t in built)
    assert_same_document(out, render_docx_plain(tpl, ctx))
