"""The body and closing in every output: heading lines, marks, tables, signers, appendices."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree

import baocao
from baocao import load, render_bytes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _document(name: str) -> etree._Element:
    data = render_bytes(load(EXAMPLES / name), "docx")
    with zipfile.ZipFile(BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _style(p: etree._Element) -> str | None:
    st = p.find(f"{W}pPr/{W}pStyle")
    return None if st is None else st.get(f"{W}val")


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _body_tables(root: etree._Element) -> list[etree._Element]:
    return [
        t
        for t in root.iter(f"{W}tbl")
        if t.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "BCTable"
    ]


def test_part_heading_lines_are_separate_centred_paragraphs() -> None:
    """No manual break inside a heading: each printed line is its own paragraph."""
    root = _document("bao-cao-so-phan-muc.yaml")
    parts = [p for p in root.iter(f"{W}p") if _style(p) == "BCHeadingPart"]
    assert [_text(p) for p in parts[:3]] == [
        "Phần I",
        "KẾT QUẢ THỰC HIỆN",
        "CHƯƠNG TRÌNH GIAI ĐOẠN 2021 - 2025",
    ]
    headings = [p for p in root.iter(f"{W}p") if (_style(p) or "").startswith("BCHeading")]
    assert not any(p.find(f".//{W}br") is not None for p in headings)
    # "I." under the Part keeps the Roman style, "1." the Arabic one: style follows the kind
    by_text = {_text(p): _style(p) for p in headings}
    assert by_text["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"] == "BCHeading1"
    assert by_text["1. Bảo vệ và phát triển rừng"] == "BCHeading2"


def test_table_has_merged_header_aligned_numbers_and_bold_totals() -> None:
    (table,) = _body_tables(_document("bao-cao-dang-uy-phu-luc.yaml"))[:1]
    rows = table.findall(f"{W}tr")
    assert all(r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows[:2])
    assert rows[0].find(f".//{W}gridSpan").get(f"{W}val") == "3"
    assert rows[0].find(f".//{W}vMerge").get(f"{W}val") == "restart"
    assert rows[1].find(f".//{W}vMerge") is not None  # the cell merged from above
    cells = rows[2].findall(f"{W}tc")
    assert cells[2].find(f".//{W}jc").get(f"{W}val") == "right" and _text(cells[2]) == "20"
    total = rows[-1]
    assert _text(total.findall(f"{W}tc")[1]) == "Tổng cộng"
    assert all(r.find(f"{W}rPr/{W}b") is not None for r in total.iter(f"{W}r"))
    # small: every row but the last is kept with the next, so the table stays on one page
    keep = [r.find(f".//{W}keepNext") is not None for r in rows]
    assert keep == [True] * (len(rows) - 1) + [False]


def test_long_table_repeats_its_header_and_may_break() -> None:
    tables = _body_tables(_document("bao-cao-dang-uy-phu-luc.yaml"))
    long_table = tables[-1]
    rows = long_table.findall(f"{W}tr")
    assert len(rows) == 21 and rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert not any(r.find(f".//{W}keepNext") is not None for r in rows)


def test_appendices_follow_the_signature_on_new_pages() -> None:
    root = _document("bao-cao-dang-uy-phu-luc.yaml")
    paras = list(root.iter(f"{W}p"))
    labels = [p for p in paras if _style(p) == "BCAppendixLabel"]
    assert [_text(p) for p in labels] == ["Phụ lục 1", "Phụ lục 2"]
    signer = next(p for p in paras if _text(p) == "Hà Thị Mai")
    assert paras.index(signer) < paras.index(labels[0])


def test_an_unsigned_report_has_no_signature_table() -> None:
    root = _document("bao-cao-tom-tat-khong-so.yaml")
    layout_tables = [
        t
        for t in root.iter(f"{W}tbl")
        if t.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "BCLayoutTable"
    ]
    assert len(layout_tables) == 1  # the header only
    last = list(root.find(f"{W}body"))[-2]  # before sectPr
    assert _text(last).startswith("Báo cáo tóm tắt này")


def test_joint_signers_stand_side_by_side_with_names_level() -> None:
    root = _document("bao-cao-lien-tich-xa.yaml")
    table = next(t for t in root.iter(f"{W}tbl") if "Phan Văn Long" in _text(t))
    rows = table.findall(f"{W}tr")
    heads = [_text(c) for c in rows[0].findall(f"{W}tc")]
    assert heads[0].startswith("TM. BAN THƯỜNG TRỰC") and heads[1].startswith("TM. ỦY BAN NHÂN DÂN")
    assert "(Đã ký)" in heads[0] and "(Đã ký)" in heads[1]
    assert [_text(c) for c in rows[1].findall(f"{W}tc")] == ["Đặng Thị Hạnh", "Phan Văn Long"]
    assert _text(rows[2]).startswith("Nơi nhận:- Như trên;")


def test_html_and_markdown_keep_marks_merges_and_totals() -> None:
    report = load(EXAMPLES / "bao-cao-dang-uy-phu-luc.yaml")
    html = render_bytes(report, "html").decode()
    assert '<th colspan="3">Kết nạp</th>' in html and '<th rowspan="2">TT</th>' in html
    assert '<tr class="total">' in html and '<td class="right">1.998</td>' not in html
    assert '<span class="unit">Đơn vị tính: người</span></caption>' in html
    md = render_bytes(load(EXAMPLES / "bao-cao-chi-bo-tieu-de-chay-lien.yaml"), "md").decode()
    assert "\u00a0\\+ nam 12;" in md and "• cấp huyện 06 em;" in md
    assert "\\- Công tác giáo dục:" in md  # the mark as typed, not a Markdown list
    assert "**a) Về sản xuất nông nghiệp:** tổng diện tích" in md
    parted = render_bytes(load(EXAMPLES / "bao-cao-so-phan-muc.yaml"), "md").decode()
    assert "## Phần I<br>KẾT QUẢ THỰC HIỆN<br>CHƯƠNG TRÌNH GIAI ĐOẠN 2021 - 2025" in parted


def test_markdown_table_alignment_row_follows_the_columns() -> None:
    md = render_bytes(load(EXAMPLES / "bao-cao-lien-tich-xa.yaml"), "md").decode()
    assert "| :---: | --- | ---: | ---: |" in md
    assert "| **6.395,75** |" in md


def test_digital_signature_line_prints_under_the_name_everywhere() -> None:
    report = load(EXAMPLES / "bao-cao-so-phan-muc.yaml")
    line = "Ký bởi: Sở Nông nghiệp và Môi trường"
    for fmt in ("txt", "md", "html"):
        text = render_bytes(report, fmt).decode()
        assert text.index("Lò Văn Thắng") < text.index(line), fmt
    root = _document("bao-cao-so-phan-muc.yaml")
    assert any(_style(p) == "BCDigitalSignature" and line in _text(p) for p in root.iter(f"{W}p"))


def test_numbers_in_the_model_are_checked_against_the_commune_example() -> None:
    """The commune example's table now carries numbers and a checked totals row."""
    report = baocao.load(EXAMPLES / "bao-cao-ubnd-xa.yaml")
    text = render_bytes(report, "txt").decode()
    assert "   | Tổng cộng                         |       865 |      842 |      23" in text
    assert "- Như trên;\n- Sở Nội vụ (b/c);" in text


