"""Input checks shared by the formatting modules.

Kept private and tiny so that ``baocao.vi`` depends on nothing else in baocao:
the formatting layer must be usable (and testable) on its own.
"""

from __future__ import annotations

import unicodedata

__all__ = ["nfc", "require_int"]


def nfc(text: str) -> str:
    """Normalize to NFC so text typed on macOS (NFD) formats exactly like Windows text (NFC)."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}: {text!r}")
    return unicodedata.normalize("NFC", text)


def require_int(value: object, name: str) -> int:
    """Return ``value`` if it is a real ``int``; ``True`` is refused, it is never a quantity."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}: {value!r}")
    return value
