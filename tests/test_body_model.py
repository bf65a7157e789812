"""The body and closing as data: numbering, headings, lists, tables, signers, appendices."""

from __future__ import annotations

from typing import Any

import pytest

import baocao
from baocao.errors import InputError
from baocao.layout import layout
from baocao.model import LevelStyle, NumberingScheme, Recipients, Table


def _report(family: str = "nha_nuoc", **extra: Any) -> baocao.Document:
    data: dict[str, Any] = {
        "header": {
            "family": family,
            "issuer": {"parent": "CẤP TRÊN", "name": "CƠ QUAN A"},
            "number": "12/BC-UBND" if family == "nha_nuoc" else "12-BC/ĐU",
            "place": "Xã Đông",
            "date": "2026-01-05",
            "subject": "tình hình",
        },
        "sections": [{"title": "Kết quả", "blocks": ["Nội dung."]}],
    }
    data.update(extra)
    return baocao.Document.model_validate(data)


@pytest.mark.parametrize(
    ("pattern", "kind", "first", "fourth"),
    [
        ("PHẦN I", "part", "PHẦN I", "PHẦN IV"),
        ("Phần thứ nhất", "part", "Phần thứ nhất", "Phần thứ tư"),
        ("PHẦN THỨ NHẤT", "part", "PHẦN THỨ NHẤT", "PHẦN THỨ TƯ"),
        ("A.", "letter", "A.", "D."),
        ("I-", "roman", "I-", "IV-"),
        ("I.", "roman", "I.", "IV."),
        ("1.", "arabic", "1.", "4."),
        ("1/", "arabic", "1/", "4/"),
        ("(1)", "paren", "(1)", "(4)"),
        ("a)", "alpha", "a)", "d)"),
        ("–", "bullet", "–", "–"),
        ("•", "bullet", "•", "•"),
        ("+", "bullet", "+", "+"),
    ],
)
def test_a_level_is_written_as_its_first_label(
    pattern: str, kind: str, first: str, fourth: str
) -> None:
    """Each pattern reads as a level whose labels continue the way the first one is written."""
    level = LevelStyle.model_validate(pattern)
    assert level.kind == kind
    assert (level.label(1), level.label(4)) == (first, fourth)


def test_an_unknown_pattern_is_refused_with_the_forms_it_knows() -> None:
    with pytest.raises(ValueError, match="PHẦN I"):
        LevelStyle.model_validate("§1")


def test_style_follows_the_kind_not_the_depth() -> None:
    """A Part level above I. leaves "1." bold and upright and "a)" italic (Party)."""
    plain = NumberingScheme.model_validate(["I-", "1.", "a)"]).resolved("dang")
    parted = NumberingScheme.model_validate(["PHẦN I", "I-", "1.", "a)"]).resolved("dang")
    for a, b in zip(plain.levels, parted.levels[1:], strict=True):
        assert (a.bold, a.italic, a.upper) == (b.bold, b.italic, b.upper)
    part = parted.levels[0]
    assert (part.bold, part.upper, part.align, part.label_line) == (True, True, "center", True)
    assert parted.label((2, 1, 3)) == "3."
    assert parted.label((1, 1, 1, 2)) == "b)"


def test_dotted_labels_join_only_arabic_levels() -> None:
    scheme = NumberingScheme.model_validate(["PHẦN I", "I.", "1.", "1.1."])
    assert scheme.label((2, 3, 4, 5)) == "4.5."


def test_written_level_fields_override_the_kind() -> None:
    scheme = NumberingScheme.model_validate([{"pattern": "a)", "bold": True}]).resolved("dang")
    assert (scheme.levels[0].bold, scheme.levels[0].italic) == (True, True)


def test_multi_line_part_heading_prints_as_separate_lines() -> None:
    doc = _report(
        numbering=["Phần I", "I."],
        sections=[{"title": "Kết quả\nthực hiện", "sections": [{"title": "Chỉ đạo"}]}],
    )
    part, roman_ = layout(doc).headings
    assert [("".join(r.text for r in ln)) for ln in part.printed_lines()] == [
        "Phần I",
        "KẾT QUẢ",
        "THỰC HIỆN",
    ]
    assert (part.kind, part.align) == ("part", "center")
    assert roman_.kind == "roman" and roman_.printed_lines()[0][0].text == "I. "


