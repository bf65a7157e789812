"""Tests for baocao.vi.legacy: TCVN3/VNI conversion, detection, and damaged text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.vi.legacy import (
    damaged_words,
    decode,
    detect,
    encode,
    is_vietnamese_syllable,
    lacks_diacritics,
)

BASES = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
LOWER = sorted({unicodedata.normalize("NFC", b + t) for b in BASES for t in TONES} | {"đ"})
UPPER = [c.upper() for c in LOWER]

SAMPLE = (
    "Ban Thường vụ Huyện ủy Đông Sơn báo cáo kết quả thực hiện Quy định số 02-QĐ/HU "
    "về công tác tuyên giáo năm 2024; những ưu điểm, hạn chế và nhiệm vụ giải pháp thời gian tới."
)


def test_every_letter_is_distinct_in_both_tables() -> None:
    """146 letters (73 per case) each get their own code, so decoding is unambiguous."""
    assert len(LOWER) == 73
    assert len({encode(c, "tcvn3") for c in LOWER}) == 73
    assert len({encode(c, "vni") for c in LOWER + UPPER}) == 146


@pytest.mark.parametrize("letter", LOWER)
def test_tcvn3_round_trips_every_lowercase_letter(letter: str) -> None:
    code = encode(letter, "tcvn3")
    assert len(code) == 1
    assert decode(code, "tcvn3") == letter


@pytest.mark.parametrize("letter", LOWER + UPPER)
def test_vni_round_trips_every_letter_in_both_cases(letter: str) -> None:
    assert decode(encode(letter, "vni"), "vni") == letter


@pytest.mark.parametrize(
    ("unicode", "tcvn3", "vni"),
    [
        ("Báo cáo", "B¸o c¸o", "Baùo caùo"),
        ("Đảng bộ", "§¶ng bé", "Ñaûng boä"),
        ("đường", "®\xadêng", "ñöôøng"),
        ("nhân dân", "nh©n d©n", "nhaân daân"),
        ("Việt Nam", "ViÖt Nam", "Vieät Nam"),
        ("thực hiện", "thùc hiÖn", "thöïc hieän"),
        ("kỳ họp", "kú häp", "kyø hoïp"),
        ("ỵ ỹ ị ĩ", "þ ü Þ Ü", "î yõ ò ó"),
    ],
)
def test_known_spellings(unicode: str, tcvn3: str, vni: str) -> None:
    """Spellings as the .VnTime and VNI-Times fonts stored them."""
    assert encode(unicode, "tcvn3") == tcvn3
    assert encode(unicode, "vni") == vni
    assert decode(tcvn3, "tcvn3") == unicode
    assert decode(vni, "vni") == unicode


def test_tcvn3_restores_capitals_of_all_caps_words() -> None:
    """.VnTimeH draws lowercase codes as capitals: an all-caps word comes back all caps."""
    caps = ["ĐẢNG BỘ", "BÁO CÁO", "TỈNH ỦY THANH HÓA", "QUYẾT ĐỊNH", "HUYỆN ỦY", "BAN TỔ CHỨC"]
    for word in caps:
        assert decode(encode(word, "tcvn3"), "tcvn3") == word
    # One capital next to lowercase words stays a title-case word.
    assert decode(encode("Ban Tổ chức Huyện ủy", "tcvn3"), "tcvn3") == "Ban Tổ chức Huyện ủy"
    assert decode(encode("Số 09-BC/BTCHU", "tcvn3"), "tcvn3") == "Số 09-BC/BTCHU"
    # A known font settles it: .VnTimeH is capitals, .VnTime is not.
    assert decode("B¸O c¸o", "tcvn3", capitals=True) == "BÁO CÁO"
    assert decode("§¶NG", "tcvn3", capitals=False) == "ĐảNG"
    # A capital toned letter in a lowercase word has no code: it comes back lowercase.
    assert decode(encode("Ủy ban", "tcvn3"), "tcvn3") == "ủy ban"


def test_vni_accepts_shift_held_for_one_key() -> None:
    assert decode("Uûy ban", "vni") == "Ủy ban"
    assert decode("BAùO", "vni") == "BÁO"


def test_decode_unicode_is_nfc_identity() -> None:
    assert decode(unicodedata.normalize("NFD", SAMPLE), "unicode") == SAMPLE


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_detect_finds_the_encoding_of_a_sentence(encoding: str) -> None:
    text = encode(SAMPLE, encoding)  # type: ignore[arg-type]
    found = detect(text)
    assert found.encoding == encoding
    assert found.confidence >= 0.6
    assert found.words_changed > 10
    assert decode(text, found.encoding) == SAMPLE


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE,
        "Thực hiện Nghị quyết số 15-NQ/TU, năm 2024 toàn huyện có 1.234 đảng viên.",
        "ĐẢNG BỘ HUYỆN ĐÔNG SƠN",
        "Hà Nội, ngày 15 tháng 3 năm 2024",
        "Kính gửi: Ủy ban nhân dân tỉnh",
        "Report on the 2024 plan",
        "",
    ],
)
def test_detect_leaves_unicode_alone(text: str) -> None:
    found = detect(text)
    assert found.encoding == "unicode"
    assert found.confidence >= 0.5


@given(st.text(alphabet=st.sampled_from([*LOWER, *UPPER, " ", "n", "g", "-", "1"]), max_size=40))
def test_vni_round_trips_any_text(text: str) -> None:
    assert decode(encode(text, "vni"), "vni") == text


@given(st.text(alphabet=st.sampled_from([*LOWER, " ", "n", "g", "-", "1"]), max_size=40))
def test_tcvn3_round_trips_any_lowercase_text(text: str) -> None:
    assert decode(encode(text, "tcvn3"), "tcvn3") == text


@pytest.mark.parametrize(
    "word",
    [
        "báo",
        "cáo",
        "người",
        "giữa",
        "giếng",
        "gì",
        "quyết",
        "quốc",
        "khuya",
        "nghiệp",
        "xoong",
        "thuở",
        "ĐẢNG",
        "Ủy",
        "học",
        "tác",
        "oách",
        "huỳnh",
        "yêu",
    ],
)
def test_real_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["cơng", "tàc", "hòc", "báó", "xyz", "tuyªn", "coâng", "strč"])
def test_not_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


def test_damaged_words_finds_pdf_extraction_damage_with_places() -> None:
    text = "Đẩy mạnh cơng tác tun giáo ở cơ sở; k\u0300ết quả \ufffd tốt."
    found = damaged_words(text)
    words = [(d.word, d.reason) for d in found]
    assert ("cơng", "not-a-syllable") in words
    assert any(d.reason == "broken-character" and text[d.start] == "\ufffd" for d in found)
    for d in found:
        assert text[d.start : d.end] == d.word or d.reason == "broken-character"
    assert damaged_words(SAMPLE) == []
    assert damaged_words("Quy định số 02-QĐi/HU, 05-BC/ĐUK, HĐND, BCĐ") == []


def test_lacks_diacritics() -> None:
    assert lacks_diacritics("Bao cao ket qua thuc hien cong tac tuyen giao nam 2024 cua huyen")
    assert not lacks_diacritics(SAMPLE)
    assert not lacks_diacritics("The quick brown fox jumps over the lazy dog again and again")
    assert not lacks_diacritics("Bao cao")  # too short to say


def test_detect_among_candidates_reads_a_short_line_in_the_files_encoding() -> None:
    line = encode("- Sở GD&ĐT (b/c);", "vni")
    assert detect(line, ("vni",)).encoding == "vni"
    assert decode(line, "vni") == "- Sở GD&ĐT (b/c);"