def test_a_wrong_totals_row_fails_validate_and_is_reported_by_check_lenient(tmp_path: Path) -> None:
    """Strict: validate refuses it with BC908 and the field; lenient: check reports it."""
    from click.testing import CliRunner

    from baocao.cli import main

    text = (EXAMPLES / "bao-cao-dang-uy-phu-luc.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace('Tổng cộng, 40, 46, 21, ""', 'Tổng cộng, 40, 47, 21, ""'), "utf-8")
    strict = CliRunner().invoke(main, ["validate", str(bad)])
    assert strict.exit_code != 0 and "sections[0].blocks[1].total" in strict.output
    assert "BC908" in strict.output
    lenient = CliRunner().invoke(main, ["check", "--lenient", str(bad)])
    assert "BC908" in lenient.output and "46" in lenient.output


def test_the_checker_reads_appendix_text() -> None:
    data = {
        "header": {
            "family": "nha_nuoc",
            "issuer": {"name": "UBND XÃ A"},
            "number": "1/BC-UBND",
            "place": "A",
            "date": "2026-01-05",
            "subject": "tình hình",
        },
        "sections": [{"title": "Kết quả", "blocks": ["Nội dung."]}],
        "appendices": [{"title": "BẢNG", "blocks": ["Trên đây, là số liệu."]}],
    }
    found = baocao.check(baocao.Document.model_validate(data))
    assert any(d.code == "BC601" and d.path.startswith("appendices[0]") for d in found), found


def test_three_signers_share_one_row_and_a_fourth_is_refused() -> None:
    import pytest
    import yaml

    data = yaml.safe_load((EXAMPLES / "bao-cao-lien-tich-xa.yaml").read_text(encoding="utf-8"))
    third = {
        "authority": "TM",
        "on_behalf": "HỘI NÔNG DÂN XÃ",
        "title": "CHỦ TỊCH",
        "name": "Vũ Văn Tâm",
    }
    data["signers"].append(third)
    report = baocao.Document.model_validate(data)
    with zipfile.ZipFile(BytesIO(render_bytes(report, "docx"))) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    table = next(t for t in root.iter(f"{W}tbl") if "Vũ Văn Tâm" in _text(t))
    names = [_text(c) for c in table.findall(f"{W}tr")[1].findall(f"{W}tc")]
    assert names == ["Đặng Thị Hạnh", "Phan Văn Long", "Vũ Văn Tâm"]
    data["signers"].append({**third, "name": "Người Thứ Tư"})
    with pytest.raises(ValueError, match="at most 3"):
        baocao.Document.model_validate(data)
