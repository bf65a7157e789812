"""Vietnamese text in the pre-Unicode encodings TCVN3 (ABC) and VNI, and text damaged in extraction.

Offices typed reports for twenty years in ``.VnTime`` (TCVN3/ABC, one byte per
letter) and ``VNI-Times`` (VNI, a base letter followed by a mark byte). Word keeps
those bytes as Latin-1 characters, so such a file opens as ``B¸o c¸o`` or
``Baùo caùo``. This module converts both ways (encoding is only for making test
inputs), detects which encoding a text is in with a confidence, and finds words
whose diacritics were lost or mangled when text was copied out of a PDF or a web
page (``cơng tác tun giáo``), so an importer can report them instead of keeping
garbage silently.

TCVN3 has no code for a capital letter carrying a tone mark: the ``.VnTimeH``
capitals font draws the lowercase codes as capitals. Decoding therefore restores
capitals in a word whose plain letters are all capitals (``B¸O C¸O`` → ``BÁO
CÁO``); a capital toned letter in a lowercase word (``Ủy`` in ``Ủy ban``) comes
back lowercase, and the encoder writes it with the lowercase code, as ABC
keyboards did.

Tables checked against the published ABC and VNI-Windows code charts: every
letter of the Vietnamese alphabet round-trips (tests/test_vi_legacy.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from baocao.vi._checks import nfc

__all__ = [
    "Damage",
    "Detection",
    "Encoding",
    "damaged_words",
    "decode",
    "detect",
    "encode",
    "is_vietnamese_syllable",
    "lacks_diacritics",
]

Encoding = Literal["unicode", "tcvn3", "vni"]
"""What a text is written in; "unicode" means no legacy encoding was found."""

# --- TCVN3 (ABC): one Latin-1 character per letter ---------------------------------
_TCVN3_ROWS = (
    # Unicode letters, then their ABC codes in the same order.
    ("àáảãạ", "µ¸¶·¹"),
    ("ăằắẳẵặ", "¨»¾¼½Æ"),
    ("âầấẩẫậ", "©ÇÊÈÉË"),
    ("đ", "®"),
    ("èéẻẽẹ", "ÌÐÎÏÑ"),
    ("êềếểễệ", "ªÒÕÓÔÖ"),
    ("ìíỉĩị", "×ÝØÜÞ"),
    ("òóỏõọ", "ßãáâä"),
    ("ôồốổỗộ", "«åèæçé"),
    ("ơờớởỡợ", "¬êíëìî"),
    ("ùúủũụ", "ïóñòô"),
    ("ưừứửữự", "\xadõøö÷ù"),
    ("ỳýỷỹỵ", "úýûüþ"),
    ("ĂÂĐÊÔƠƯ", "¡¢§£¤¥¦"),
)
_TCVN3_DECODE: dict[str, str] = {
    code: letter
    for letters, codes in _TCVN3_ROWS
    for letter, code in zip(letters, codes, strict=True)
}
_TCVN3_ENCODE: dict[str, str] = {letter: code for code, letter in _TCVN3_DECODE.items()}

# --- VNI (Windows): base letter + one mark character --------------------------------
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
_VNI_TONE_MARKS = "ùøûõï"  # in _TONES order
_VNI_BASES = {  # Unicode base (lowercase) -> VNI base, and the VNI marks of its tones
    "a": ("a", "ùøûõï"),
    "â": ("a", "áàåãä"),
    "ă": ("a", "éèúüë"),
    "e": ("e", "ùøûõï"),
    "ê": ("e", "áàåãä"),
    "o": ("o", "ùøûõï"),
    "ô": ("o", "áàåãä"),
    "ơ": ("ô", "ùøûõï"),
    "u": ("u", "ùøûõï"),
    "ư": ("ö", "ùøûõï"),
    "y": ("y", "ùøûõ"),  # ỵ is the single character "î"
}
_VNI_SINGLE = {
    "ơ": "ô",
    "ư": "ö",
    "đ": "ñ",
    "í": "í",
    "ì": "ì",
    "ỉ": "æ",
    "ĩ": "ó",
    "ị": "ò",
    "ỵ": "î",
}
_VNI_HATS = {"â": "â", "ă": "ê", "ê": "â", "ô": "â"}  # untoned â ă ê ô: base + this mark


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Build Unicode -> VNI for every letter, both cases, and its inverse."""
    enc: dict[str, str] = {}
    for base, (vni_base, marks) in _VNI_BASES.items():
        for tone, mark in zip(_TONES, marks, strict=False):
            enc[nfc(base + tone)] = vni_base + mark
    for letter, mark in _VNI_HATS.items():
        enc[letter] = letter[0].translate(str.maketrans("âăêô", "aaeo")) + mark
    enc.update(_VNI_SINGLE)
    for letter, code in list(enc.items()):
        enc[letter.upper()] = code.upper()
    dec = {code: letter for letter, code in enc.items()}
    # Mixed case ("Uû", "uÛ") happens when Shift was held for one key only.
    for code, letter in list(dec.items()):
        if len(code) == 2:
            dec.setdefault(
                code[0] + code[1].swapcase(), letter if code[0].isupper() else letter.lower()
            )
    return enc, dec


