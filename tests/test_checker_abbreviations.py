"""BC701: abbreviations used before their full form (data/abbreviations.yaml)."""

from __future__ import annotations

from baocao import check, load

from .fixtures.checker.factory import SEED, found, report


def test_an_abbreviation_before_its_full_form_gets_one_hint() -> None:
    """ "UBKT" twice, never written out: one hint, at the first use."""
    rep = report("Đảng ủy và UBKT Đảng ủy kiểm tra.", "UBKT Đảng ủy giám sát.")
    [d] = found(rep, "BC701")
    assert (d.severity, d.path) == ("hint", "sections[0].blocks[0]")
    assert d.suggestion == "lần đầu viết đầy đủ: Ủy ban Kiểm tra"


def test_an_abbreviation_after_its_full_form_is_fine() -> None:
    """ "Ban Chấp hành" earlier (any case, any paragraph) introduces "BCH"."""
    rep = report("Các đồng chí ủy viên Ban Chấp hành Đảng bộ xã.", "Ủy viên BCH Đảng bộ xã.")
    assert found(rep, "BC701") == []


def test_a_full_form_later_does_not_introduce_an_earlier_use() -> None:
    """ "BTV" first, "Ban Thường vụ" after it in the same paragraph: still a hint."""
    rep = report("BTV Đảng ủy họp; Ban Thường vụ Đảng ủy kết luận.")
    assert len(found(rep, "BC701")) == 1


def test_an_abbreviation_explained_in_brackets_is_fine() -> None:
    """ "HĐND (Hội đồng nhân dân)" introduces itself."""
    assert found(report("HĐND (Hội đồng nhân dân) xã đã họp."), "BC701") == []


def test_codes_inside_document_numbers_are_not_abbreviations() -> None:
    """The TW of "18-KL/TW" and the UBND of "12/BC-UBND" are symbol codes."""
    rep = report("Theo Kết luận số 18-KL/TW và Báo cáo số 12/BC-UBND của xã.")
    assert found(rep, "BC701") == []


def test_the_seed_has_one_abbreviation_before_its_full_form() -> None:
    """UBKT is never written out; BCH and BTV follow "Ban Chấp hành"/"Ban Thường vụ"."""
    got = [(d.path, d.message) for d in check(load(SEED)) if d.code == "BC701"]
    assert len(got) == 1
    assert got[0][0] == "assessment.causes.blocks[0].items[0]" and "UBKT" in got[0][1]
