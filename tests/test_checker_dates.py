"""BC3xx: dates that cannot be right (baocao.checker.dates)."""

from __future__ import annotations

from .fixtures.checker.factory import found, report, seed_data, seed_variant

K = "Thực hiện Kế hoạch số 20-KH/ĐU, ngày {} của Đảng ủy xã."


def test_a_document_cited_after_the_report_is_an_error() -> None:
    """Report of 15/12/2023 citing a plan of 20/12/2023."""
    [d] = found(report(K.format("20/12/2023")), "BC301")
    assert d.severity == "error"
    assert "20/12/2023" in d.message and "15/12/2023" in d.message


def test_documents_cited_before_or_on_the_report_date_are_fine() -> None:
    """Same day and earlier dates are not reported."""
    rep = report(K.format("15/12/2023"), K.format("01/02/2020"))
    assert found(rep, "BC301") == []


def test_a_draft_date_is_compared_by_its_last_possible_day() -> None:
    """A draft dated "December 2023" may cite 30/12/2023 but not 02/01/2024."""
    draft = {"date": "2023-12-__"}
    assert found(report(K.format("30/12/2023"), header=draft), "BC301") == []
    assert len(found(report(K.format("02/01/2024"), header=draft), "BC301")) == 1


def test_reporting_year_far_from_the_report_date_is_a_warning() -> None:
    """A report on 2021 dated 2023 is reported at period_year; 2023 and 2024 dates are fine."""
    [d] = found(seed_variant(period_year=2021), "BC302")
    assert d.path == "period_year" and d.severity == "warning"
    assert found(seed_variant(period_year=2023), "BC302") == []
    assert found(seed_variant(period_year=2022), "BC302") == []


def test_part_titles_must_name_the_period_and_the_next_year() -> None:
    """Part I titled with another year, part III with the reporting year: both reported."""
    data = seed_data()
    data["results"]["title"] = "Kết quả thực hiện năm 2022"
    data["tasks"]["title"] = "Một số nhiệm vụ và giải pháp năm 2023"
    rep = seed_variant(results=data["results"], tasks=data["tasks"])
    paths = {d.path: d.suggestion for d in found(rep, "BC303")}
    assert paths == {
        "results.title": "Kết quả thực hiện năm 2023",
        "tasks.title": "Một số nhiệm vụ và giải pháp năm 2024",
    }


def test_generic_documents_are_held_to_their_date() -> None:
    """Dated 2023: "Nhiệm vụ năm 2025" and "Kết quả năm 2021" are wrong, 2024 and 2023 fine."""
    wrong = report(
        sections=[
            {"title": "Kết quả thực hiện năm 2021", "blocks": ["Nội dung."]},
            {"title": "Phương hướng, nhiệm vụ năm 2025", "blocks": ["Nội dung."]},
        ]
    )
    assert [d.path for d in found(wrong, "BC303")] == ["sections[0].title", "sections[1].title"]
    right = report(
        sections=[
            {"title": "Kết quả thực hiện năm 2023", "blocks": ["Nội dung."]},
            {"title": "Nhiệm vụ năm 2024", "blocks": ["Nội dung."]},
        ]
    )
    assert found(right, "BC303") == []


def test_default_part_titles_agree_with_the_period() -> None:
    """Titles generated from period_year are never reported."""
    assert found(seed_variant(), "BC303") == []


def test_impossible_dates_in_text_are_reported() -> None:
    """31/6/2023, 29-02-2023 and "ngày 30 tháng 2 năm 2024" do not exist."""
    rep = report(
        "Hội nghị ngày 31/6/2023 đã diễn ra.",
        "Theo văn bản ngày 29-02-2023.",
        "Hạn chót ngày 30 tháng 2 năm 2024.",
    )
    assert [d.path for d in found(rep, "BC304")] == [f"sections[0].blocks[{i}]" for i in range(3)]


def test_real_dates_and_other_slashes_are_not_dates_in_error() -> None:
    """29/02/2024 (leap year), a fraction, a State symbol and a count per quarter pass."""
    rep = report(
        "Ngày 29/02/2024, 17/17 Tổ huyện báo cáo theo Nghị định số 30/2020/NĐ-CP, 01 lần/quý."
    )
    assert found(rep, "BC304") == []
