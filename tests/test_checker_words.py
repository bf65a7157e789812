"""Real-word errors, dictionary, doubled words, tone placement, quotes, encodings (BC6xx, BC9xx)."""

from __future__ import annotations

import pytest

from baocao import check
from baocao.checker.dictionary import dictionary
from baocao.checker.words import lookalikes

from .fixtures.checker.factory import found, report
from .test_checker_citations_real import STATE, STATE_SIGNER


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("chuyển biển", "chuyển biến"),
        ("nổ lực", "nỗ lực"),
        ("theo giỏi", "theo dõi"),
        ("trực thuốc", "trực thuộc"),
        ("cơ sơ", "cơ sở"),
        ("sát xao", "sát sao"),
        ("tồng đọng", "tồn đọng"),
        ("chú chọng", "chú trọng"),
    ],
)
def test_a_real_word_error_suggests_the_intended_word(wrong: str, right: str) -> None:
    got = found(report(f"Các chi bộ đã làm tốt việc {wrong} trong năm."), "BC602")
    assert [(d.text, d.suggestion) for d in got] == [(wrong, right)]


def test_a_capitalized_look_alike_gets_a_capitalized_suggestion() -> None:
    got = found(report("Nổ lực của các chi bộ được ghi nhận."), "BC602")
    assert [d.suggestion for d in got] == ["Nỗ lực"]


def test_look_alikes_that_are_words_are_never_reported() -> None:
    table = lookalikes()
    for word in ("cơ số", "chi tiêu", "dẫn số", "đầu từ", "để xuất", "nỗ lực", "theo dõi"):
        assert word not in table
    rep = report(
        "Thực hiện Hướng dẫn số 05-HD/ĐU, duy trì tiêu chí, bảo đảm cơ số thuốc; bắt đầu từ "
        "tháng 3, toàn bộ nhiệm vụ được giao cho đoàn công tác Gia Định."
    )
    assert found(rep, "BC602") == []


@pytest.mark.skipif(dictionary() is None, reason="hunspell-vi or spylls not installed")
def test_a_syllable_not_in_the_dictionary_is_a_hint() -> None:
    got = found(report("Các chi bộ đã thực hiện tốt công tác quãn lý."), "BC603")
    assert [(d.text, d.severity) for d in got] == [("quãn", "hint")]


@pytest.mark.skipif(dictionary() is None, reason="hunspell-vi or spylls not installed")
def test_either_tone_placement_is_in_the_dictionary() -> None:
    assert found(report("Hòa bình, hoà thuận, thủy lợi, thuỷ sản đều tốt."), "BC603") == []


@pytest.mark.parametrize(
    ("text", "doubled"),
    [
        ("Công tác phát triển triển đảng viên tốt.", "triển triển"),
        ("Các trường thực hiện hiện tốt chương trình.", "hiện hiện"),
        ("Chi bộ lãnh đạo lãnh đạo các đoàn thể.", "lãnh đạo lãnh đạo"),
        ("Chưa xây dựng chương trình năm năm 2024.", "năm năm"),
    ],
)
def test_doubled_words_are_reported(text: str, doubled: str) -> None:
    assert [d.text for d in found(report(text), "BC604")] == [doubled]


def test_reduplications_are_not_doubled_words() -> None:
    rep = report("Dần dần, người người thi đua, nhà nhà hưởng ứng; năm năm liền đạt danh hiệu.")
    assert found(rep, "BC604") == []


def test_the_less_used_tone_placement_is_reported() -> None:
    rep = report(
        "Ủy ban Kiểm tra Đảng ủy giám sát 5 chi bộ; Ủy ban Mặt trận Tổ quốc phối hợp.",
        "Uỷ viên Ban Chấp hành phụ trách chi bộ.",
    )
    got = found(rep, "BC951")
    assert [(d.text, d.suggestion) for d in got] == [("Uỷ", "Ủy")]


def test_one_tone_placement_throughout_is_fine() -> None:
    assert found(report("Ủy ban Kiểm tra và các ủy viên hòa thuận, khỏe mạnh."), "BC951") == []


def test_spaces_inside_quotes_are_reported() -> None:
    got = found(report("Phong trào “ Dân vận khéo ” được duy trì."), "BC952")
    assert [d.suggestion for d in got] == ["“Dân vận khéo”"]
    assert found(report("Phong trào “Dân vận khéo” được duy trì."), "BC952") == []


@pytest.mark.parametrize(
    ("text", "words", "repaired"),
    [
        (
            "Nội dung C«ng t¸c tuyªn truyÒn chưa sâu.",
            "C«ng t¸c tuyªn truyÒn",
            "Công tác tuyên truyền",
        ),
        ("Tỷ lệ Coâng taùc daân vaän chưa đều.", "Coâng taùc daân vaän", "Công tác dân vận"),
    ],
)
def test_legacy_encoded_words_get_the_repaired_text(text: str, words: str, repaired: str) -> None:
    got = found(report(text), "BC961")
    assert [(d.text, d.suggestion, d.severity) for d in got] == [(words, repaired, "error")]


def test_words_damaged_in_copying_are_reported_where_they_stand() -> None:
    got = found(report("Năm 2023, cơng tác tun giáo được quan tâm."), "BC962")
    assert [(d.text, d.path) for d in got] == [("cơng", "sections[0].blocks[0]")]


def test_codes_with_capitals_are_not_damaged_words() -> None:
    rep = report("Ủy ban Kiểm tra ban hành Kế hoạch số 04-KH/UBKTĐU, ngày 22/01/2023.")
    assert found(rep, "BC962") == []


def test_ubnd_is_introduced_by_the_header() -> None:
    """The false alarm of issue 14: the header prints "ỦY BAN NHÂN DÂN"."""
    rep = report("UBND xã đã triển khai kịp thời.", header=STATE, signer=STATE_SIGNER)
    assert found(rep, "BC701") == []


def test_an_abbreviation_the_header_does_not_spell_is_still_reported() -> None:
    rep = report("UBKT Đảng ủy đã kiểm tra 3 chi bộ.")
    assert [d.text for d in found(rep, "BC701")] == ["UBKT"]


def test_every_finding_of_the_new_rules_names_its_words() -> None:
    rep = report(
        "Các chi bộ đã nổ lực; phát triển triển đảng viên; “ Dân vận khéo ”; cơng tác.",
        "Xã có dân số 141.906.000 người; 312/325 đảng viên dự, đạt 104,2%.",
    )
    diagnostics = check(rep)
    assert {d.code for d in diagnostics} >= {"BC602", "BC604", "BC952", "BC962", "BC405", "BC409"}
    for d in diagnostics:
        assert d.text, d
        assert d.offset is not None
