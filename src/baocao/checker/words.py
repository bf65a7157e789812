"""BC602–BC604: real words that are not the ones meant, unknown syllables, doubled words.

Most typos in real reports are real-word errors: a wrong tone mark or initial
consonant gives another syllable that exists ("chuyển biển" for "chuyển biến",
"nổ lực" for "nỗ lực", "theo giỏi" for "theo dõi"), so a syllable dictionary
passes them. BC602 knows the phrases of administrative writing
(``data/known_phrases.txt``) and derives their look-alikes along the usual
confusions; BC603 asks Debian's ``hunspell-vi`` syllable dictionary (through
spylls, when installed) about every other syllable; BC604 reports a word typed
twice ("phát triển triển").
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from importlib import resources

from ..i18n import _
from ..vi import legacy
from .context import Context
from .data import misspellings
from .dictionary import dictionary, known_syllable
from .encoding import in_legacy_run
from .rule import Finding, Rule
from .text import like_case

__all__ = ["RULES", "lookalikes"]

_PACKAGE = __name__.rpartition(".")[0]
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_ONSETS = (("gi", "d", "r"), ("s", "x"), ("ch", "tr"), ("l", "n"))
_FINALS = (("ng", "n"), ("c", "t"))
_SYLLABLE = re.compile(r"(?<![\w/-])[^\W\d_]+(?![\w/-])")


def _lines(name: str) -> list[str]:
    text = resources.files(_PACKAGE).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _split_tone(syllable: str) -> tuple[str, str]:
    nfd = unicodedata.normalize("NFD", syllable)
    tone = next((c for c in nfd if c in _TONES[1:]), "")
    return "".join(c for c in nfd if c not in _TONES[1:]), tone


def _with_tone(bare: str, tone: str) -> str:
    """``bare`` (NFD, no tone) with ``tone`` on its main vowel."""
    if not tone:
        return unicodedata.normalize("NFC", bare)
    vowels = [i for i, c in enumerate(bare) if c in "aeiouy"]
    if not vowels:
        return unicodedata.normalize("NFC", bare)
    marked = [i for i in vowels if i + 1 < len(bare) and bare[i + 1] in "\u0302\u0306\u031b"]
    if marked:
        at = marked[-1] + 1
    elif (len(vowels) >= 2 and vowels[-1] == len(bare) - 1) or len(vowels) >= 3:
        at = vowels[-2] if not bare.startswith(("qu", "gi")) or len(vowels) > 2 else vowels[-1]
    elif (bare.startswith(("qu", "gi")) and len(vowels) >= 2) or len(vowels) >= 2:
        at = vowels[-1]
    else:
        at = vowels[0]
    return unicodedata.normalize("NFC", bare[: at + 1] + tone + bare[at + 1 :])


def _variants(syllable: str) -> set[str]:
    """Syllables one usual confusion away: another tone, onset (with any tone) or final."""
    bare, tone = _split_tone(syllable)
    bases = {bare}
    for group in _ONSETS:
        for onset in group:
            if bare.startswith(onset) and not (onset == "d" and bare.startswith("đ")):
                bases.update(o + bare[len(onset) :] for o in group if o != onset)
                break
    out = {_with_tone(b, t) for b in bases for t in _TONES}
    for group in _FINALS:
        for final in group:
            if bare.endswith(final):
                out.update(_with_tone(bare[: -len(final)] + f, tone) for f in group if f != final)
                break
    nfc = unicodedata.normalize("NFC", syllable)
    out = {v for v in out if v != nfc and legacy.is_vietnamese_syllable(v)}
    return out


@functools.cache
def lookalikes() -> dict[str, str]:
    """Look-alike phrase (lower case) → the known phrase it stands for."""
    known = {p.casefold() for p in _lines("known_phrases.txt")}
    real = known | {p.casefold() for p in _lines("real_lookalikes.txt")}
    out: dict[str, str] = {}
    for phrase in sorted(known):
        words = phrase.split()
        for i, word in enumerate(words):
            for v in _variants(word):
                alike = " ".join([*words[:i], v, *words[i + 1 :]])
                if alike not in real:
                    out.setdefault(alike, phrase)
    return out


@functools.cache
def _listed_misspellings() -> frozenset[str]:
    """BC601's wrong forms: BC602 and BC604 leave them to it."""
    return frozenset(m.wrong.casefold() for m in misspellings())


