"""Units of a .docx: twips (1/20 pt), half-points, eighths of a point, EMU.

Profiles speak millimetres and points, as the regulations do; Word stores
twentieths of a point for lengths and half-points for font sizes. One place
converts, so the builder, the renderer and the checker round the same way.
"""

from __future__ import annotations

__all__ = [
    "MM_PER_INCH",
    "TWIPS_PER_INCH",
    "TWIPS_PER_PT",
    "mm_to_twips",
    "pt_to_twips",
    "twips_to_mm",
    "twips_to_pt",
]

MM_PER_INCH = 25.4
TWIPS_PER_INCH = 1440
TWIPS_PER_PT = 20


def mm_to_twips(mm: float) -> int:
    """Millimetres to whole twips (20 mm → 1134, 15 mm → 850)."""
    return round(mm * TWIPS_PER_INCH / MM_PER_INCH)


def twips_to_mm(twips: float) -> float:
    """Twips to millimetres, unrounded."""
    return twips * MM_PER_INCH / TWIPS_PER_INCH


def pt_to_twips(pt: float) -> int:
    """Points to whole twips (6 pt → 120)."""
    return round(pt * TWIPS_PER_PT)


def twips_to_pt(twips: float) -> float:
    """Twips to points."""
    return twips / TWIPS_PER_PT
