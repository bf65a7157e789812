"""The importer's pieces: markers, Word numbering, header forms, legacy fonts, the CLI."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from baocao.cli import main
from baocao.errors import LoadError
from baocao.importer import import_report
from baocao.importer.docx_reader import legacy_font
from baocao.importer.markers import read_marker
from baocao.importer.numbering import Counters, LevelFormat
from baocao.importer.source import Where
from baocao.loading import load

FIXTURES = Path(__file__).parent / "fixtures" / "import"


@pytest.mark.parametrize(
    ("text", "kind", "marker", "number", "rest"),
    [
        ("PHẦN I. TÌNH HÌNH", "part", "PHẦN I.", 1, "TÌNH HÌNH"),
        ("Phần thứ hai", "part", "Phần thứ hai", 2, ""),
        ("A. CÔNG TÁC TỔ CHỨC", "upper", "A.", 1, "CÔNG TÁC TỔ CHỨC"),
        ("I- KẾT QUẢ", "roman", "I-", 1, "KẾT QUẢ"),
        ("IV. NHIỆM VỤ", "roman", "IV.", 4, "NHIỆM VỤ"),
        ("2.1. Đối với xã", "dotted", "2.1.", 1, "Đối với xã"),
        ("3/ Về y tế", "arabic", "3/", 3, "Về y tế"),
        ("12. Tiếp tục", "arabic", "12.", 12, "Tiếp tục"),
        ("(2) Thành lập", "paren", "(2)", 2, "Thành lập"),
        ("b) Hạnh kiểm", "alpha", "b)", 2, "Hạnh kiểm"),
        ("đ) Điểm năm", "alpha", "đ)", 5, "Điểm năm"),
        ("- Duy trì", "bullet", "-", 0, "Duy trì"),
        ("+ 4 cán bộ trẻ.", "bullet", "+", 0, "4 cán bộ trẻ."),
        ("• Nâng cao", "bullet", "•", 0, "Nâng cao"),
    ],
)
def test_markers(text: str, kind: str, marker: str, number: int, rest: str) -> None:
    m = read_marker(text)
    assert m is not None
    assert (m.kind, m.text, m.number, m.rest) == (kind, marker, number, rest)


@pytest.mark.parametrize(
    "text", ["Năm 2024, toàn huyện", "17/17 Tổ huyện", "-5% so với", "2024 là năm", "Ủy ban"]
)
def test_not_markers(text: str) -> None:
    assert read_marker(text) is None


def test_word_numbering_counters_follow_levels() -> None:
    formats = {
        "7": {
            0: LevelFormat("upperRoman", "%1."),
            1: LevelFormat("decimal", "%2."),
            2: LevelFormat("decimal", "%2.%3."),
        }
    }
    c = Counters(formats)
    seen = [c.marker("7", lvl) for lvl in (0, 1, 2, 2, 1, 0, 1)]
    assert seen == ["I.", "1.", "1.1.", "1.2.", "2.", "II.", "1."]
    assert c.marker("99", 0) == ""


def test_where_names_the_place_in_vietnamese() -> None:
    assert str(Where("paragraph", 12)) == "đoạn 12"
    assert str(Where("table", 1, 2, 1)) == "bảng 1, hàng 2, ô 1"
    assert Where("line", 4, part=2).as_tuple() == ("line", 4, "part", 2)


@pytest.mark.parametrize(
    ("font", "expected"),
    [(".VnTime", ("tcvn3", False)), (".VnTimeH", ("tcvn3", True)), ("VNI-Times", ("vni", False)),
     ("Times New Roman", None)],
)  # fmt: skip
def test_legacy_fonts(font: str, expected: object) -> None:
    assert legacy_font(font) == expected


def _text(header: str) -> str:
    body = "\n\nBÁO CÁO\nvề việc thử\n\nI. KẾT QUẢ\n\nĐã làm xong.\n\nNGƯỜI KÝ\nLê Văn An\n"
    return header + body


# ruff: noqa: E501 (header lines are kept whole, as a clerk would type them)
@pytest.mark.parametrize(
    ("header", "family", "number"),
    [
        ("UBND XÃ AN BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/BC-UBND\tAn Bình, ngày 02 tháng 3 năm 2025",
         "nha_nuoc", "12/BC-UBND"),
        ("ĐẢNG ỦY XÃ AN BÌNH      ĐẢNG CỘNG SẢN VIỆT NAM\nSố 07-BC/ĐU      An Bình, ngày 02 tháng 3 năm 2025",
         "dang", "07-BC/ĐU"),
        ("ĐẢNG ỦY XÃ AN BÌNH ĐẢNG CỘNG SẢN VIỆT NAM Số 07-BC/ĐU An Bình, ngày 02 tháng 3 năm 2025",
         "dang", "07-BC/ĐU"),
        ("UBND XÃ AN BÌNH\nSố: 12/BC-UBND\nAn Bình, ngày 02 tháng 3 năm 2025", "nha_nuoc", "12/BC-UBND"),
    ],
)  # fmt: skip
def test_header_columns_as_tabs_gaps_or_one_flattened_line(
    header: str, family: str, number: str
) -> None:
    result = import_report(_text(header).encode("utf-8"), suffix="txt")
    h = result.data["header"]
    assert h["family"] == family
    assert h["number"] == number
    assert h["place"] == "An Bình"
    assert h["date"] == "ngày 02 tháng 3 năm 2025"
    assert result.report is not None


def test_guessed_family_is_reported_with_its_clue() -> None:
    result = import_report(
        _text("UBND XÃ AN BÌNH\nSố: 12/BC-UBND\nAn Bình, ngày 02 tháng 3 năm 2025").encode(),
        suffix="txt",
    )
    (guess,) = [d for d in result.diagnostics if d.code == "IM202"]
    assert "12/BC-UBND" in guess.message
    assert guess.where == Where("line", 2)


def test_sources_point_at_the_source_places() -> None:
    result = import_report(FIXTURES / "party-basic.txt")
    assert result.sources["header.number"] == Where("line", 4, part=1)
    assert result.sources["header.place"] == Where("line", 4, part=2)
    assert result.sources["sections[0].sections[0]"] == Where("line", 14)
    assert result.sources["closing"].kind == "line"


def test_import_from_a_stream() -> None:
    data = (FIXTURES / "cong-van.docx").read_bytes()
    result = import_report(io.BytesIO(data))
    assert result.data["header"]["doc_type"] is None
    assert result.data["header"]["addressees"] == ["Ủy ban nhân dân tỉnh Ninh Bình"]


def test_double_marker_is_reported_and_the_typed_one_kept() -> None:
    result = import_report(FIXTURES / "double-marker.docx")
    doubles = [d for d in result.diagnostics if d.code == "IM301"]
    assert [d.where for d in doubles] == [Where("paragraph", 4), Where("paragraph", 6)]
    assert [s.title for s in result.report.sections] == ["KẾT QUẢ ĐẠT ĐƯỢC", "NHIỆM VỤ QUÝ II"]


def test_word_automatic_numbering_recovers_the_markers() -> None:
    result = import_report(FIXTURES / "state-auto-numbering.docx")
    quality = result.report.sections[0].sections[1]
    assert quality.title == "Chất lượng giáo dục"
    assert [s.title for s in quality.sections] == ["Học lực", "Hạnh kiểm"]


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("tcvn3-font.docx", "Trên đây là báo cáo của Ban Tổ chức Huyện ủy."),
        ("vni-font.docx", "Trên đây là báo cáo của Ban Tổ chức Huyện ủy."),
        ("tcvn3-text.txt", "Cập nhật thường xuyên trang thông tin điện tử của Huyện ủy."),
        ("vni-text.txt", "Tỷ lệ học sinh đạt học lực khá, giỏi là 58,3%."),
    ],
)
def test_legacy_inputs_come_back_as_unicode(name: str, phrase: str) -> None:
    result = import_report(FIXTURES / name)
    assert any(d.code == "IM101" for d in result.diagnostics)
    assert phrase in result.source_text
    assert "¸" not in result.source_text and "aù" not in result.source_text


def test_unknown_and_broken_files_are_clear_errors(tmp_path: Path) -> None:
    odd = tmp_path / "bao-cao.pdf"
    odd.write_bytes(b"%PDF-1.4")
    with pytest.raises(LoadError, match=r"\.pdf"):
        import_report(odd)
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(LoadError, match="không đọc được tệp Word"):
        import_report(broken)


def test_cli_import_writes_yaml_that_validates_leniently(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.yaml"
    runner = CliRunner()
    done = runner.invoke(main, ["import", str(FIXTURES / "pdf-damaged.txt"), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert "IM102" in done.output  # diagnostics on stderr (mixed in by CliRunner)
    assert load(out, lenient=True).header.number is not None
    again = runner.invoke(main, ["import", str(FIXTURES / "pdf-damaged.txt"), "-o", str(out)])
    assert again.exit_code == 1 and "--force" in again.output
    checked = runner.invoke(main, ["validate", "--lenient", str(out)])
    assert checked.exit_code == 0, checked.output


def test_cli_normalize_renders_the_official_form(tmp_path: Path) -> None:
    out = tmp_path / "moi.docx"
    done = CliRunner().invoke(
        main, ["normalize", str(FIXTURES / "tcvn3-font.docx"), "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "KẾT QUẢ THỰC HIỆN" in text
    assert "Trên đây là báo cáo của Ban Tổ chức Huyện ủy." in text


def test_cli_check_reads_a_word_file() -> None:
    done = CliRunner().invoke(main, ["check", str(FIXTURES / "pdf-damaged.txt")])
    assert "IM102" in done.output
    done = CliRunner().invoke(main, ["check", str(FIXTURES / "party-table-header.docx")])
    assert done.exit_code == 0, done.output


def test_an_unclaimed_line_after_the_closing_is_kept_with_its_place() -> None:
    text = _text("UBND XÃ AN BÌNH\nSố: 12/BC-UBND\nAn Bình, ngày 02 tháng 3 năm 2025")
    text = text.replace(
        "NGƯỜI KÝ", "Nơi nhận:\n- UBND tỉnh;\nĐiện thoại liên hệ 0210.3 812 456\nNGƯỜI KÝ"
    )
    result = import_report(text.encode(), suffix="txt")
    (kept,) = [d for d in result.diagnostics if d.code == "IM402"]
    assert kept.where == Where("line", 14) and kept.path == "closing"
    assert result.report.recipients.items[0].name == "UBND tỉnh"
    assert "Điện thoại liên hệ 0210.3 812 456" in result.report.closing


def test_a_signer_block_without_recipients_is_still_the_signer() -> None:
    result = import_report(
        _text("UBND XÃ AN BÌNH\nSố: 12/BC-UBND\nAn Bình, ngày 02 tháng 3 năm 2025").encode(),
        suffix="txt",
    )
    assert result.report.signer.title == "NGƯỜI KÝ"
    assert result.report.signer.name == "Lê Văn An"


def test_form_deviations_come_back_at_their_source_place() -> None:
    """Held as written (lenient), reported with the model's code and the line it came from."""
    result = import_report(FIXTURES / "spaced-number.txt")
    assert result.report.header.number.written == "Số : 07 /BC - NV"
    found = {(d.code, d.path): d.where for d in result.diagnostics if d.code.startswith("BC")}
    assert found[("BC901", "header.number")] == Where("line", 3, part=1)
    assert found[("BC904", "header.date.written")] == Where("line", 3, part=2)
    assert not [d for d in result.diagnostics if d.code == "IM204"]


def test_undated_text_gets_this_year_and_says_so() -> None:
    """A report with no date and no year anywhere is not dated 1900: this year, flagged IM202."""
    import datetime

    from baocao import import_report

    result = import_report(b"BAO CAO\nNoi dung khong co ngay thang.\n", suffix="txt")
    assert str(datetime.date.today().year) in str(result.data["header"]["date"])
    assert "1900" not in str(result.data["header"]["date"])
    assert any(d.code == "IM202" for d in result.diagnostics)
