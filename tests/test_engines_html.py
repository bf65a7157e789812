"""The HTML engine: a standalone, well-formed page where user text can never become markup."""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser
from typing import Any

from baocao import layout, validate
from baocao.engines.html import render_html

from .test_engines_markdown import every_block

NASTY = "A & B < C > D \"q\" 'q' <script>alert(\"x\")</script> <b onclick='x()'>b</b> &amp;"
"""User text that would be markup, entities or a script if it were not escaped."""

VOID = {"meta", "br", "col", "img", "hr", "input", "link"}


class _Page(HTMLParser):
    """Tags (with attributes), text per element, and nesting errors of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[tuple[tuple[str, ...], str]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append((tuple(self.stack), data))

    def shown(self, inside: str | None = None) -> str:
        return "".join(d for where, d in self.text if inside is None or inside in where)

    def names(self) -> list[str]:
        return [t for t, _ in self.tags]


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_page_is_standalone_vietnamese_utf8() -> None:
    """Doctype, lang="vi", a UTF-8 meta, inline CSS and nothing loaded from elsewhere."""
    out = render_html(validate(every_block()))
    page = _page(out)
    assert out.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "vi"}) in page.tags
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert "style" in page.names()
    assert not {"link", "script", "img", "iframe"} & set(page.names())
    assert not any("src" in attrs or "href" in attrs for _, attrs in page.tags)


def test_page_is_well_formed() -> None:
    """Every element is closed in order, for the seed and for a document with every block."""
    for report in (every_block(), every_block(preamble=[NASTY])):
        page = _page(render_html(validate(report)))
        assert page.errors == []
        assert page.stack == []


def test_user_text_is_escaped_everywhere() -> None:
    """&, <, >, quotes and a <script> in any field show as text and add no element."""
    report = validate(every_block(preamble=[NASTY], closing=NASTY))
    out = render_html(report)
    page = _page(out)
    assert page.shown().count(NASTY) == 2
    assert "script" not in page.names() and "b" not in page.names()
    assert not any("onclick" in attrs for _, attrs in page.tags)
    assert 'SỞ <NỘI> & "VỤ"' in page.shown("div")
    assert "KẾT QUẢ <ĐẠT ĐƯỢC>" in page.shown("h2")
    assert "Bảng <1>" in page.shown("caption")
    assert "Phòng <TCCB> & Tổ" in page.shown("td")
    assert "&amp;amp;" in out  # the literal "&amp;" typed by the user is escaped once more


def test_title_is_escaped_too() -> None:
    """The <title> carries the doc type and subject, escaped like the body."""
    page = _page(render_html(validate(every_block())))
    assert page.shown("title") == "BÁO CÁO Kết quả *cải cách* hành chính năm 2025"


def test_structure_follows_the_layout() -> None:
    """Headings by level with their labels, lists, table, emphasis, signer and recipients."""
    report = validate(every_block())
    page = _page(render_html(report))
    names = page.names()
    assert names.count("h1") == 1 and page.shown("h1") == "BÁO CÁO"
    assert page.shown("h2") == "I. KẾT QUẢ <ĐẠT ĐƯỢC>"
    assert page.shown("h3") == "1. Cải cách thủ tục"
    assert names.count("ul") == 1 and names.count("ol") == 1 and names.count("li") == 4
    assert "3. Việc ba" in page.shown("ol")
    assert page.shown("th") == "STTĐơn vị"
    widths = [a["style"] for t, a in page.tags if t == "col"]
    assert widths == ["width:25.00%", "width:75.00%"]
    assert page.shown("strong").count("98,5%") == 1 and page.shown("em") == "vượt"
    signer = page.shown("footer")
    for text in (
        "Nơi nhận:",
        "- UBND tỉnh (b/c);",
        "- Lưu: VT, TCCB.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Trần Thị Bình",
    ):
        assert text in signer


def test_heading_styles_become_classes(seed_report: Any) -> None:
    """Italic heading levels (2.1.) carry the italic class; non-bold levels the plain class."""
    page = _page(render_html(seed_report))
    h4 = [a.get("class") for t, a in page.tags if t == "h4"]
    assert h4 and all(c is not None and "italic" in c for c in h4)
    assert all("class" not in a for t, a in page.tags if t == "h2")


def test_seed_text_survives_in_nfc(seed_report: Any) -> None:
    """Every line of the seed's layout appears in the page text, which is NFC."""
    out = render_html(seed_report)
    assert unicodedata.is_normalized("NFC", out)
    shown = _page(out).shown()
    for line in layout(seed_report).lines():
        assert line.body_text in shown
    assert "Số    -BC/BTCHU" in shown  # draft blanks kept (the header is white-space: pre-wrap)


def _blocks(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every block given as a mapping, in the sections and their subsections."""
    out = [b for s in sections for b in s.get("blocks", []) if isinstance(b, dict)]
    return out + [b for s in sections for b in _blocks(s.get("sections", []))]


def test_a_line_feed_in_user_text_stays_a_line_feed() -> None:
    """Hypothesis' minimal example: a table cell ``0\\n2`` came out as ``0<br>2``, whose page
    text reads ``02``; the same for paragraphs, addressees and the subject. The line feed is
    kept as typed (the CSS shows it as a break), so every word stays apart from the next."""
    data = every_block(preamble=["Dòng một\nDòng hai"])
    data["header"]["addressees"] = ["Sở Nội vụ\nSở Tài chính"]
    table = next(b for b in _blocks(data["sections"]) if b.get("type") == "table")
    table["rows"] = [["0\n2" for _ in row] for row in table["rows"]]
    table.pop("total", None)
    out = render_html(validate(data))
    page = _page(out)
    assert "<br>" not in out
    assert "0\n2" in page.shown("td")
    assert "Dòng một\nDòng hai" in page.shown("p")
    assert "Sở Nội vụ\nSở Tài chính" in page.shown("p")
    assert "white-space: pre-line" in page.shown("style")
