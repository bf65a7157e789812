"""The two tone placements of Vietnamese: "hòa"/"hoà", "ủy"/"uỷ" (format-rules.md §13)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["tone_style"]

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def tone_style(word: str) -> tuple[str, str] | None:
    """``("old", "hoà")``/``("new", "hòa")`` for a word whose tone placement varies, else None.

    Only the open rhymes oa, oe, uy (no final consonant) vary: "hoà"/"hòa",
    "khoẻ"/"khỏe", "uỷ"/"ủy", "thuý"/"thúy". "hoàn", "thuyền" do not.
    """
    nfd = unicodedata.normalize("NFD", word.lower())
    base = "".join(c for c in nfd if c not in _TONES)
    tones = [c for c in nfd if c in _TONES]
    if len(tones) != 1 or not re.search(r"(?:oa|oe|uy)$", base) or base.startswith("qu"):
        return None
    tone = tones[0]
    first, second = base[-2], base[-1]
    old = unicodedata.normalize("NFC", base[:-1] + second + tone)
    new = unicodedata.normalize("NFC", base[:-2] + first + tone + second)
    written = unicodedata.normalize("NFC", word.lower())
    if written == old:
        return "old", new
    if written == new:
        return "new", old
    return None
