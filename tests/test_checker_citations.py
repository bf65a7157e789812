"""BC101/BC102: one document cited one way (baocao.checker.citations)."""

from __future__ import annotations

from .fixtures.checker.factory import found, report

Q02 = "Quy định số 02-QĐi/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy"


def test_same_document_with_two_symbols_is_reported_where_it_is_in_the_minority() -> None:
    """02-QĐ/HU once against 02-QĐi/HU twice: the odd one out is the error, with the fix."""
    rep = report(
        f"Thực hiện {Q02}.",
        "Thực hiện Quy định số 02-QĐ/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy.",
        f"Tiếp tục thực hiện {Q02}.",
    )
    [d] = found(rep, "BC101")
    assert d.severity == "error"
    assert d.path == "sections[0].blocks[1]"
    assert "02-QĐ/HU" in d.message and "02-QĐi/HU" in d.message
    assert d.suggestion == "ghi thống nhất: Quy định số 02-QĐi/HU"


def test_the_form_that_fits_the_type_code_table_wins_a_tie() -> None:
    """One QĐ against one QĐi: QĐi (Hướng dẫn 36) is kept, so the QĐ mention is reported."""
    rep = report(
        "Thực hiện Quy định số 02-QĐ/HU của Ban Thường vụ Huyện ủy.",
        "Thực hiện Quy định số 02-QĐi/HU của Ban Thường vụ Huyện ủy.",
    )
    [d] = found(rep, "BC101")
    assert d.path == "sections[0].blocks[0]"


def test_different_numbers_are_different_documents() -> None:
    """Regulation 02 and Regulation 03 of the same body, same day, are not compared."""
    rep = report(
        f"Thực hiện {Q02}.",
        "Thực hiện Quy định số 03-QĐi/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy.",
    )
    assert found(rep, "BC101") == []


def test_different_dates_for_the_same_document_are_reported() -> None:
    """The same symbol with two dates: the minority date is the error."""
    rep = report(
        f"Thực hiện {Q02}.",
        f"Thực hiện {Q02}.",
        "Thực hiện Quy định số 02-QĐi/HU, ngày 25/9/2018 của Ban Thường vụ Huyện ủy.",
    )
    [d] = found(rep, "BC101")
    assert d.path == "sections[0].blocks[2]"
    assert "ngày 25/9/2018" in d.message
    assert d.suggestion == "ghi thống nhất: ngày 24/9/2018"


def test_different_issuers_for_the_same_document_are_reported() -> None:
    """Same symbol, issuer written as two different bodies."""
    rep = report(
        f"Thực hiện {Q02}.",
        "Thực hiện Quy định số 02-QĐi/HU, ngày 24/9/2018 của Thường trực Huyện ủy.",
        f"Tiếp tục thực hiện {Q02}.",
    )
    [d] = found(rep, "BC101")
    assert "Thường trực Huyện ủy" in d.message


def test_issuer_spelling_variants_and_term_are_the_same_issuer() -> None:
    """ "Huyện uỷ"/"Huyện ủy" and a trailing "khóa X" do not make two issuers."""
    rep = report(
        "Thực hiện Chỉ thị số 10-CT/TW của Ban Bí thư khóa X về sinh hoạt chi bộ.",
        "Thực hiện Chỉ thị số 10-CT/TW của Ban Bí thư.",
        f"Thực hiện {Q02}.",
        "Thực hiện Quy định số 02-QĐi/HU, ngày 24/9/2018 của Ban Thường vụ Huyện uỷ.",
    )
    assert found(rep, "BC101") == []


def test_same_named_issuer_links_a_changed_issuer_code() -> None:
    """Same kind, number and issuer text, but another issuer code: the same document miscoded."""
    rep = report(
        f"Thực hiện {Q02}.",
        f"Thực hiện {Q02}.",
        "Thực hiện Quy định số 02-QĐi/BTCHU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy.",
    )
    [d] = found(rep, "BC101")
    assert "02-QĐi/BTCHU" in d.message


def test_a_short_mention_without_date_is_consistent() -> None:
    """A later mention leaving out the date, or the bare number, conflicts with nothing."""
    rep = report(
        f"Thực hiện {Q02}.",
        "Thực hiện Quy định số 02-QĐi/HU của Ban Thường vụ Huyện ủy.",
        "Thực hiện Quy định số 02 của Ban Thường vụ Huyện ủy.",
    )
    assert found(rep, "BC101") == []


def test_one_symbol_under_two_kinds_is_reported() -> None:
    """1848-QĐ/HU called a Quyết định twice and a Quy định once: BC102 on the Quy định."""
    rep = report(
        "Theo Quyết định số 1848-QĐ/HU của Ban Thường vụ Huyện ủy.",
        "Theo Quyết định số 1848-QĐ/HU của Ban Thường vụ Huyện ủy.",
        "Theo Quy định số 1848-QĐ/HU của Ban Thường vụ Huyện ủy.",
    )
    [d] = found(rep, "BC102")
    assert d.path == "sections[0].blocks[2]"
    assert d.suggestion == "Quyết định số 1848-QĐ/HU"
    assert found(report("Theo Quyết định số 1848-QĐ/HU của Ban Thường vụ Huyện ủy."), "BC102") == []