def test_run_in_heading_keeps_its_text_in_one_paragraph() -> None:
    doc = _report(
        numbering=["I.", {"pattern": "a)", "bold": True}],
        sections=[
            {
                "title": "Kết quả",
                "sections": [{"title": "Về thể chế:", "run_in": "đã ban hành 12 văn bản."}],
            }
        ],
    )
    line = layout(doc).headings[1]
    assert line.run_in and line.text == "a) Về thể chế: đã ban hành 12 văn bản."
    assert [r.bold for r in line.runs] == [True, False, False]
    assert len(line.printed_lines()) == 1


def test_written_label_takes_no_number_and_blocks_come_before_sections() -> None:
    doc = _report(
        blocks=["Mở đầu không đánh số."],
        sections=[{"title": "Một"}, {"title": "Kết luận", "label": ""}, {"title": "Hai"}],
    )
    lay = layout(doc)
    assert lay.body[0].text == "Mở đầu không đánh số." and lay.body[0].loc == ("blocks", 0)
    assert [h.text for h in lay.headings] == ["I. MỘT", "KẾT LUẬN", "II. HAI"]


def test_list_items_nest_with_their_own_marks() -> None:
    doc = _report(
        sections=[
            {
                "title": "A",
                "blocks": [
                    {
                        "type": "bullets",
                        "items": [
                            {
                                "text": "Giáo dục:",
                                "children": [
                                    {"type": "bullets", "marker": "+", "items": ["mầm non"]},
                                    {"type": "numbered", "marker": "(1)", "items": ["x", "y"]},
                                ],
                            },
                            "Y tế.",
                        ],
                    }
                ],
            }
        ]
    )
    items = [ln for ln in layout(doc).body if ln.role in ("bullet", "numbered")]
    assert [(ln.label, ln.indent, ln.body_text) for ln in items] == [
        ("-", 0, "Giáo dục:"),
        ("+", 1, "mầm non"),
        ("(1)", 1, "x"),
        ("(2)", 1, "y"),
        ("-", 0, "Y tế."),
    ]
    assert items[1].loc == ("sections", 0, "blocks", 0, "items", 0, "children", 0, "items", 0)


_LISTED = {
    "type": "tally",
    "total": 29,
    "noun": "đảng viên",
    "parts_as": "list",
    "count_last": True,
    "parts": [{"count": 12, "scope": "nam"}, {"count": 17, "scope": "nữ"}],
}


def test_a_listed_tally_prints_its_parts_as_lines_under_it() -> None:
    doc = _report(sections=[{"title": "A", "blocks": [{"spans": ["Có ", _LISTED]}]}])
    lines = [ln.text for ln in layout(doc).body[1:]]
    assert lines == ["Có 29 đảng viên, trong đó:", "+ nam 12;", "+ nữ 17."]


def test_a_listed_tally_that_does_not_add_up_is_refused_or_held() -> None:
    bad = {**_LISTED, "total": 30}
    data = {"sections": [{"title": "A", "blocks": [{"spans": [bad]}]}]}
    with pytest.raises(Exception, match="12 \\+ 17 ≠ 30"):
        _report(**data)
    with baocao.lenient_mode():
        doc = _report(**data)
    assert [d.code for d in baocao.deviations(doc)] == ["BC906"]


def _table(**extra: Any) -> dict[str, Any]:
    return {
        "type": "table",
        "unit": "Đơn vị tính: triệu đồng",
        "header": [
            [{"text": "TT", "rows": 2}, {"text": "Nguồn", "rows": 2}, {"text": "Năm", "span": 2}],
            ["Kế hoạch", "Thực hiện"],
        ],
        "rows": [[1, "Ngân sách", 1250, 1300.5], [2, "Dân góp", 50, "49,5"]],
        "total": ["", "Tổng", 1300, 1350],
        **extra,
    }


