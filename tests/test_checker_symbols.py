"""BC201/BC202: the type code matches the kind, per family and format profile."""

from __future__ import annotations

import pytest

from baocao import check

from .fixtures.checker.factory import found, report


def test_a_type_code_of_another_kind_is_an_error() -> None:
    """ "Kế hoạch số 135-BC/TU": BC is the code of a báo cáo, a kế hoạch takes KH."""
    [d] = found(report("Thực hiện Kế hoạch số 135-BC/TU của Ban Thường vụ Tỉnh ủy."), "BC201")
    assert d.severity == "error"
    assert d.suggestion == "Kế hoạch số 135-KH/TU"


def test_matching_type_codes_are_accepted() -> None:
    """KH, KL, HD, CV, QĐ for their kinds: nothing reported."""
    text = (
        "Thực hiện Kế hoạch số 135-KH/TU, Kết luận số 18-KL/TW, Hướng dẫn số 03-HD/TU, "
        "Công văn số 1027-CV/HU và Quyết định số 1848-QĐ/HU."
    )
    assert [d for d in check(report(text)) if d.code.startswith("BC2")] == []


def test_party_regulation_code_depends_on_the_profile() -> None:
    """Party "Quy định": QĐ warns under dang-hd36, QĐi warns under dang-hd05, never an error."""
    qd = report("Thực hiện Quy định số 02-QĐ/HU của Ban Thường vụ Huyện ủy.")
    qdi = report("Thực hiện Quy định số 02-QĐi/HU của Ban Thường vụ Huyện ủy.")
    [d] = found(qd, "BC202", profile="dang-hd36")
    assert d.severity == "warning" and d.suggestion == "Quy định số 02-QĐi/HU"
    assert found(qdi, "BC202", profile="dang-hd36") == []
    assert found(qd, "BC202", profile="dang-hd05") == []
    [d] = found(qdi, "BC202", profile="dang-hd05")
    assert d.suggestion == "Quy định số 02-QĐ/HU"
    assert found(qd, "BC201") == found(qdi, "BC201") == []


def test_the_default_profile_is_the_one_in_force_on_the_report_date() -> None:
    """A 2023 report is read under Hướng dẫn 36 (QĐi), one of mid-2026 under Hướng dẫn 05 (QĐ)."""
    text = "Thực hiện Quy định số 02-QĐi/HU của Ban Thường vụ Huyện ủy."
    assert found(report(text), "BC202") == []
    assert len(found(report(text, header={"date": "2026-06-15"}), "BC202")) == 1


def test_state_regulation_takes_qyd() -> None:
    """A State "Quy định" is QyĐ (NĐ 30 Phụ lục III); QĐ there is an error, not a period variant."""
    [d] = found(report("Kèm theo Quy định số 05/QĐ-UBND của Ủy ban nhân dân tỉnh."), "BC201")
    assert d.suggestion == "Quy định số 05/QyĐ-UBND"
    assert found(report("Theo Quy định số 05/QyĐ-UBND của Ủy ban nhân dân tỉnh."), "BC201") == []


def test_state_documents_without_type_code_are_not_checked() -> None:
    """A State công văn (05/BNV-VP) and a law (80/2015/QH13) carry no type code to check."""
    text = "Theo Công văn số 05/BNV-VP và Luật số 80/2015/QH13."
    assert [d for d in check(report(text)) if d.code.startswith("BC2")] == []


def test_the_report_own_number_matches_its_type() -> None:
    """A BÁO CÁO numbered "12-KH/ĐU" is reported at header.number."""
    [d] = found(report(header={"number": "12-KH/ĐU"}), "BC201")
    assert d.path == "header.number"
    assert d.suggestion == "12-BC/ĐU"


def test_an_unknown_profile_is_refused() -> None:
    """``profile`` must name a known format profile."""
    with pytest.raises(ValueError, match="dang-hd99"):
        check(report(), profile="dang-hd99")
