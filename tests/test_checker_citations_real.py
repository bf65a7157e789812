"""Citations as offices write them (checker.mentions): read, checked by date and issuer."""

from __future__ import annotations

import pytest

from baocao import check

from .fixtures.checker.factory import found, report

STATE = {
    "family": "nha_nuoc",
    "issuer": {"parent": "UBND TỈNH MINH SƠN", "name": "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ"},
    "number": "12/BC-UBND",
    "doc_type": "BÁO CÁO",
    "subject": "Kết quả thực hiện nhiệm vụ năm 2023",
}
STATE_SIGNER = {
    "authority": "TM",
    "on_behalf": "ỦY BAN NHÂN DÂN",
    "title": "CHỦ TỊCH",
    "name": "Lê Văn Bình",
}


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện kế hoạch số 20-KH/ĐU, ngày 20/12/2023 của Đảng ủy xã.",  # lower case
        "Thực hiện Kế hoạch 20-KH/ĐU, ngày 20/12/2023 của Đảng ủy xã.",  # no "số"
        "Thực hiện Kế hoạch số 20/KH/ĐU, ngày 20/12/2023 của Đảng ủy xã.",  # slashes
        "Thực hiện Kế hoạch số 20-KH/ĐU, ngày 20 tháng 12 năm 2023 của Đảng ủy xã.",  # long date
    ],
)
def test_a_citation_in_real_wording_is_read_and_its_date_checked(text: str) -> None:
    """Each wording is recognised, so BC301 sees a plan dated after the 15/12/2023 report."""
    got = found(report(text), "BC301")
    assert len(got) == 1
    assert got[0].text is not None and "20" in got[0].text


def test_the_slash_form_of_a_party_symbol_is_reported_with_the_hyphen_form() -> None:
    got = found(report("Thực hiện kế hoạch số 39/KH/HU, ngày 15/01/2023 của Huyện ủy."), "BC203")
    assert [d.suggestion for d in got] == ["Kế hoạch số 39-KH/HU"]


def test_a_state_symbol_in_the_party_form_is_reported() -> None:
    rep = report(
        "Thực hiện Kế hoạch số 45-KH/UBND ngày 10/02/2023 của Ủy ban nhân dân tỉnh.",
        header=STATE,
        signer=STATE_SIGNER,
    )
    assert [d.suggestion for d in found(rep, "BC203")] == ["Kế hoạch số 45/KH-UBND"]


def test_a_party_later_mention_without_so_is_not_a_form_error() -> None:
    rep = report("Thực hiện Kế hoạch 39-KH/HU của Ban Thường vụ Huyện ủy.")
    assert found(rep, "BC203") == []


def test_a_district_plan_attributed_to_a_commune_committee_is_reported() -> None:
    """BC103: ``-KH/HU`` is the Huyện ủy's code, not the commune Đảng ủy's."""
    got = found(report("Thực hiện Kế hoạch số 139-KH/HU, ngày 12/3/2023 của Đảng ủy xã."), "BC103")
    assert len(got) == 1
    assert '"HU"' in got[0].message and '"ĐU"' in got[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Kế hoạch số 139-KH/HU, ngày 12/3/2023 của Ban Thường vụ Huyện ủy.",
        "Thực hiện Hướng dẫn số 08-HD/BTGHU, ngày 20/11/2023 của Ban Tuyên giáo Huyện ủy.",
        "Thực hiện Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương.",
    ],
)
def test_an_issuer_code_matching_its_issuer_is_not_reported(text: str) -> None:
    assert found(report(text), "BC103") == []


def test_a_2016_central_regulation_is_not_told_to_become_qdi() -> None:
    """The false alarm of issue 14: 29-QĐ/TW of 2016 predates Hướng dẫn 36 (2018)."""
    rep = report("Thực hiện Quy định số 29-QĐ/TW, ngày 25/7/2016 của Ban Chấp hành Trung ương.")
    assert [d for d in check(rep) if d.code.startswith("BC2")] == []


def test_qdi_on_a_document_older_than_hd36_is_reported() -> None:
    rep = report("Thực hiện Quy định số 12-QĐi/HU, ngày 10/01/2017 của Ban Thường vụ Huyện ủy.")
    assert [d.suggestion for d in found(rep, "BC202")] == ["Quy định số 12-QĐ/HU"]


def test_an_undated_regulation_keeps_the_profile_of_the_report() -> None:
    """Without a date the report's own profile (HD 36 for 2023) still applies."""
    rep = report("Thực hiện Quy định số 02-QĐ/HU của Ban Thường vụ Huyện ủy.")
    assert [d.suggestion for d in found(rep, "BC202")] == ["Quy định số 02-QĐi/HU"]


def test_a_preamble_citation_without_the_date_given_later_is_reported() -> None:
    rep = report(
        "Theo Kế hoạch số 77-KH/HU, ngày 20/5/2023, các chi bộ đã triển khai.",
        preamble=["Thực hiện Kế hoạch số 77-KH/HU của Ban Thường vụ Huyện ủy, Đảng ủy báo cáo:"],
    )
    got = found(rep, "BC104")
    assert [(d.path, d.suggestion) for d in got] == [
        ("preamble[0]", "Kế hoạch số 77-KH/HU, ngày 20/5/2023")
    ]


def test_the_same_document_cited_two_ways_in_real_wording_is_reported() -> None:
    """BC101 runs on citations the textbook reader missed (lower case, slashes)."""
    rep = report(
        "Thực hiện kế hoạch số 39/KH/HU, ngày 15/01/2023 của Ban Thường vụ Huyện ủy.",
        "Theo Kế hoạch số 39-KH/HU, ngày 15/02/2023 của Ban Thường vụ Huyện ủy.",
        "Thực hiện Kế hoạch số 39-KH/HU, ngày 15/02/2023 của Ban Thường vụ Huyện ủy.",
    )
    got = found(rep, "BC101")
    assert len(got) == 1 and got[0].text is not None and got[0].text.startswith("kế hoạch")


def test_a_basis_named_without_its_number_is_reported_in_the_preamble() -> None:
    rep = report(
        "Thực hiện Kế hoạch của Ban Thường vụ Huyện ủy, các chi bộ đã triển khai.",
        preamble=[
            "Thực hiện Kế hoạch của Ban Thường vụ Huyện ủy về chuyển đổi số, Đảng ủy báo cáo:"
        ],
    )
    got = found(rep, "BC105")
    assert [(d.path, d.text) for d in got] == [
        ("preamble[0]", "Kế hoạch của Ban Thường vụ Huyện ủy về chuyển đổi số")
    ]


def test_a_policy_or_a_meeting_conclusion_is_not_a_basis_to_number() -> None:
    rep = report(
        "Nội dung.",
        preamble=[
            "Thực hiện Nghị quyết của Đảng và Kết luận của đồng chí Bí thư, Đảng ủy báo cáo:"
        ],
    )
    assert found(rep, "BC105") == []


def test_a_state_symbol_year_must_be_its_date_year() -> None:
    got = found(
        report("Thực hiện Nghị định số 27/2022/NĐ-CP ngày 19/4/2021 của Chính phủ."), "BC305"
    )
    assert len(got) == 1 and "2022" in got[0].message
    assert found(report("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020."), "BC305") == []
