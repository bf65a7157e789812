"""The template context: layout keys for docxtpl, Word tables, the signer's lines."""

from __future__ import annotations

import pytest
from docxtpl import RichText
from lxml import etree

import baocao
from baocao.engines.docx_context import WordTable, docx_context, line_context
from baocao.layout import Line, Run, TableView, layout

from .fixtures.examples import UBND_YAML

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _parse(table: WordTable) -> etree._Element:
    return etree.fromstring(f'<w:body xmlns:w="{W[1:-1]}">{table.xml()}</w:body>').find(f"{W}tbl")


@pytest.fixture(scope="module")
def ubnd() -> baocao.Document:
    """The commune example, loaded."""
    report = baocao.load(UBND_YAML)
    assert isinstance(report, baocao.Document)
    return report


def test_context_keeps_the_documented_keys(ubnd: baocao.Document) -> None:
    """The top-level and header keys template authors rely on are all present."""
    ctx = docx_context(ubnd)
    assert set(ctx) >= {
        "family",
        "draft",
        "header",
        "preamble",
        "body",
        "closing",
        "signer",
        "recipients",
        "report",
    }
    assert set(ctx["header"]) == {
        "issuer",
        "separator",
        "layout",
        "notes",
        "letter_subject",
        "motto",
        "issuer_parent",
        "issuer_name",
        "symbol",
        "place_date",
        "doc_type",
        "subject",
        "addressees",
        "rules",
    }
    assert ctx["header"]["symbol"] == "Số: 245/BC-UBND"
    assert ctx["family"] == "nha_nuoc" and ctx["draft"] is False


def test_body_lines_carry_role_label_and_rich_text(ubnd: baocao.Document) -> None:
    """Each body line has its role, label and a RichText that includes the label."""
    body = docx_context(ubnd)["body"]
    first = body[0]
    assert (first["role"], first["label"], first["level"]) == ("heading", "I.", 1)
    assert isinstance(first["rich"], RichText)
    runs = etree.fromstring(f'<w:p xmlns:w="{W[1:-1]}">{first["rich"]}</w:p>')
    assert "".join(t.text for t in runs.iter(f"{W}t")) == "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"
    assert {line["role"] for line in body} == {
        "heading",
        "paragraph",
        "bullet",
        "numbered",
        "table",
    }


def test_table_line_offers_a_word_table_at_the_profile_text_width(ubnd: baocao.Document) -> None:
    """A table line's ``docx`` spans the State profile's text width (210 − 30 − 15 mm)."""
    table = next(line for line in docx_context(ubnd)["body"] if line["role"] == "table")["table"]
    assert isinstance(table["docx"], WordTable)
    assert table["docx"].width_twips == 9354
    assert table["header"] == ["TT", "Lĩnh vực", "Tiếp nhận", "Đúng hạn", "Quá hạn"]


def test_word_table_widths_follow_the_data_and_sum_exactly() -> None:
    """Column widths keep the data's proportions and add up to the full width."""
    view = TableView(header=("a", "b", "c"), rows=(), widths=(0.2, 0.3, 0.5))
    table = WordTable(view, 1001)
    assert table.column_widths() == [200, 300, 501]
    grid = [int(g.get(f"{W}w")) for g in _parse(table).iter(f"{W}gridCol")]
    assert grid == [200, 300, 501]


def test_word_table_escapes_cell_text_and_keeps_line_breaks() -> None:
    """Cell text with markup is escaped; a newline becomes a Word line break."""
    view = TableView(header=("<b>&", "x"), rows=(("a\nb", '{{ 7*7 }} "q"'),), widths=(0.5, 0.5))
    tbl = _parse(WordTable(view, 1000))
    texts = [t.text for t in tbl.iter(f"{W}t")]
    assert texts == ["<b>&", "x", "a", "b", '{{ 7*7 }} "q"']
    assert len(list(tbl.iter(f"{W}br"))) == 1
    rows = tbl.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    styles = [p.get(f"{W}val") for p in tbl.iter(f"{W}pStyle")]
    assert styles[:2] == ["BCTableHeader", "BCTableHeader"]
    assert styles[2:] == ["BCTableText", "BCTableText"]


def test_word_table_drops_characters_xml_forbids() -> None:
    """Control characters that XML cannot hold are removed instead of corrupting the file."""
    view = TableView(header=("a\x0bb",), rows=(), widths=(1.0,))
    assert [t.text for t in _parse(WordTable(view, 500)).iter(f"{W}t")] == ["ab"]


def test_word_table_is_inserted_as_markup() -> None:
    """``__html__`` makes Jinja's autoescape insert the table XML as it is."""
    view = TableView(header=("a",), rows=(), widths=(1.0,))
    table = WordTable(view, 500)
    assert table.__html__() == table.xml() == str(table)
    assert table.xml().startswith("<w:tbl>")


@pytest.mark.parametrize(
    ("signer", "lines", "title_line"),
    [
        (
            {"authority": "TM", "on_behalf": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "A"},
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            "CHỦ TỊCH",
        ),
        ({"title": "TRƯỞNG BAN", "name": "A"}, ["TRƯỞNG BAN"], "TRƯỞNG BAN"),
        ({"authority": "Q", "title": "GIÁM ĐỐC", "name": "A"}, ["Q. GIÁM ĐỐC"], None),
        ({"name": "A"}, [], None),
    ],
)
def test_signer_title_line_is_printed_once(
    ubnd: baocao.Document, signer: dict[str, str], lines: list[str], title_line: str | None
) -> None:
    """``title_line`` is the title under the authority line, None when the authority carries it."""
    data = ubnd.model_dump(mode="json")
    data["signer"] = signer
    ctx = docx_context(baocao.validate(data))
    assert ctx["signer"]["lines"] == lines
    assert ctx["signer"]["title_line"] == title_line


def test_line_context_labels_rich_text_with_the_heading_emphasis() -> None:
    """A bold heading's label is bold in ``rich`` and absent from ``rich_body``."""
    line = Line("heading", (Run("KẾT QUẢ", bold=True),), label="I-", level=1, bold=True)
    ctx = line_context(line, 9354)
    assert ctx["text"] == "I- KẾT QUẢ"
    assert "<w:b/>" in str(ctx["rich"]) and "I- " in str(ctx["rich"])
    assert "I-" not in str(ctx["rich_body"])


def test_seed_context_is_a_draft_with_blank_number(
    seed_report: baocao.ImplementationReport,
) -> None:
    """The seed leaves number and day blank: the context says draft and keeps the spaces."""
    ctx = docx_context(seed_report, layout(seed_report))
    assert ctx["draft"] is True
    assert ctx["header"]["symbol"] == "Số    -BC/BTCHU"
    assert ctx["header"]["place_date"] == "Minh Sơn, ngày    tháng 12 năm 2023"


@pytest.mark.parametrize(
    "runs",
    [
        (),
        (Run("Chi bộ <Thôn 1> & \"Tổ\" 'A'"),),
        (Run("I- ", bold=True), Run("KẾT QUẢ", bold=True, italic=True), Run(" đạt", italic=True)),
        (Run(""), Run("\u00a0 tab\tvà\nxuống dòng")),
    ],
)
def test_runs_xml_is_what_richtext_add_writes(runs: tuple[Run, ...]) -> None:
    """The context writes the runs' XML itself, in one pass; it must be docxtpl's string."""
    from baocao.engines.docx_lines import runs_xml

    expected = RichText()
    for run in runs:
        expected.add(run.text, bold=run.bold or None, italic=run.italic or None)
    assert runs_xml(runs) == expected.xml