_VNI_ENCODE, _VNI_DECODE = _vni_tables()
_VNI_MARKS = frozenset(code[1] for code in _VNI_DECODE if len(code) == 2)


def encode(text: str, encoding: Literal["tcvn3", "vni"]) -> str:
    """Write Unicode text as a legacy font would have stored it (for making test inputs)."""
    text = nfc(text)
    if encoding == "tcvn3":
        return "".join(_TCVN3_ENCODE.get(c, _TCVN3_ENCODE.get(c.lower(), c)) for c in text)
    return "".join(_VNI_ENCODE.get(c, c) for c in text)


def _restore_capitals(decoded: str, source: str) -> str:
    """Upper-case TCVN3 words written in a capitals font (``.VnTimeH``).

    A word is written in capitals when its plain letters are all capitals: two
    or more (``§¶NG``), or a single one (``Bé``) next to such a word that also
    holds legacy letters (so ``Sè 09-BC`` stays ``Số``).
    """
    words = list(_WORD.finditer(decoded))

    def plain(m: re.Match[str]) -> list[str]:
        return [c for c in source[m.start() : m.end()] if c.isascii() and c.isalpha()]

    def caps(m: re.Match[str], least: int) -> bool:
        letters = plain(m)
        return len(letters) >= least and all(c.isupper() for c in letters)

    out = list(decoded)
    for i, m in enumerate(words):
        near = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
        legacy_near = [n for n in near if not source[n.start() : n.end()].isascii()]
        if caps(m, 2) or (caps(m, 1) and any(caps(n, 2) for n in legacy_near)):
            out[m.start() : m.end()] = m.group(0).upper()
    return "".join(out)


def decode(text: str, encoding: Encoding, *, capitals: bool | None = None) -> str:
    """Convert legacy-encoded text to NFC Unicode; "unicode" returns it unchanged.

    ``capitals`` (TCVN3): ``True`` when the text is known to be in a capitals
    font, ``False`` when known not to be; ``None`` guesses word by word.
    """
    if encoding == "unicode":
        return nfc(text)
    if encoding == "tcvn3":
        # One character for one character, so word offsets stay the same.
        decoded = "".join(_TCVN3_DECODE.get(c, c) for c in text)
        if capitals is None:
            decoded = _restore_capitals(decoded, text)
        return nfc(decoded.upper() if capitals else decoded)
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair[1] in _VNI_MARKS and pair in _VNI_DECODE:
            out.append(_VNI_DECODE[pair])
            i += 2
            continue
        out.append(_VNI_DECODE.get(text[i], text[i]))
        i += 1
    return nfc("".join(out))


# --- Vietnamese syllables: the yardstick for detection and damage --------------------
_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_RHYME_LIST = """a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oen oeo
    oet oi om on ong ooc oong op ot ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
    u ua uân uâng uât uây uc uê uêch uênh ui um un ung uôc uôi uôm uôn uông uôt up ut uy uya
    uych uyên uyêt uynh uyt uyu uơ
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
    y yêm yên yêng yêt yêu"""
_RHYMES = frozenset(_RHYME_LIST.split())
_SYLLABLE = re.compile(rf"({_ONSETS})?([aăâeêioôơuưy][a-zăâđêôơư]*)?")
_LETTERS = "a-zA-ZàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ"
_LEGACY_CHARS = "".join(
    sorted({c for code in [*_TCVN3_DECODE, *_VNI_DECODE] for c in code if not c.isascii()})
)
_WORD = re.compile(rf"[{_LETTERS}{re.escape(_LEGACY_CHARS)}]+", re.IGNORECASE)


def _strip_tone(syllable: str) -> tuple[str, str]:
    """The syllable without its tone mark, and the tone marks it carried."""
    parts = unicodedata.normalize("NFD", syllable.lower())
    tones = "".join(c for c in parts if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)), tones


