"""Splitting user text into the lines the user typed.

Why not ``str.splitlines``: it also splits on U+0085, U+2028, U+2029, \\x1c–\\x1e,
\\v and \\f, which are characters a clerk may have typed or pasted, not the line
breaks a field marks (YAML's ``|`` block and ``\\n``). Split there, the
character vanished and a subject line broke in two.
"""

from __future__ import annotations

__all__ = ["text_lines"]


def text_lines(text: str) -> list[str]:
    """``text`` split at line feeds (``\\r\\n`` counts as one), nothing else."""
    return text.replace("\r\n", "\n").split("\n")
