"""Legacy encodings and extraction damage, block by block, before anything is recognized.

Detection runs per block (a header typed in ``.VnTimeH`` may sit above a body
retyped in Unicode) and converted blocks are reported together with their places;
damaged words are reported where they are, never silently "fixed".
"""

from __future__ import annotations

from dataclasses import replace

from ..i18n import _
from ..vi.legacy import damaged_words, decode, detect, lacks_diacritics
from .diagnostics import ImportDiagnostic
from .source import Block, Run

__all__ = ["repair_encodings"]

_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


def _decode_block(block: Block, encoding: str) -> Block:
    def dec(text: str) -> str:
        return decode(text, encoding)  # type: ignore[arg-type]

    rows = tuple(tuple(dec(c) for c in row) for row in block.rows) if block.rows else None
    runs = tuple(Run(dec(r.text), r.bold, r.italic) for r in block.runs)
    text = dec(block.text)
    if runs and "".join(r.text for r in runs) != text:
        runs = ()  # a letter split across runs (VNI base | mark): keep the paragraph whole
    return replace(block, text=text, runs=runs, rows=rows)


def repair_encodings(blocks: list[Block], diagnostics: list[ImportDiagnostic]) -> list[Block]:
    """Blocks converted to Unicode where they were TCVN3/VNI; damage reported in place."""
    converted: dict[str, list[Block]] = {"tcvn3": [], "vni": []}
    whole = detect("\n".join(b.text for b in blocks if not b.notes))
    # A file is typed in one legacy encoding: short lines are read in the file's one.
    candidates = (whole.encoding,) if whole.encoding != "unicode" else ("tcvn3", "vni")
    out = []
    for block in blocks:
        for encoding in block.notes:
            if encoding in converted:  # decoded by the reader from the font name
                converted[encoding].append(block)
        found = detect(block.text, candidates)  # type: ignore[arg-type]
        encoding = found.encoding
        if encoding != "unicode" and not block.notes:
            block = _decode_block(block, encoding)
            converted[encoding].append(block)
        out.append(block)
        _report_damage(block, diagnostics)
    for encoding, done in converted.items():
        if done:
            places = ", ".join(str(b.where) for b in done[:5]) + (" …" if len(done) > 5 else "")
            diagnostics.append(
                ImportDiagnostic(
                    "IM101",
                    "warning",
                    _("{n} đoạn gõ bằng bảng mã {name} đã chuyển sang Unicode ({places})").format(
                        n=len(done), name=_NAMES[encoding], places=places
                    ),
                    done[0].where,
                )
            )
    return out


def _report_damage(block: Block, diagnostics: list[ImportDiagnostic]) -> None:
    damage = damaged_words(block.text)
    if damage:
        words = ", ".join(f'"{d.word}"' for d in damage[:6])
        diagnostics.append(
            ImportDiagnostic(
                "IM102",
                "warning",
                _("chữ hỏng dấu (văn bản chép từ PDF/web?): {words}").format(words=words),
                block.where,
            )
        )
    elif lacks_diacritics(block.text):
        diagnostics.append(
            ImportDiagnostic("IM103", "warning", _("đoạn văn không có dấu tiếng Việt"), block.where)
        )
