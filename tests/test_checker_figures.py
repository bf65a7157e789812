"""Implausible figures, separators, table totals, parts and shares (BC405–BC410)."""

from __future__ import annotations

from typing import Any

import pytest

from baocao.checker.figures import read_number

from .fixtures.checker.factory import found, report


def test_read_number_reads_the_vietnamese_form() -> None:
    assert read_number("1.250") == 1250
    assert read_number("96,2") == 96.2
    assert read_number("abc") is None


def test_a_commune_population_in_the_hundred_millions_is_an_error() -> None:
    got = found(report("Xã có dân số 141.906.000 người."), "BC405")
    assert [(d.text, d.severity) for d in got] == [("141.906.000 người", "error")]


def test_a_plausible_population_and_area_pass() -> None:
    assert found(report("Xã có dân số 14.190 người, diện tích tự nhiên 21,45 km²."), "BC405") == []


def test_a_commune_area_of_thousands_of_square_kilometres_is_reported() -> None:
    assert len(found(report("Diện tích tự nhiên 2.145 km²."), "BC405")) == 1


def test_a_thousands_comma_is_reported_only_where_dots_group_thousands() -> None:
    got = found(report("Có 3.250 hộ; đăng ký 1,250 việc làm."), "BC406")
    assert [d.suggestion for d in got] == ["1.250"]
    assert found(report("Đăng ký 1,250 việc làm."), "BC406") == []


def test_a_decimal_point_before_a_unit_is_reported() -> None:
    got = found(report("Tỷ lệ hộ nghèo còn 1.2%; thực hiện mục 1.2 của kế hoạch."), "BC406")
    assert [d.text for d in got] == ["1.2"]


def _table(total: str) -> dict[str, Any]:
    return {
        "type": "table",
        "header": ["TT", "Nguồn", "Kế hoạch", "Thực hiện"],
        "rows": [
            ["1", "Tỉnh", "4.500", "4.500"],
            ["2", "Xã", "1.200", "1.350"],
            ["", "Tổng cộng", "5.700", total],
        ],
    }


def test_a_total_row_that_does_not_add_up_is_reported_on_its_cell() -> None:
    got = found(report(_table("5.950")), "BC407")
    assert [(d.path, d.text, d.suggestion) for d in got] == [
        ("sections[0].blocks[0].rows[2][3]", "5.950", "5.850")
    ]


def test_a_total_row_that_adds_up_passes() -> None:
    assert found(report(_table("5.850")), "BC407") == []


@pytest.mark.parametrize(
    "text",
    [
        "Nắm bắt 38 luồng dư luận, trong đó 41 luồng về đời sống.",
        "Nhân dân đóng góp 1.250 triệu đồng; trong đó 1.480 triệu đồng từ doanh nghiệp.",
        "Tổng thu 12.450 triệu đồng, bằng 108,3% dự toán; trong đó thu tại xã 13.120 triệu đồng.",
    ],
)
def test_a_part_larger_than_its_whole_in_prose_is_reported(text: str) -> None:
    assert len(found(report(text), "BC408")) == 1


def test_a_part_within_its_whole_passes() -> None:
    assert found(report("Nắm bắt 38 luồng dư luận, trong đó 31 luồng về đời sống."), "BC408") == []


def test_a_share_that_does_not_match_its_fraction_is_reported() -> None:
    got = found(report("Có 312/325 đảng viên tham dự, đạt 104,2%."), "BC409")
    assert [(d.text, d.suggestion) for d in got] == [("104,2%", "96%")]
    got = found(report("Đúng hạn đạt 98,6% (4.198/4.215 hồ sơ)."), "BC409")
    assert [d.suggestion for d in got] == ["99,6%"]


def test_a_share_matching_its_fraction_passes() -> None:
    assert found(report("Có 312/325 đảng viên tham dự, đạt 96%."), "BC409") == []


def test_a_rate_over_a_hundred_is_reported_but_not_against_a_plan() -> None:
    got = found(report("Tỷ lệ tiêm chủng đạt 101,3%; thu ngân sách đạt 108% dự toán."), "BC410")
    assert [d.text for d in got] == ["101,3%"]
