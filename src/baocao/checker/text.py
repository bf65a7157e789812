"""Small text helpers the rules share: whole-word patterns, sentence starts, neighbours.

Vietnamese words are separated by spaces and every letter is a ``\\w`` character
in Python's Unicode regular expressions, so "whole word" is ``(?<!\\w)…(?!\\w)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "excerpt",
    "fold",
    "like_case",
    "next_word",
    "phrase_pattern",
    "preceded_by",
    "same_tone_marks",
    "sentence_start",
]

_SENTENCE_END = frozenset(".!?…:\n")
_QUOTES_OPEN = frozenset("“‘«")
_QUOTES_STRAIGHT = frozenset("\"'")
_BRACKETS = frozenset("([")
_WORD = re.compile(r"[ \t]*(\w+)")


def same_tone_marks(text: str) -> str:
    """Write "uỷ" as "ủy", the two tone placements Party texts mix (format-rules.md §13)."""
    return text.replace("uỷ", "ủy").replace("Uỷ", "Ủy").replace("UỶ", "ỦY")


def like_case(found: str, right: str) -> str:
    """``right`` in the case of ``found``: capitals, capital first letter, or as written."""
    if found.isupper():
        return right.upper()
    if found[:1].isupper():
        return right[:1].upper() + right[1:]
    return right


def phrase_pattern(phrase: str, *, ignore_case: bool = False) -> re.Pattern[str]:
    """Match ``phrase`` as whole words, any run of spaces between its words.

    With ``ignore_case`` the "ủy"/"uỷ" spellings match each other too.
    """
    words = [re.escape(w) for w in phrase.split()]
    body = r"\s+".join(words)
    flags = 0
    if ignore_case:
        flags = re.IGNORECASE
        body = re.sub("ủy", "(?:ủy|uỷ)", same_tone_marks(body), flags=re.IGNORECASE)
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def fold(text: str) -> str:
    """Text for a quick "does it occur" test: lower case, "ủy" for "uỷ", single spaces."""
    return " ".join(same_tone_marks(text.casefold()).split())


def sentence_start(text: str, index: int) -> bool:
    """True when ``text[index]`` begins a sentence, a line, or a quotation.

    A quotation keeps the case of what it quotes; a bracket opening mid-sentence
    does not start a sentence.
    """
    i = index - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in _SENTENCE_END or _opens_quote(text, i):
        return True
    return text[i] in _BRACKETS and sentence_start(text, i)


def _opens_quote(text: str, i: int) -> bool:
    """``text[i]`` opens a quotation: “ ‘ «, or a straight quote after a space or a start."""
    if text[i] in _QUOTES_OPEN:
        return True
    return text[i] in _QUOTES_STRAIGHT and (i == 0 or not text[i - 1].isalnum())


def preceded_by(text: str, index: int, words: Iterable[str], *, ignore_case: bool = True) -> bool:
    """True when one of ``words`` (single words or phrases) ends right before ``index``."""
    before = text[:index].rstrip()
    if ignore_case:
        before = before.casefold()
    for w in words:
        w = w.casefold() if ignore_case else w
        if before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum()):
            return True
    return False


def next_word(text: str, index: int) -> str:
    """The word starting at or after ``index`` (skipping spaces), "" at punctuation or end."""
    m = _WORD.match(text, index)
    return m[1] if m else ""


def excerpt(text: str, start: int, end: int, words: int = 2) -> str:
    """``text[start:end]`` and up to ``words`` words either side: "…chỉ đạo, Tổ chức thực…"."""
    before = text[:start].split(" ")
    after = text[end:].split(" ")
    left = " ".join(before[-words - 1 :]) if len(before) > 1 else before[0]
    right = " ".join(after[: words + 1]) if len(after) > 1 else after[0]
    head = "…" if len(before) > words + 1 else ""
    tail = "…" if len(after) > words + 1 else ""
    return f"{head}{left}{text[start:end]}{right}{tail}"
