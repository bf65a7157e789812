"""Text helpers shared by the rules (baocao.checker.text)."""

from __future__ import annotations

from baocao.checker.text import (
    excerpt,
    next_word,
    phrase_pattern,
    preceded_by,
    same_tone_marks,
    sentence_start,
)


def test_phrase_pattern_matches_whole_words_only() -> None:
    """ "cho bộ" matches in "sinh hoạt cho bộ" but not inside "cho bộn"."""
    p = phrase_pattern("cho bộ")
    assert p.search("sinh hoạt cho bộ.")
    assert not p.search("cho bộn bề")
    assert p.search("cho  bộ")  # any run of spaces


def test_ignore_case_also_ignores_the_uy_tone_placement() -> None:
    """ "Huyện uỷ" and "HUYỆN ỦY" both match "Huyện ủy"."""
    p = phrase_pattern("Ban Thường vụ Huyện ủy", ignore_case=True)
    assert p.search("ban thường vụ huyện uỷ")
    assert p.search("BAN THƯỜNG VỤ HUYỆN ỦY")
    assert same_tone_marks("Huyện uỷ, HUYỆN UỶ") == "Huyện ủy, HUYỆN ỦY"


def test_sentence_start_after_stops_quotes_and_line_starts() -> None:
    """Start of text, after ". ", ": " and an opening quote; not after ", " or "(" mid-sentence."""
    text = 'A. Bb, Cc: Dd "Ee" (Ff'
    starts = {ch: sentence_start(text, text.index(ch)) for ch in "ABCDEF"}
    assert starts == {"A": True, "B": True, "C": False, "D": True, "E": True, "F": False}


def test_preceded_by_needs_a_whole_word() -> None:
    """ "Ban" precedes "Ban Tổ chức" but "Ban" does not end "Toban"."""
    assert preceded_by("Ban Tổ chức", 4, ["Ban"])
    assert not preceded_by("Toban Tổ chức", 6, ["Ban"])
    assert preceded_by("sinh hoạt cho bộ", 10, ["sinh hoạt"])


def test_next_word_and_excerpt() -> None:
    """The word after a match, and a short context around it."""
    text = "lãnh đạo, chỉ đạo, Tổ chức thực hiện các chủ trương"
    i = text.index("Tổ chức")
    assert next_word(text, i + len("Tổ chức")) == "thực"
    assert next_word("kết thúc.", 8) == ""
    assert excerpt(text, i, i + len("Tổ chức")) == "…chỉ đạo, Tổ chức thực hiện…"
    assert excerpt("Tổ chức tốt", 0, 7) == "Tổ chức tốt"
