"""Messages a user reads: Vietnamese by default, English by locale.

Every user-facing message is written in the source in Vietnamese (the msgid)
and passed through :func:`_`; the English text comes from a gettext catalog.
Placeholders are named and filled after translation, so a translator can
move them: ``_("thiếu trường {field}").format(field=name)``.
"""

from __future__ import annotations

__all__ = ["_"]


def _(message: str) -> str:
    """The message in the user's language (the catalogs arrive with the i18n work)."""
    return message
