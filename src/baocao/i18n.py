"""Messages a user reads: Vietnamese by default, English by locale.

Every user-facing message is written in the source in Vietnamese (the msgid)
and passed through :func:`_`; the English text comes from a gettext catalog.
Placeholders are named and filled after translation, so a translator can
move them: ``_("thiếu trường {field}").format(field=name)``.

The language in force is a context variable, so a server can answer each
request in the language its ``Accept-Language`` asks for
(:func:`use_language`) while a command-line run sets it once.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

__all__ = ["LANGUAGES", "_", "current_language", "use_language"]

LANGUAGES = ("vi", "en")
"""The languages messages exist in; ``vi`` is the source and the default."""

_language: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "baocao_language", default=None
)


def current_language() -> str:
    """The language messages come out in now (``vi`` unless set)."""
    return _language.get() or "vi"


@contextlib.contextmanager
def use_language(language: str) -> Iterator[None]:
    """Messages inside the block come out in ``language`` (``vi`` or ``en``)."""
    token = _language.set(language if language in LANGUAGES else "vi")
    try:
        yield
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """The message in the user's language (the catalogs arrive with the i18n work)."""
    return message
