"""The Markdown engine: the layout spelled in CommonMark, user text always literal."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from baocao import layout, validate
from baocao.engines.markdown import escape_markdown, render_markdown

NASTY = 'A & B < C > D "q" \'q\' <script>alert("x")</script> *no* _no_ [l](http://x) `c` ~~s~~ |p|'
"""User text full of characters that mean something in Markdown or HTML."""

LINE_STARTS = [
    "1. không phải danh sách",
    "2) cũng không",
    "- không gạch",
    "# không tiêu đề",
    "> không trích",
    "+ không",
    "    không mã",
    "=== không",
    "&amp; không thực thể",
]


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


class _Text(HTMLParser):
    """Plain text of an HTML fragment, and the tags seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _shown(markdown: str) -> tuple[str, list[str]]:
    """What a CommonMark renderer shows (text) and which tags it makes."""
    parser = _Text()
    parser.feed(_md().render(markdown))
    return "".join(parser.text), parser.tags


EVERY_BLOCK = Path(__file__).parent / "fixtures" / "engines" / "every-block.yaml"


def every_block(**extra: Any) -> dict[str, Any]:
    """The every-block fixture as data, with some fields replaced."""
    data: dict[str, Any] = yaml.safe_load(EVERY_BLOCK.read_text(encoding="utf-8"))
    data.update(extra)
    return data


def test_special_characters_print_literally() -> None:
    """Markdown/HTML specials in user text show as typed: no emphasis, link, code or raw HTML."""
    md = render_markdown(validate(every_block(preamble=[NASTY], closing=NASTY)))
    shown, tags = _shown(md)
    assert shown.count(NASTY) == 2
    assert not {"script", "a", "code", "del", "img"} & set(tags)
    assert "<script>" not in _md().render(md)


@pytest.mark.parametrize("start", LINE_STARTS)
def test_line_start_marks_stay_text(start: str) -> None:
    """A paragraph that begins like a list, heading, quote or code block stays one paragraph."""
    md = render_markdown(validate(every_block(preamble=[start])))
    tokens = _md().parse(md)
    i = next(i for i, t in enumerate(tokens) if t.type == "inline" and "không" in t.content)
    assert tokens[i - 1].type == "paragraph_open"
    shown, _ = _shown(md)
    assert start.strip() in shown


def test_runs_split_before_a_list_mark_do_not_open_a_list() -> None:
    """Runs "1" + ". text" join into a paragraph, not an ordered list."""
    md = render_markdown(validate(every_block(preamble=[{"spans": ["1", ". tiếp theo"]}])))
    tokens = _md().parse(md)
    i = next(i for i, t in enumerate(tokens) if t.type == "inline" and "tiếp theo" in t.content)
    assert tokens[i - 1].type == "paragraph_open" and tokens[i - 1].level == 0
    assert "1. tiếp theo" in _shown(md)[0]


def test_escape_markdown_round_trips_through_commonmark() -> None:
    """Escaped text rendered by CommonMark gives back exactly the original text."""
    for text in [NASTY, *LINE_STARTS, "a\\b", "x_y_z", "[[a]]"]:
        rendered = _md().render(escape_markdown(text))
        parser = _Text()
        parser.feed(rendered)
        assert "".join(parser.text).strip() == text.strip(), text


def test_headings_carry_numbering_and_level(seed_report: Any) -> None:
    """Section headings become #-headings one level below the title, labels included."""
    md = render_markdown(seed_report)
    headings = re.findall(r"^(#+) (.*)$", md, flags=re.M)
    assert headings[0] == ("#", "BÁO CÁO")
    assert ("##", "I- KẾT QUẢ THỰC HIỆN NĂM 2023") in headings
    assert ("###", "1. Ưu điểm, kết quả nổi bật") in headings
    assert ("####", "*2.1. Đối với Đảng ủy các xã, thị trấn*") in headings
    lay = layout(seed_report)
    assert len(headings) == 1 + len(lay.headings)


def test_emphasis_lists_and_tables_are_markdown_structures() -> None:
    """Bold/italic runs, bullet and numbered lists and tables come out as their Markdown forms."""
    tokens = _md().parse(render_markdown(validate(every_block())))
    types = [t.type for t in tokens]
    assert types.count("bullet_list_open") == 1
    assert types.count("ordered_list_open") == 1
    ordered = tokens[types.index("ordered_list_open")]
    assert ordered.attrGet("start") == 3
    assert types.count("list_item_open") == 4
    assert types.count("table_open") == 1
    cells = [
        "".join(c.content for c in t.children or [])
        for i, t in enumerate(tokens)
        if t.type == "inline" and tokens[i - 1].type in ("th_open", "td_open")
    ]
    assert cells == ["STT", "Đơn vị", "1", "Văn phòng | Sở", "2", "Phòng <TCCB> & Tổ"]
    inline = [c.type for t in tokens if t.type == "inline" for c in t.children or []]
    assert "strong_open" in inline and "em_open" in inline


def test_header_signer_and_recipients_are_present() -> None:
    """Issuer, symbol, motto, date, subject, recipients and signer all appear, in order."""
    shown, _ = _shown(render_markdown(validate(every_block())))
    order = [
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
        'SỞ <NỘI> & "VỤ"',
        "Số: 12/BC-SNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lào Cai, ngày 15 tháng 12 năm 2025",
        "BÁO CÁO",
        "Kết quả *cải cách* hành chính",
        "I. KẾT QUẢ <ĐẠT ĐƯỢC>",
        "1. Cải cách thủ tục",
        "Trên đây là báo cáo.",
        "Nơi nhận:",
        "- UBND tỉnh (b/c);",
        "- Lưu: VT, TCCB.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Trần Thị Bình",
    ]
    positions = [shown.index(s) for s in order]
    assert positions == sorted(positions)


def test_draft_blanks_survive(seed_report: Any) -> None:
    """The blank number and day of a draft stay visible instead of collapsing to one space."""
    shown, _ = _shown(render_markdown(seed_report))
    assert "Số \u00a0\u00a0\u00a0-BC/BTCHU" in shown
    assert "ngày \u00a0\u00a0\u00a0tháng 12" in shown


def test_vietnamese_text_is_nfc_and_complete(seed_report: Any) -> None:
    """Every body paragraph of the seed appears in the Markdown, NFC-normalized."""
    md = render_markdown(seed_report)
    assert unicodedata.is_normalized("NFC", md)
    shown = html.unescape(_shown(md)[0])
    for line in layout(seed_report).lines():
        if line.role != "table":
            assert line.body_text in shown