def test_table_merged_header_numbers_and_totals() -> None:
    t = Table.model_validate(_table())
    assert t.columns == 4 and t.leaf_names() == ["TT", "Nguồn", "Kế hoạch", "Thực hiện"]
    assert t.column_align() == ["center", "left", "right", "right"]
    assert t.kept_together()
    view = layout(_report(sections=[{"title": "A", "blocks": [_table()]}])).body[1].table
    assert view is not None
    assert view.rows[0] == ("1", "Ngân sách", "1.250", "1.300,5")
    assert view.total == ("", "Tổng", "1.300", "1.350")
    assert [(c.text, c.row, c.column, c.span, c.rows) for c in view.header_cells][2:] == [
        ("Năm", 0, 2, 2, 1),
        ("Kế hoạch", 1, 2, 1, 1),
        ("Thực hiện", 1, 3, 1, 1),
    ]


def test_a_totals_row_that_does_not_add_up_is_bc908() -> None:
    wrong = _table(total=["", "Tổng", 1300, 1351])
    with pytest.raises(Exception, match=r"BC908|1351"):
        Table.model_validate(wrong)
    with baocao.lenient_mode():
        doc = _report(sections=[{"title": "A", "blocks": [wrong]}])
    (dev,) = baocao.deviations(doc)
    assert dev.code == "BC908" and dev.loc == ("sections", 0, "blocks", 0, "total")
    assert dev.suggestion == "1350"


def test_a_header_whose_rows_do_not_fit_is_refused() -> None:
    with pytest.raises(ValueError, match="different numbers of columns"):
        Table.model_validate({"header": [[{"text": "A", "span": 2}], ["x"]], "rows": []})


def test_a_long_table_is_not_kept_on_one_page() -> None:
    rows = [[i, "x"] for i in range(20)]
    assert not Table.model_validate({"header": ["TT", "Tên"], "rows": rows}).kept_together()


def test_recipients_start_with_nhu_tren_when_there_is_a_kinh_gui() -> None:
    doc = _report(
        header={**_report().header.model_dump(exclude_none=True), "addressees": ["UBND tỉnh"]},
        recipients={"items": ["Sở Nội vụ"], "archive": "VT"},
    )
    assert layout(doc).recipients is not None
    assert layout(doc).recipients.lines == ("- Như trên;", "- Sở Nội vụ;", "- Lưu: VT.")  # type: ignore[union-attr]
    written = doc.model_copy(
        update={"recipients": Recipients(items=["Như trên"], archive="VT")}
    )
    assert layout(written).recipients.lines == ("- Như trên;", "- Lưu: VT.")  # type: ignore[union-attr]


def test_joint_signers_signed_copies_and_the_digital_line() -> None:
    one = {
        "authority": "TM",
        "on_behalf": "ỦY BAN",
        "title": "CHỦ TỊCH",
        "name": "A",
        "signed": True,
    }
    two = {"title": "TRƯỞNG BAN", "name": "B", "digital_signature": "Ký bởi: B"}
    lay = layout(_report(signers=[one, two]))
    assert [s.name for s in lay.signers] == ["A", "B"]
    assert lay.signers[0].signed_mark == "(Đã ký)" and lay.signers[1].digital == "Ký bởi: B"
    with pytest.raises(ValueError, match="signer or signers"):
        _report(signer=two, signers=[one])
    assert layout(_report()).signers == ()


@pytest.mark.parametrize(
    ("family", "labels"),
    [("nha_nuoc", ["Phụ lục I", "Phụ lục II"]), ("dang", ["Phụ lục 1", "Phụ lục 2"])],
)
def test_appendices_are_numbered_by_family(family: str, labels: list[str]) -> None:
    doc = _report(family, appendices=[{"title": "BẢNG A", "blocks": ["x"]}, {"title": "BẢNG B"}])
    views = layout(doc).appendices
    assert [a.label for a in views] == labels
    assert views[0].body[0].loc == ("appendices", 0, "blocks", 0)


def test_bad_table_in_a_file_names_the_field(tmp_path: Any) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "header: {family: nha_nuoc, issuer: {name: A}, number: 1/BC-A, place: X,"
        " date: 2026-01-05, subject: s}\n"
        "sections:\n  - title: A\n    blocks:\n      - type: table\n"
        "        header: [A, B]\n        rows: [[1, 2, 3]]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        baocao.load(path)
    assert "sections[0].blocks[0]" in str(err.value) and "rows[0] has 3 cells" in str(err.value)
