"""A document's download name: Vietnamese as written, with an ASCII fallback.

``Content-Disposition`` carries both (RFC 6266): ``filename*`` in UTF-8 for
every current browser and client library, ``filename`` without diacritics for
the old ones that read only it.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

__all__ = ["content_disposition", "download_name"]

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_SPACES = re.compile(r"\s+")


def download_name(title: str, extension: str, limit: int = 100) -> str:
    """A file name from a document's title: no path or control characters, at most ``limit``."""
    stem = _SPACES.sub(" ", _UNSAFE.sub(" ", unicodedata.normalize("NFC", title))).strip(" .")
    return f"{(stem or 'bao-cao')[:limit].rstrip(' .')}.{extension}"


def _ascii(name: str) -> str:
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = plain.encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip("-") or "bao-cao"


def content_disposition(name: str) -> str:
    """``attachment; filename="ascii"; filename*=UTF-8''percent-encoded``."""
    return f"attachment; filename=\"{_ascii(name)}\"; filename*=UTF-8''{quote(name, safe='')}"
