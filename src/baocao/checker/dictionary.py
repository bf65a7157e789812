"""The Vietnamese syllable dictionary: Debian's ``hunspell-vi``, read by spylls.

Why this one: ``hunspell-vi`` is the dictionary LibreOffice itself uses for
Vietnamese (6,600 syllables, packaged by Debian as ``hunspell-vi``), and spylls
reads hunspell files in pure Python, so no C library or compiler is needed
(pyenchant would need libenchant and a provider). Both are optional: without
them the rules that ask the dictionary (BC603, and the join test of BC961)
fall back to what :mod:`baocao.vi.legacy` knows of syllable structure.
Install: ``apt-get install hunspell-vi`` and ``pip install 'baocao[spelling]'``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from .tones import tone_style

__all__ = ["HUNSPELL", "dictionary", "known_syllable"]

HUNSPELL = Path("/usr/share/hunspell/vi_VN")
"""Where Debian's hunspell-vi puts ``vi_VN.dic`` and ``vi_VN.aff``."""


@functools.cache
def dictionary() -> Any | None:
    """Debian's hunspell-vi through spylls, or None when either is missing."""
    try:
        from spylls.hunspell import Dictionary
    except ImportError:
        return None
    if not HUNSPELL.with_suffix(".dic").exists():
        return None
    return Dictionary.from_files(str(HUNSPELL))


def known_syllable(word: str) -> bool:
    """In the dictionary, in either tone placement ("hòa"/"hoà"); True without a dictionary."""
    d = dictionary()
    if d is None:
        return True
    lower = word.lower()
    forms = [lower]
    style = tone_style(lower)
    if style is not None:
        forms.append(style[1])
    return any(d.lookup(f) for f in forms)