def _name_like(written: str) -> bool:
    """Every word capitalized, not all in capitals: a name ("Gia Định"), not a heading."""
    words = written.split()
    return not written.isupper() and all(w[:1].isupper() for w in words)


def real_word_errors(ctx: Context) -> Iterator[Finding]:
    """BC602: a look-alike of a known phrase ("nổ lực" → "nỗ lực")."""
    table = lookalikes()
    for unit in ctx.units:
        words = list(_SYLLABLE.finditer(unit.text))
        i = 0
        while i < len(words):
            for n in (3, 2):
                group = words[i : i + n]
                if len(group) < n or any(
                    unit.text[a.end() : b.start()] != " " for a, b in itertools.pairwise(group)
                ):
                    continue
                written = unit.text[group[0].start() : group[-1].end()]
                right = table.get(written.casefold())
                if right is not None and _name_like(written):
                    right = None  # "Gia Định", "Sơn La": a proper name, not a phrase
                if right is not None and written.casefold() not in _listed_misspellings():
                    yield unit.finding(
                        "BC602",
                        group[0].start(),
                        _('"{written}" có thể gõ nhầm dấu hoặc phụ âm; ý là "{right}"?').format(
                            written=written, right=right
                        ),
                        like_case(written, right),
                        len(written),
                    )
                    i += n - 1
                    break
            i += 1


def unknown_syllables(ctx: Context) -> Iterator[Finding]:
    """BC603: a lowercase syllable the Vietnamese dictionary does not have."""
    if dictionary() is None:
        return
    for unit in ctx.units:
        for m in _SYLLABLE.finditer(unit.text):
            word = m[0]
            if word.isascii() or not word.islower() or not legacy.is_vietnamese_syllable(word):
                continue  # names, codes, English; damaged words are BC962's
            if not known_syllable(word) and not in_legacy_run(unit.text, m.start()):
                yield unit.finding(
                    "BC603",
                    m.start(),
                    _('"{word}" không có trong từ điển tiếng Việt (hunspell-vi)').format(word=word),
                    None,
                    len(word),
                )


@functools.cache
def _reduplications() -> frozenset[str]:
    return frozenset(p.casefold() for p in _lines("reduplications.txt"))


_DOUBLE = re.compile(r"(?<!\w)(\w+(?: \w+)?) \1(?!\w)", re.IGNORECASE)
_TIME_WORDS = frozenset({"năm", "tháng", "ngày", "tuần", "quý"})


def doubled_words(ctx: Context) -> Iterator[Finding]:
    """BC604: a word or two-word phrase typed twice ("phát triển triển", "đã đã")."""
    for unit in ctx.units:
        for m in _DOUBLE.finditer(unit.text):
            phrase = m[1]
            pair = f"{phrase} {phrase}".casefold()
            if phrase.isdigit() or pair in _reduplications() or pair in _listed_misspellings():
                continue
            after = unit.text[m.end() :].lstrip()
            if phrase.casefold() in _TIME_WORDS and not after[:1].isdigit():
                continue  # "năm năm liền": five years; "năm năm 2024" is a doubled word
            yield unit.finding(
                "BC604",
                m.start(),
                _('"{words}" lặp lại hai lần').format(words=m[0]),
                phrase,
                len(m[0]),
            )


RULES = (
    Rule("BC602", "warning", "Gõ nhầm thành từ khác", real_word_errors),
    Rule("BC603", "hint", "Âm tiết không có trong từ điển", unknown_syllables),
    Rule("BC604", "warning", "Từ lặp", doubled_words),
)
