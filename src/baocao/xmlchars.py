"""Characters an XML document cannot hold, found in input before anything is rendered.

Policy (docs/security.md): text holding a character XML 1.0 forbids (the C0
controls other than tab, line feed and carriage return; U+FFFE, U+FFFF; lone
surrogates) is refused at load with the field, the line and the character.
Why refuse rather than remove: a report is an official record and its text
must come out exactly as typed in every output; a silently dropped character
is a changed record, and a .docx cannot carry one at all. Every output
(.docx, PDF, HTML, Markdown, text) therefore sees the same, checked text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .i18n import _

__all__ = ["NOT_XML", "describe", "find_forbidden", "forbidden_message"]

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 forbids in a document."""

Path = tuple[str | int, ...]


def describe(char: str) -> str:
    """``U+0001`` plus the character's name when Unicode gives one."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def forbidden_message(text: str) -> str | None:
    """Why ``text`` cannot go into a document, or None when it can."""
    found = NOT_XML.search(text)
    if found is None:
        return None
    return _(
        "chứa ký tự {char} ở vị trí {pos}, ký tự mà tài liệu XML (.docx) không chứa được; "
        "xóa ký tự đó khỏi dữ liệu"
    ).format(char=describe(found.group()), pos=found.start() + 1)


def find_forbidden(
    value: Any, path: Path = (), *, deeper_than: int | None = None
) -> Iterator[tuple[Path, str | None]]:
    """Every string (and mapping key) inside ``value`` that holds a forbidden character.

    ``deeper_than``: the walk stops at the first path longer than this and yields
    it with ``None`` for a message (the loader's nesting limit, in the same walk).
    """
    stack: list[tuple[Path, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if deeper_than is not None and len(where) > deeper_than:
            yield where, None
            return
        if isinstance(item, str):
            message = forbidden_message(item)
            if message is not None:
                yield where, message
        elif isinstance(item, dict):
            for key in item:
                if isinstance(key, str) and (message := forbidden_message(key)) is not None:
                    yield (*where, key), message
            stack.extend(reversed([((*where, key), sub) for key, sub in item.items()]))
        elif isinstance(item, (list, tuple)):
            stack.extend(reversed([((*where, i), sub) for i, sub in enumerate(item)]))
