"""The printed width of a line of Times New Roman, from its advance widths.

Why: the regulations size the drawn rules by the text above them ("1/3 to 1/2
of the line", "as long as the tiêu ngữ"); the builder draws them and the
conformance checker measures them against that width, without a font on the
machine. ``text_metrics.json`` holds the advance widths of Liberation Serif
(metric-compatible with Times New Roman), written by ``tools/font_metrics.py``.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .model import DrawnRule, ElementFormat
from .units import MM_PER_INCH

__all__ = ["fitted_rule_mm", "text_width_mm"]

_PT_PER_INCH = 72


@functools.cache
def _table() -> dict[str, dict[str, int]]:
    data = json.loads((Path(__file__).with_name("text_metrics.json")).read_text("utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def _advance(widths: dict[str, int], ch: str) -> int:
    if ch in widths:
        return widths[ch]
    base = unicodedata.normalize("NFD", ch)[:1]
    if unicodedata.combining(ch):
        return 0
    return widths.get(base, widths["n"])


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width of ``text`` set on one line at ``size_pt`` in Times New Roman (no kerning)."""
    style = ("bold_" if bold else "") + ("italic" if italic else "")
    widths = _table()[style.rstrip("_") or "regular"]
    units = sum(_advance(widths, ch) for ch in unicodedata.normalize("NFC", text))
    return units / 2048 * size_pt / _PT_PER_INCH * MM_PER_INCH


def fitted_rule_mm(rule: DrawnRule, lines: Iterable[str], fmt: ElementFormat) -> float:
    """The length to draw ``rule`` under ``lines`` printed in ``fmt``: its fraction of the widest.

    A rule with a fixed ``length_mm`` (the motto's) keeps it.
    """
    if rule.length_mm is not None:
        return rule.length_mm.value
    size = fmt.size.value if fmt.size is not None else 14.0
    widest = max(
        (text_width_mm(ln, size, bold=bool(fmt.bold), italic=bool(fmt.italic)) for ln in lines),
        default=0.0,
    )
    return rule.fraction.value * widest
