"""The answer's language, from the request's ``Accept-Language`` (Vietnamese by default)."""

from __future__ import annotations

from ..i18n import LANGUAGES

__all__ = ["negotiate"]


def negotiate(header: str | None) -> str:
    """The best of our languages for an ``Accept-Language`` value; ``vi`` when none fits.

    ``en-US,en;q=0.8`` → ``en``; ``fr`` → ``vi``; weights are honoured, ties
    keep the header's order.
    """
    if not header:
        return "vi"
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and quality > 0:
            ranked.append((-quality, i, primary))
    return min(ranked)[2] if ranked else "vi"
