"""BC601: known misspellings from data/misspellings.yaml, without false positives."""

from __future__ import annotations

import pytest

from baocao import check, load
from baocao.checker.data import Misspelling, misspellings
from baocao.engines.text import render_text

from .fixtures.checker.factory import FIXED, SEED, found, report


def test_the_seed_misspellings_are_found_with_their_corrections() -> None:
    """đốc đốc, thâm định, cho bộ, thực đẩy mạnh and "Trên đây, là" in the seed."""
    got = [(d.path, d.suggestion) for d in check(load(SEED)) if d.code == "BC601"]
    assert got == [
        ("results.sections[0].blocks[0]", "đôn đốc"),
        ("assessment.limitations.groups[0].blocks[0].items[1]", "thẩm định"),
        ("assessment.causes.blocks[0].items[0]", "chi bộ"),
        ("tasks.items[0]", "đẩy mạnh (hoặc: thực hiện đẩy mạnh, thúc đẩy mạnh mẽ)"),
        ("closing", "Trên đây là"),
    ]


def test_the_whole_corrected_seed_has_no_misspelling() -> None:
    """Every word of the corrected seed, headings and recipients included, passes the list."""
    assert found(load(FIXED), "BC601") == []


def _sentence(entry: Misspelling, words: str) -> str:
    """A sentence with ``words`` where the entry's conditions hold."""
    before = entry.after[0] if entry.after else "việc"
    return f"Đã có {before} {words} trong năm."


@pytest.mark.parametrize("entry", misspellings(), ids=lambda e: e.wrong)
def test_every_listed_misspelling_is_found_and_its_correction_is_not(entry: Misspelling) -> None:
    """Each entry fires on its wrong form and stays silent on its first correct form."""
    [d] = found(report(_sentence(entry, entry.wrong)), "BC601")
    assert d.suggestion is not None and d.suggestion.startswith(entry.right[0])
    assert found(report(_sentence(entry, entry.right[0])), "BC601") == []


def test_context_conditions_prevent_false_positives() -> None:
    """ "giao cho bộ phận", "cho Bộ Nội vụ", "khả năng xuất hiện", "lịch sử lý luận" are right."""
    rep = report(
        "Giao cho bộ phận văn thư; báo cáo cho Bộ Nội vụ.",
        "Có khả năng xuất hiện rủi ro; nghiên cứu lịch sử lý luận; hồ sơ xuất trình đủ.",
        "Điều chỉnh chu kỳ kiểm tra; thành tựu chung của huyện; giám sát nhập khẩu.",
    )
    assert found(rep, "BC601") == []


def test_capitals_at_sentence_start_and_in_headings_are_matched() -> None:
    """ "Đốc đốc" opening a sentence and "ĐỐC ĐỐC" in a capital heading are both found."""
    rep = report(sections=[{"title": "ĐỐC ĐỐC CƠ SỞ", "blocks": ["Đốc đốc cơ sở."]}])
    assert [d.suggestion for d in found(rep, "BC601")] == ["ĐÔN ĐỐC", "Đôn đốc"]


def test_the_longest_overlapping_entry_wins() -> None:
    """ "thực đẩy mạnh" gives one finding, not also "thực đẩy"."""
    [d] = found(report("Các xã thực đẩy mạnh tuyên truyền."), "BC601")
    assert d.suggestion is not None and d.suggestion.startswith("đẩy mạnh")


def test_the_seed_text_is_what_the_checker_reads() -> None:
    """The misspellings the checker reports are in the seed as it prints."""
    text = render_text(load(SEED))
    for wrong in ("đốc đốc", "thâm định", "sinh hoạt cho bộ", "thực đẩy mạnh", "Trên đây, là"):
        assert wrong in text
