"""Tests for baocao.vi.case: Vietnamese upper-casing and first-letter case."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.vi.case import lower_first, sentence_case, upper_vi


def nfd(text: str) -> str:
    """Decompose text the way macOS input methods often deliver it."""
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đánh giá chung", "ĐÁNH GIÁ CHUNG"),
        ("đảng ủy", "ĐẢNG ỦY"),
        ("kết quả thực hiện năm 2023", "KẾT QUẢ THỰC HIỆN NĂM 2023"),
        ("một số nhiệm vụ và giải pháp", "MỘT SỐ NHIỆM VỤ VÀ GIẢI PHÁP"),
        ("ưu điểm, hạn chế", "ƯU ĐIỂM, HẠN CHẾ"),
        ("huyện ủy", "HUYỆN ỦY"),
        ("ỷ ỹ ỵ ữ ợ ằ ẫ", "Ỷ Ỹ Ỵ Ữ Ợ Ằ Ẫ"),
        ("I- kết quả", "I- KẾT QUẢ"),
        ("", ""),
    ],
)
def test_upper_vi(text: str, expected: str) -> None:
    """Every Vietnamese letter, including đ and stacked diacritics, upper-cases correctly."""
    assert upper_vi(text) == expected


@pytest.mark.parametrize("text", ["Đánh giá chung", "đảng ủy", "Nguyễn Ái Quốc", "thẩm định"])
def test_upper_vi_nfd_input(text: str) -> None:
    """NFD input gives exactly the same NFC output as NFC input."""
    assert nfd(text) != text or text.isascii()
    assert upper_vi(nfd(text)) == upper_vi(text)
    assert unicodedata.is_normalized("NFC", upper_vi(nfd(text)))


@given(
    st.text(
        alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíị"
        "òỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ,.-0123456789"
    )
)
def test_upper_vi_properties(text: str) -> None:
    """Upper-casing Vietnamese text keeps its length, is NFC, and is idempotent."""
    result = upper_vi(text)
    assert len(result) == len(text)
    assert unicodedata.is_normalized("NFC", result)
    assert upper_vi(result) == result
    assert upper_vi(nfd(text)) == result


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("đảng ủy xã", "Đảng ủy xã"),
        ("ủy ban nhân dân tỉnh Sơn La", "Ủy ban nhân dân tỉnh Sơn La"),
        ("  ưu điểm", "  Ưu điểm"),
        ("(đã thực hiện)", "(Đã thực hiện)"),
        ("2023 là năm", "2023 Là năm"),
        ("Đã Có", "Đã Có"),
        ("", ""),
        ("123", "123"),
    ],
)
def test_sentence_case(text: str, expected: str) -> None:
    """Only the first letter is capitalised; the rest, which may hold proper names, is kept."""
    assert sentence_case(text) == expected


def test_sentence_case_nfd_input() -> None:
    """NFD input gives the same NFC output as NFC input."""
    assert sentence_case(nfd("ủy ban nhân dân")) == "Ủy ban nhân dân"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kết quả thực hiện Quy định số 02-QĐ/HU", "kết quả thực hiện Quy định số 02-QĐ/HU"),
        ("Đánh giá", "đánh giá"),
        ("Ủy ban", "ủy ban"),
        ("UBND tỉnh", "UBND tỉnh"),
        ("BCH Đảng bộ", "BCH Đảng bộ"),
        ("HĐND xã", "HĐND xã"),
        ("A", "a"),
        ("“Về việc”", "“về việc”"),
        ("", ""),
    ],
)
def test_lower_first(text: str, expected: str) -> None:
    """The first letter is lower-cased unless the first word is an all-capitals abbreviation."""
    assert lower_first(text) == expected


def test_lower_first_nfd_input() -> None:
    """NFD input gives the same NFC output as NFC input."""
    assert lower_first(nfd("Đánh giá chung")) == "đánh giá chung"
    assert lower_first(nfd("HĐND xã")) == "HĐND xã"


@pytest.mark.parametrize("func", [upper_vi, sentence_case, lower_first])
def test_case_functions_reject_non_strings(func: object) -> None:
    """A non-string is refused with TypeError."""
    with pytest.raises(TypeError):
        func(None)  # type: ignore[operator]
