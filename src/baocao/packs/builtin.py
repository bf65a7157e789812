"""Entry-point targets of the built-in packs.

The built-ins are announced in ``pyproject.toml`` exactly as a plugin announces
its pack (``dang = "baocao.packs.builtin:DANG"``), so discovery has one code
path. The folders live in ``templates/`` in a checkout and are shipped inside
the wheel as ``baocao/_builtin``.
"""

from __future__ import annotations

from .registry import builtin_dir

__all__ = ["DANG", "NHA_NUOC"]

DANG = builtin_dir() / "dang"
"""Party report (Hướng dẫn 36-HD/VPTW)."""

NHA_NUOC = builtin_dir() / "nha-nuoc"
"""State report (Nghị định 30/2020/NĐ-CP)."""