@lru_cache(maxsize=1 << 16)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` is spelled like a Vietnamese syllable: onset, a known rhyme, one tone."""
    bare, tones = _strip_tone(nfc(word))
    if len(tones) > 1 or not bare:
        return False
    if tones and tones not in "\u0301\u0323" and bare.endswith(("c", "ch", "p", "t")):
        return False  # a stopped syllable (tác, học) takes only sắc or nặng
    match = _SYLLABLE.fullmatch(bare)
    if match is None:
        return False
    onset, rhyme = match.group(1) or "", match.group(2) or ""
    if not rhyme:
        return onset == "gi"  # "gì" with the i carried by the onset
    if rhyme in _RHYMES:
        return True
    # "gi" and "qu" lend their vowel to the rhyme: giữa = gi+ưa, giếng = g+iêng, quý = qu+y.
    return onset == "gi" and "i" + rhyme in _RHYMES


def _vietnamese_share(words: list[str]) -> float:
    """Share of ``words`` that are Vietnamese syllables (1.0 for an empty list)."""
    if not words:
        return 1.0
    return sum(is_vietnamese_syllable(w) for w in words) / len(words)


@dataclass(frozen=True, slots=True)
class Detection:
    """Which encoding a text is most likely in, how sure, and how many words it changes."""

    encoding: Encoding
    confidence: float
    words_changed: int = 0


def detect(
    text: str, candidates: tuple[Literal["tcvn3", "vni"], ...] = ("tcvn3", "vni")
) -> Detection:
    """Guess whether ``text`` is Unicode, TCVN3 or VNI (or only the ``candidates`` given).

    A legacy encoding wins when decoding turns non-syllables into Vietnamese
    syllables; the confidence is the share of changed words that became valid
    minus the share that were valid before (Unicode text decoded as TCVN3 turns
    good words into other words, which counts against it).
    """
    text = nfc(text)
    best = Detection("unicode", 1.0)
    best_gain = 0.0
    marked = [w for w in _WORD.findall(text) if not w.isascii()]
    if all(is_vietnamese_syllable(w) or _is_code(w) for w in marked):
        return best  # every marked word is already Vietnamese: nothing to convert
    for encoding in candidates:
        # Case does not change whether a word is a syllable: skip restoring capitals.
        decoded = decode(text, encoding, capitals=False)
        before = _WORD.findall(text)
        after = _WORD.findall(decoded)
        if len(before) != len(after):
            continue
        changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
        if not changed:
            continue
        valid_after = _vietnamese_share([a for _, a in changed])
        gain = valid_after - _vietnamese_share([b for b, _ in changed])
        if gain > best_gain:
            best_gain = gain
            best = Detection(encoding, round(min(1.0, gain), 3), len(changed))
    if best.encoding != "unicode" and best.confidence < 0.5:
        return Detection("unicode", round(1.0 - best.confidence, 3))
    return best


# --- Damage from PDF / web extraction ----------------------------------------------
_BROKEN = re.compile("[\ufffd\ue000-\uf8ff]|(?<![A-Za-z])[\u0300-\u036f]")
_VOWEL = re.compile(
    "[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I
)


def _is_code(word: str) -> bool:
    """An abbreviation or type code (``ĐUK``, ``QĐi``): capitals, and no mark but Đ."""
    marked = {c for c in word if not c.isascii()}
    return marked <= {"Đ", "đ"} and sum(c.isupper() for c in word) >= 2


_COMMON_BARE_LIST = """va cac cua trong nam cong tac thuc hien duoc nhung cho voi
    theo nay tren ve den
    nhan dan ban chi bo dang uy huyen xa tinh bao cao ket qua viec nhiem vu quan ly"""
_COMMON_BARE = frozenset(_COMMON_BARE_LIST.split())


@dataclass(frozen=True, slots=True)
class Damage:
    """A word that cannot be Vietnamese as written; offsets index the NFC text."""

    start: int
    end: int
    word: str
    reason: Literal["not-a-syllable", "broken-character"]


def damaged_words(text: str) -> list[Damage]:
    """Marked words no Vietnamese syllable spells (``cơng``, ``tuyªn``), and broken characters.

    Plain-ASCII words are left alone (names, codes, English); a whole text that
    lost every mark is :func:`lacks_diacritics`' job.
    """
    text = nfc(text)
    found = [
        Damage(m.start(), m.end(), m.group(0), "broken-character") for m in _BROKEN.finditer(text)
    ]
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.isascii() or not _VOWEL.search(word) or _is_code(word):
            continue  # names, codes, English; abbreviations such as QĐ, HĐND, ĐUK, QĐi
        if not is_vietnamese_syllable(word):
            found.append(Damage(m.start(), m.end(), word, "not-a-syllable"))
    return sorted(found, key=lambda d: d.start)


def lacks_diacritics(text: str, min_words: int = 8) -> bool:
    """Whether ``text`` reads as Vietnamese typed or extracted without any marks."""
    words = [w.lower() for w in _WORD.findall(nfc(text))]
    if len(words) < min_words or any(not w.isascii() for w in words):
        return False
    return sum(w in _COMMON_BARE for w in words) / len(words) >= 0.25
