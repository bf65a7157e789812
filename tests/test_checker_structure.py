"""BC8xx: signer, Nơi nhận, empty parts and numbering (baocao.checker.structure)."""

from __future__ import annotations

from typing import Any

from baocao import check

from .fixtures.checker.factory import found, report


def test_a_report_without_signer_is_an_error() -> None:
    """No signer block at all."""
    [d] = found(report(signer=None), "BC801")
    assert (d.severity, d.path) == ("error", "signer")
    assert found(report(), "BC801") == []


def test_a_signer_with_only_a_name_gets_a_warning() -> None:
    """No T/M line and no title: the signature has nothing above it."""
    [d] = found(report(signer={"name": "Nguyễn Văn An"}), "BC802")
    assert d.severity == "warning"
    assert found(report(signer={"title": "TRƯỞNG BAN", "name": "Nguyễn Văn An"}), "BC802") == []


def test_a_report_without_recipients_gets_a_warning() -> None:
    """No Nơi nhận."""
    [d] = found(report(recipients=None), "BC803")
    assert d.path == "recipients"


def test_recipients_without_the_archive_line_get_a_warning() -> None:
    """Nơi nhận with no "Lưu" line; an item "Lưu VP" as the last item counts as one."""
    [d] = found(report(recipients={"items": ["Ban Thường vụ Huyện ủy"]}), "BC804")
    assert d.path == "recipients"
    last = {"items": ["Ban Thường vụ Huyện ủy", "Lưu Văn phòng Đảng ủy"]}
    assert found(report(recipients=last), "BC804") == []


def test_an_archive_line_that_is_not_last_is_reported() -> None:
    """ "Lưu" must close the list."""
    first = {"items": ["Lưu Văn phòng Đảng ủy", "Ban Thường vụ Huyện ủy"]}
    [d] = found(report(recipients=first), "BC804")
    assert d.path == "recipients.items[0]"


def _sections(*sections: dict[str, Any]) -> list[dict[str, Any]]:
    return list(sections)


def test_empty_sections_and_titles_are_reported() -> None:
    """A heading with nothing under it, and a section without title."""
    rep = report(
        sections=_sections(
            {"title": "Kết quả", "blocks": ["Nội dung."]},
            {"title": "Hạn chế"},
            {"title": " ", "blocks": ["Nội dung."]},
        )
    )
    assert [d.path for d in found(rep, "BC805")] == ["sections[1].title", "sections[2].title"]


def test_empty_paragraphs_are_reported() -> None:
    """A paragraph of blanks."""
    [d] = found(report("Nội dung.", "  "), "BC805")
    assert d.path == "sections[0].blocks[1]"


def test_a_title_carrying_its_own_number_is_an_error() -> None:
    """ "1. Kết quả" would print "1. 1. Kết quả"; the suggestion drops the typed number."""
    rep = report(
        sections=_sections(
            {"title": "I- Kết quả", "blocks": ["Nội dung."]},
            {"title": "2.1. Hạn chế", "blocks": [{"type": "numbered", "items": ["3. Việc"]}]},
        )
    )
    got = [(d.path, d.suggestion) for d in found(rep, "BC806")]
    assert got == [
        ("sections[0].title", "Kết quả"),
        ("sections[1].title", "Hạn chế"),
        ("sections[1].blocks[0].items[0]", "Việc"),
    ]


def test_titles_starting_with_a_year_or_word_are_fine() -> None:
    """ "2023 - năm bản lề" and "Về việc …" carry no list number."""
    rep = report(
        sections=_sections(
            {"title": "2023 - năm bản lề", "blocks": ["Nội dung."]},
            {"title": "Về việc kiểm tra", "blocks": ["Nội dung."]},
        )
    )
    assert found(rep, "BC806") == []


def test_hand_numbering_out_of_sequence_is_reported() -> None:
    """Paragraphs "1.", "2.", "4.": the 4 should be 3; lettered a), b), d) should be c)."""
    rep = report("1. Một.", "2. Hai.", "4. Bốn.", "Đoạn thường.", "a) Một.", "b) Hai.", "d) Ba.")
    got = [(d.path, d.suggestion) for d in found(rep, "BC807")]
    assert got == [("sections[0].blocks[2]", "3."), ("sections[0].blocks[6]", "c)")]


def test_hand_numbering_in_sequence_is_fine() -> None:
    """1., 2., 3. and a), b), c), d), đ) follow the Vietnamese alphabet."""
    rep = report("1. Một.", "2. Hai.", "3. Ba.", "a) A.", "b) B.", "c) C.", "d) D.", "đ) Đ.")
    assert found(rep, "BC807") == []


def test_numbered_lists_continue_or_restart() -> None:
    """A list may restart at 1 or continue the previous one; starting at 5 after 1–2 is odd."""
    item = {"type": "numbered", "items": ["Việc.", "Việc."]}
    ok = report(sections=_sections({"title": "T", "blocks": [item, {**item, "start": 3}]}))
    assert found(ok, "BC807") == []
    odd = report(sections=_sections({"title": "T", "blocks": [item, {**item, "start": 5}]}))
    [d] = found(odd, "BC807")
    assert (d.path, d.suggestion) == ("sections[0].blocks[1]", "start: 3")


def test_the_base_fixture_is_clean() -> None:
    """The fixture all rule tests start from has no finding at all."""
    assert check(report()) == []
