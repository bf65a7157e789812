"""BC501/BC502: letter case per Nghị định 30/2020/NĐ-CP Phụ lục II."""

from __future__ import annotations

from baocao import check, load

from .fixtures.checker.factory import FIXED, SEED, found, report


def test_a_common_noun_capitalized_mid_sentence_is_reported() -> None:
    """ "chỉ đạo, Tổ chức thực hiện" and "cấp ủy, Tổ chức đảng": lower case is the rule."""
    rep = report("Lãnh đạo, chỉ đạo, Tổ chức thực hiện; các cấp ủy, Tổ chức đảng đã làm tốt.")
    ds = found(rep, "BC501")
    assert [(d.severity, d.suggestion) for d in ds] == [("warning", "tổ chức")] * 2


def test_a_capital_at_a_sentence_start_is_fine() -> None:
    """At the start of a paragraph, after a full stop, a colon or an opening quote."""
    rep = report(
        "Tổ chức thực hiện tốt. Tổ chức đảng vững mạnh.",
        'Nhiệm vụ: Tổ chức hội nghị; "Tổ chức sinh hoạt" là chuyên đề.',
    )
    assert found(rep, "BC501") == []


def test_names_of_bodies_keep_their_capitals() -> None:
    """ "Ban Tổ chức Huyện ủy", "Luật Tổ chức Quốc hội", "Tổ chức Y tế Thế giới" are names."""
    rep = report(
        "Báo cáo gửi Ban Tổ chức Huyện ủy theo Luật Tổ chức Quốc hội và khuyến cáo của "
        "Tổ chức Y tế Thế giới."
    )
    assert found(rep, "BC501") == []


def test_the_named_teams_are_left_alone() -> None:
    """The seed's deliberate "Tổ huyện", "các Tổ", "Tổ trưởng", "Tổ dân phố" are not reported."""
    rep = report(
        "Các Tổ huyện và các Tổ đã họp; đồng chí Tổ trưởng dự sinh hoạt ở thôn, bản, Tổ dân phố."
    )
    assert found(rep, "BC501") == []


def test_a_title_before_a_name_stays_capitalized() -> None:
    """ "đồng chí Đảng viên Nguyễn Văn A" is a title before a name; "các Đảng viên" is not."""
    assert found(report("Khen thưởng đồng chí Đảng viên Nguyễn Văn A."), "BC501") == []
    [d] = found(report("Các cán bộ, Đảng viên trong chi bộ."), "BC501")
    assert d.suggestion == "đảng viên"


def test_headings_printed_in_capitals_are_not_checked() -> None:
    """A first-level heading is printed upper-case, so its data's case is not the author's."""
    rep = report(
        sections=[
            {
                "title": "Kết quả Tổ chức thực hiện",
                "blocks": ["Nội dung."],
                "sections": [{"title": "Việc Tổ chức thực hiện", "blocks": ["Nội dung."]}],
            }
        ]
    )
    assert [d.path for d in found(rep, "BC501")] == ["sections[0].sections[0].title"]


def test_organization_names_in_lower_case_get_a_hint() -> None:
    """ "ban thường vụ huyện ủy" → "Ban Thường vụ Huyện ủy", as a hint."""
    [d] = found(report("Báo cáo ban thường vụ huyện ủy kết quả."), "BC502")
    assert (d.severity, d.suggestion) == ("hint", "Ban Thường vụ Huyện ủy")


def test_correct_generic_and_capital_organization_names_pass() -> None:
    """Right case, "Uỷ" spelling, a generic plural and an all-capitals line are not hinted at."""
    rep = report(
        "Ban Thường vụ Huyện uỷ chỉ đạo các ban thường vụ đảng ủy xã; BAN THƯỜNG VỤ HUYỆN ỦY.",
    )
    assert found(rep, "BC502") == []


def test_a_name_inside_a_longer_name_is_not_hinted_at() -> None:
    """ "Ủy ban Thường vụ Quốc hội" contains "ban Thường vụ" and is right as written."""
    rep = report("Theo Nghị quyết của Ủy ban Thường vụ Quốc hội và Ủy ban thường vụ tỉnh hội.")
    assert found(rep, "BC502") == []


def test_recipient_lines_keep_their_capitalized_positions() -> None:
    """Nơi nhận addresses positions: "Các đồng chí Đảng ủy viên" there is not reported."""
    rep = report(recipients={"items": ["Các đồng chí Đảng ủy viên"], "archive": "VP"})
    assert found(rep, "BC501") == []


def test_partly_capitalized_organization_names_get_a_hint() -> None:
    """ "Ban thường vụ Huyện ủy" misses one capital."""
    [d] = found(report("Báo cáo Ban thường vụ Huyện ủy."), "BC502")
    assert d.suggestion == "Ban Thường vụ Huyện ủy"


def test_the_seed_case_findings_are_gone_in_the_corrected_copy() -> None:
    """The seed has nine "Tổ chức" and two "Đảng ủy viên" mid-sentence; the copy none."""
    seed = [d.suggestion for d in check(load(SEED)) if d.code == "BC501"]
    assert sorted(seed) == ["tổ chức"] * 9 + ["đảng ủy viên"] * 2
    assert [d for d in check(load(FIXED)) if d.code.startswith("BC5")] == []
