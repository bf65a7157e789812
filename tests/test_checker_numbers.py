"""BC4xx: numbers written as text that contradict themselves (baocao.checker.numbers)."""

from __future__ import annotations

from .fixtures.checker.factory import found, report


def test_a_text_breakdown_that_does_not_add_up_is_reported() -> None:
    """ "21 … (trong đó 3 …; 17 …)": 3 + 17 ≠ 21."""
    rep = report(
        "Có 21 khó khăn, vướng mắc (trong đó 3 khó khăn, vướng mắc thuộc thẩm quyền của "
        "Tổ huyện; 17 khó khăn, vướng mắc thuộc thẩm quyền của Đảng ủy xã)."
    )
    [d] = found(rep, "BC401")
    assert d.severity == "warning"
    assert "3 + 17 = 20" in d.message and "21" in d.message


def test_a_breakdown_that_adds_up_is_fine() -> None:
    """The seed's wording with 3 + 18 = 21 passes, as do a subset and comma-listed traits."""
    rep = report(
        "Có 21 khó khăn, vướng mắc (trong đó 3 khó khăn thuộc Tổ huyện; 18 khó khăn thuộc xã).",
        "Kết nạp 30 đảng viên (trong đó 12 nữ).",
        "Có 45 đảng viên (trong đó: 20 nữ, 10 người dân tộc thiểu số).",
    )
    assert found(rep, "BC401") == []


def test_a_part_larger_than_its_total_is_reported_even_alone() -> None:
    """ "10 đảng viên (trong đó 12 nữ)": one part cannot exceed the whole."""
    assert len(found(report("Kết nạp 10 đảng viên (trong đó 12 nữ)."), "BC401")) == 1


def test_thousands_separators_are_read() -> None:
    """ "1.250 hộ (trong đó 1.000 …; 250 …)" adds up."""
    rep = report("Có 1.250 hộ (trong đó 1.000 hộ khá; 250 hộ nghèo).")
    assert found(rep, "BC401") == []


def test_a_share_above_100_percent_is_reported() -> None:
    """ "105% chi bộ" is more than all of them."""
    [d] = found(report("Đã kiểm tra 105% chi bộ trực thuộc."), "BC402")
    assert d.severity == "warning" and "105%" in d.message


def test_growth_and_comparisons_may_exceed_100_percent() -> None:
    """ "tăng 150%", "đạt 120% kế hoạch", "99,5%" and "100%" are not reported."""
    rep = report(
        "Thu ngân sách tăng 150% so với năm trước; đạt 120% kế hoạch.",
        "Đã kiểm tra 99,5% hồ sơ và 100% chi bộ.",
        "Vốn giải ngân 105% dự toán; thu ngân sách 130% cùng kỳ.",
    )
    assert found(rep, "BC402") == []


def test_a_fraction_with_the_part_over_the_whole_is_an_error() -> None:
    """ "18/17 Tổ huyện"."""
    [d] = found(report("Có 18/17 Tổ huyện gửi báo cáo."), "BC403")
    assert d.severity == "error"


def test_day_and_month_are_not_fractions() -> None:
    """ "ngày 24/9 của …" is a date, not 24 of 9."""
    assert found(report("Hội nghị ngày 24/9 của Đảng ủy xã."), "BC403") == []


def test_fractions_of_the_same_noun_with_different_wholes_are_reported() -> None:
    """17/17 Tổ huyện twice and 15/16 Tổ huyện once: the whole 16 is the odd one out."""
    rep = report(
        "Có 17/17 Tổ huyện gửi báo cáo.",
        "Có 17/17 Tổ huyện họp định kỳ.",
        "Có 15/16 Tổ huyện dự sinh hoạt đủ.",
    )
    [d] = found(rep, "BC404")
    assert d.path == "sections[0].blocks[2]"
    assert d.suggestion == "15/17 tổ huyện"


def test_a_count_above_the_known_whole_is_reported() -> None:
    """17/17 Tổ huyện, then 18 Tổ huyện elsewhere."""
    rep = report("Có 17/17 Tổ huyện gửi báo cáo.", "Năm qua, 18 Tổ huyện đã dự sinh hoạt.")
    [d] = found(rep, "BC404")
    assert d.path == "sections[0].blocks[1]"


def test_counts_within_the_whole_and_other_nouns_are_fine() -> None:
    """3 Tổ huyện of 17, and 21 khó khăn, contradict nothing."""
    rep = report(
        "Có 17/17 Tổ huyện gửi báo cáo.",
        "Còn 3 Tổ huyện gửi chậm; có 21 khó khăn, vướng mắc.",
    )
    assert found(rep, "BC404") == []


def test_a_broader_count_is_not_held_to_a_narrower_fraction() -> None:
    """ "842 hồ sơ giải quyết đúng hạn" is not more than "23/23 hồ sơ quá hạn"."""
    rep = report(
        "Đã giải quyết 23/23 hồ sơ quá hạn.",
        "Tiếp nhận 865 hồ sơ thủ tục hành chính; 842 hồ sơ giải quyết đúng hạn.",
    )
    assert found(rep, "BC404") == []
