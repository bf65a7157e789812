"""Messages a user reads: Vietnamese by default, English by locale.

Every user-facing message is written in the source in Vietnamese (the msgid)
and passed through :func:`_`; the English text comes from the gettext catalog
``baocao/locale/en/LC_MESSAGES/baocao.po`` (compiled to ``.mo``, shipped in
the wheel). Placeholders are named and filled after translation, so a
translator can move them: ``_("thiếu trường {field}").format(field=name)``.

The language is chosen once per process: :func:`set_language` (the CLI's
``--lang``), else ``BAOCAO_LANG``, else the first of ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG`` that is set: ``en_*`` means English, anything else
Vietnamese. ``python tools/i18n.py update`` extracts, updates and compiles the
catalogs (docs/i18n.md).

A server answers each request in the language its ``Accept-Language`` asks
for: :func:`use_language` sets a context variable that wins over the
process-wide choice inside its block.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
import os
from functools import cache
from pathlib import Path

from .scoped import scoped

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "_",
    "current_language",
    "language",
    "set_language",
    "use_language",
]

DOMAIN = "baocao"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("vi", "en")
"""Vietnamese is the source language (the msgids); English is the one catalog."""

_chosen: str | None = None
_context: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "baocao_language", default=None
)


def _from_environment() -> str:
    own = os.environ.get("BAOCAO_LANG")
    if own:
        return _normalize(own)
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return _normalize(value.split(":")[0])
    return "vi"


def _normalize(value: str) -> str:
    """``en_US.UTF-8`` → ``en``; every language without a catalog reads Vietnamese."""
    return "en" if value.lower().startswith("en") else "vi"


def language() -> str:
    """The language messages are given in now: ``vi`` or ``en``."""
    return _context.get() or (_chosen if _chosen is not None else _from_environment())


current_language = language
"""The name the server uses."""


def use_language(lang: str) -> contextlib.AbstractContextManager[str]:
    """Messages inside the block come out in ``lang`` (``vi`` or ``en``; others read ``vi``)."""
    return scoped(_context, lang if lang in LANGUAGES else "vi")


def set_language(lang: str | None) -> None:
    """Choose the language for this process (``None``: back to the environment's)."""
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {lang!r}")
    _chosen = lang


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    if lang == "vi":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    """The message in the user's language (``message`` is the Vietnamese msgid)."""
    return _catalog(language()).gettext(message)


def N_(message: str) -> str:
    """Mark a message for the catalog without translating it yet (module constants)."""
    return message
