"""Write ``src/baocao/profiles/text_metrics.json``: advance widths of Times New Roman's metric twin.

Why a table and not the font: the conformance checker measures a drawn rule as
a fraction of the text above it (Nghị định 30: "1/3 to 1/2 of the line"), so it
needs the printed width of that text without a font on the machine. Liberation
Serif has the advance widths of Times New Roman glyph for glyph (it was made to
be metric-compatible), so its ``hmtx`` table stands in for it.

Run ``python tools/font_metrics.py`` (needs fontTools and fonts-liberation2);
the output is committed, so neither is needed at run time.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = Path("/usr/share/fonts/truetype/liberation2")
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
MARKS = "\u0300\u0301\u0303\u0309\u0323"


def repertoire() -> str:
    """Printable ASCII, every Vietnamese letter (both cases, each tone) and common punctuation."""
    chars = {chr(c) for c in range(0x20, 0x7F)}
    for base in VIETNAMESE + "fjwz":
        for mark in ("", *MARKS):
            for ch in (base, base.upper()):
                chars.add(unicodedata.normalize("NFC", ch + mark))
    chars.update("–—‘’“”…•·×°№\u00a0")
    return "".join(sorted(c for c in chars if len(c) == 1))


def main() -> int:
    chars = repertoire()
    out: dict[str, object] = {"units_per_em": 2048, "source": "Liberation Serif 2 (hmtx)"}
    for key, suffix in STYLES.items():
        font = TTFont(FONTS / f"LiberationSerif-{suffix}.ttf")
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        assert font["head"].unitsPerEm == 2048
        out[key] = {c: hmtx[cmap[ord(c)]][0] for c in chars if ord(c) in cmap}
    target = ROOT / "src" / "baocao" / "profiles" / "text_metrics.json"
    target.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {target}: {len(chars)} characters × {len(STYLES)} styles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
