"""The body: preamble, headings with their levels, paragraphs, lists, tables; and the tail.

Levels come from the order markers first appear (the first kind met is level 1,
a new kind under it level 2, a kind met again closes the levels below it), which
is how readers of a report understand it, whatever the forms chosen.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import Literal

from ..i18n import _
from .diagnostics import ImportDiagnostic
from .markers import Marker, read_marker
from .parts import AppendixParts, Found, Heading, Piece, SignerParts, TailParts
from .source import Block, Run, Where

__all__ = ["recognize_appendices", "recognize_body", "recognize_tail", "split_tail"]

_CLOSING = re.compile(r"^(Trên đây|Trên đây là)\b|\b(kính|xin) báo cáo\s*[./]*$", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$")
_AUTHORITY = re.compile(r"^(?P<form>T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*(?P<rest>.+)$")
_AUTH_CODES = {"T/M": "TM", "TM.": "TM", "K/T": "KT", "KT.": "KT", "T/L": "TL", "TL.": "TL",
               "TUQ.": "TUQ", "Q.": "Q"}  # fmt: skip
_APPENDIX = re.compile(r"^(PHỤ LỤC|Phụ lục)\b")
_ARCHIVE = re.compile(r"^[-–+]?\s*Lưu\s*:?\s*(?P<rest>.*?)\s*[.,;]?$")
_GAP = re.compile(r"\t+|\s{3,}")
_HEADING_KINDS = ("part", "upper", "roman", "dotted")


def split_tail(blocks: list[Block], start: int) -> tuple[int, int, int]:
    """Indexes of the closing sentence, the signer/recipients tail and the appendices."""
    closing = tail = appendix = len(blocks)
    for i in range(start, len(blocks)):
        t = blocks[i].text.strip()
        if closing == len(blocks) and _CLOSING.search(t):
            closing = i
        if tail == len(blocks) and (_RECIPIENTS.match(t) or _AUTHORITY.match(_GAP.split(t)[-1])):
            tail = i
        if tail < len(blocks) and _APPENDIX.match(t):
            appendix = i
            break
    if tail == len(blocks):
        tail = _bare_signer(blocks, start, appendix)
    tail = min(tail, appendix)
    closing = min(closing, tail)
    return closing, tail, appendix


def _bare_signer(blocks: list[Block], start: int, end: int) -> int:
    """A report ending in a signer block only (no Nơi nhận): title lines in capitals, a name."""
    if end - start < 2 or not _is_name(blocks[end - 1].text.strip()):
        return len(blocks)
    i = end - 1
    while i - 1 >= start and _is_caps(blocks[i - 1].text) and len(blocks[i - 1].text.split()) <= 10:
        i -= 1
    return i if i < end - 1 else len(blocks)


def _title_like(block: Block, m: Marker, uses_bold: bool) -> tuple[bool, str, str]:
    """Whether a numbered line is a heading; and for a run-in heading its title and text."""
    rest = m.rest
    words = rest.split()
    by_text = not rest.endswith((".", ";", ",")) and len(words) <= 30
    if "heading" in block.style.casefold():
        return True, rest, ""  # Word's own heading styles (and baocao's "BC Heading n")
    if uses_bold and block.runs:
        if block.bold:
            return True, rest, ""
        bold = "".join(r.text for r in block.runs if r.bold).strip()
        title = bold.removeprefix(m.text).strip() if bold.startswith(m.text) else bold
        if title and rest.startswith(title) and len(title) < len(rest):
            return True, title, rest[len(title) :].strip()
        return by_text and bool(block.italic), rest, ""
    if by_text:
        return True, rest, ""
    head, sep, after = rest.partition(":")
    if sep and len(head.split()) <= 10 and len(after.split()) >= 3:
        return True, head + ":", after.strip()
    return False, rest, ""


def recognize_body(
    blocks: list[Block], diagnostics: list[ImportDiagnostic]
) -> tuple[list[Piece], list[Heading | Piece]]:
    """Preamble pieces (before the first heading) and the body's headings and pieces."""
    uses_bold = any(b.bold for b in blocks if read_marker(b.text) or b.auto_marker)
    stack: list[str] = []
    out: list[Heading | Piece] = []
    for block in blocks:
        last = out[-1] if out else None
        if (
            isinstance(last, Heading)
            and last.kind == "part"
            and last.title.count("\n") < 2
            and not block.is_table
            and _is_caps(block.text)
            and not read_marker(block.text)
        ):
            # "PHẦN THỨ NHẤT" over "KẾT QUẢ CÔNG TÁC NĂM 2025": one heading on several lines
            title = f"{last.title}\n{block.text.strip()}" if last.title else block.text.strip()
            out[-1] = replace(last, title=title)
            continue
        if block.is_table:
            out.append(_table_piece(block, out, blocks))
            continue
        out.extend(_piece(block, stack, uses_bold, diagnostics))
    first = next((i for i, p in enumerate(out) if isinstance(p, Heading)), len(out))
    n = _preamble_length(out[:first])
    return [p for p in out[:n] if isinstance(p, Piece)], out[n:]


_LEAD = re.compile(r"^(Thực hiện|Căn cứ|Theo|Triển khai|Nhằm|Qua|Để)\b")


def _preamble_length(pieces: list[Heading | Piece]) -> int:
    """How many leading paragraphs are the preamble: through the one ending "như sau:"."""
    for i, p in enumerate(pieces):
        if not isinstance(p, Piece) or p.kind != "paragraph":
            break
        if p.text.rstrip().endswith(":"):
            return i + 1
    n = 0
    for p in pieces:
        if not (isinstance(p, Piece) and p.kind == "paragraph" and _LEAD.match(p.text)):
            break
        n += 1
    return n


_UNIT = re.compile(r"^\(?\s*(Đơn vị tính|ĐVT)\s*:", re.IGNORECASE)


def _table_piece(block: Block, out: list[Heading | Piece], blocks: list[Block]) -> Piece:
    """A table, taking the unit line (``Đơn vị tính: …``) and a centred caption just above it."""
    unit = caption = ""
    last = out[-1] if out else None
    if isinstance(last, Piece) and last.kind == "paragraph" and _UNIT.match(last.text):
        unit = last.text
        out.pop()
        last = out[-1] if out else None
    if isinstance(last, Piece) and last.kind == "paragraph" and len(last.text.split()) <= 25:
        source = next((b for b in blocks if b.where == last.where), None)
        if source is not None and source.centered and not last.text.endswith((".", ":", ";")):
            caption = last.text
            out.pop()
    return Piece(
        "table", block.where, block.text, rows=block.rows, caption=caption, unit=unit,
        header=block.header,
    )  # fmt: skip


def _level_key(m: Marker) -> str:
    return f"dotted{m.text.rstrip('.').count('.')}" if m.kind == "dotted" else m.kind


def _piece(
    block: Block, stack: list[str], uses_bold: bool, diagnostics: list[ImportDiagnostic]
) -> list[Heading | Piece]:
    text = block.text.strip()
    m = read_marker(text)
    if block.auto_marker:
        auto = read_marker(f"{block.auto_marker} x")
        if m is not None and m.kind != "bullet":
            diagnostics.append(
                ImportDiagnostic(
                    "IM301",
                    "warning",
                    _(
                        'đánh số tự động "{auto}" đứng trước số gõ tay "{typed}"; giữ số gõ tay'
                    ).format(auto=block.auto_marker, typed=m.text),
                    block.where,
                )
            )
        elif auto is not None:
            text = f"{block.auto_marker} {text}"
            m = read_marker(text)
    if m is None:
        level = re.search(r"heading\b\D*(\d)?\s*$", block.style, re.IGNORECASE)
        if level and text:
            # An unnumbered heading in a Word heading style ("KẾT LUẬN" with no number)
            del stack[int(level.group(1) or 1) - 1 :]
            stack.append("plain")
            return [Heading(len(stack), "plain", "", "", text, block.where)]
        return [Piece("paragraph", block.where, text, runs=block.runs)]
    if m.kind == "bullet":
        return [_item("bullet", block, m)]
    heading, title, after = (
        (True, m.rest, "") if m.kind in _HEADING_KINDS else _title_like(block, m, uses_bold)
    )
    if not heading:
        if m.kind in ("arabic", "alpha", "paren"):
            return [_item("numbered", block, m)]
        return [Piece("paragraph", block.where, text, runs=block.runs)]
    key = _level_key(m)
    if key in stack:
        del stack[stack.index(key) + 1 :]
    else:
        stack.append(key)
    return [Heading(len(stack), m.kind, m.text, m.suffix, title, block.where, run_in=after)]


def _item(kind: Literal["bullet", "numbered"], block: Block, m: Marker) -> Piece:
    """A list item: its text and runs without the marker, its number and nesting level."""
    number = m.number if kind == "numbered" else None
    runs = _strip_runs(block.runs, m)
    return Piece(
        kind, block.where, m.rest, runs=runs, marker=m.text, number=number, level=block.list_level
    )


def _strip_runs(runs: tuple[Run, ...], m: Marker) -> tuple[Run, ...]:
    """The runs without the leading marker, when the marker sits in the first run."""
    if not runs:
        return runs
    first = runs[0]
    stripped = first.text.lstrip()
    if stripped.startswith(m.text):
        rest = stripped[len(m.text) :].lstrip()
        return ((Run(rest, first.bold, first.italic),) if rest else ()) + runs[1:]
    return ()


def recognize_tail(
    blocks: list[Block], closing: int, tail: int, end: int, diagnostics: list[ImportDiagnostic]
) -> TailParts:
    """Closing paragraphs, then recipients and the signer, in whatever order they come."""
    parts = TailParts(closing=[Found(b.text.strip(), b.where) for b in blocks[closing:tail]])
    columns: dict[object, SignerParts] = {}
    in_recipients = False
    for block in blocks[tail:end]:
        pieces = [p.strip() for p in _GAP.split(block.text) if p.strip()]
        for n, text in enumerate(pieces, start=1):
            where = block.where if len(pieces) == 1 else _part(block, n)
            # A joint report signs side by side: one signer per column of the signature table.
            column = (block.where.index, block.where.col) if block.where.kind == "table" else None
            signer = columns.setdefault(column, SignerParts())
            found = Found(text, where)
            m = _RECIPIENTS.match(text)
            if m:
                in_recipients = True
                parts.recipients_label = Found("Nơi nhận:", where)
                if m["rest"].strip():
                    pieces.append(m["rest"].strip())
                continue
            arch = _ARCHIVE.match(text)
            if arch and (in_recipients or text.startswith("Lưu")):
                archive, rest = _split_flattened(arch["rest"])
                parts.archive = Found(archive, where)
                if rest:
                    pieces.append(rest)
                continue
            if text[:1] in "-–+" and (in_recipients or n == 1):
                item, rest = _split_flattened(text.lstrip("-–+ ").strip())
                parts.recipients.append(Found(item, where))
                if rest:
                    pieces.append(rest)  # the signer column, flattened onto this line
                continue
            a = _AUTHORITY.match(text)
            if a and signer.authority is not None:
                signer.titles.append(found)  # "TM. ỦY BAN NHÂN DÂN" over "KT. CHỦ TỊCH"
                continue
            if a:
                signer.authority = _AUTH_CODES[a["form"]]
                signer.on_behalf = Found(a["rest"].strip(), where)
                continue
            if re.match(r"^Ký bởi\s*:", text):
                signer.digital = found
                continue
            if re.fullmatch(r"\(\s*đã ký\s*\)", text, re.IGNORECASE):
                signer.signed = True
                continue
            letters = [c for c in text if c.isalpha()]
            if letters and all(c.isupper() for c in letters):
                signer.titles.append(found)
                continue
            words = text.split()
            if (
                2 <= len(words) <= 6
                and all(w[:1].isupper() for w in words)
                and not any(c.isdigit() for c in text)
            ):
                signer.name = found
                continue
            parts.leftovers.append(found)
            diagnostics.append(
                ImportDiagnostic(
                    "IM402",
                    "warning",
                    _('dòng cuối văn bản không rõ là gì, giữ sau lời kết: "{text}"').format(
                        text=text
                    ),
                    where,
                    "closing",
                )
            )
    signers: list[SignerParts] = []
    for s in columns.values():
        if not (s.name or s.titles or s.authority):
            continue
        lone_name = s.name and not (s.titles or s.authority)
        if lone_name and signers and signers[-1].name is None:
            signers[-1].name = s.name  # the name typed under the signature table
            continue
        signers.append(s)
    if len(signers) == 1:
        parts.signer = signers[0]
    elif len(signers) > 1:
        parts.signers = signers
    return parts


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 6
        and all(w[:1].isupper() and not _is_caps(w) for w in words)
        and not any(c.isdigit() for c in text)
    )


def _split_flattened(item: str) -> tuple[str, str]:
    """``UBND tỉnh (b/c); CHỦ TỊCH`` → the recipient and the signer text a web page glued on."""
    for m in re.finditer(r"[;,.]\s*", item):
        rest = item[m.end() :].strip()
        if (_is_caps(rest) and " " in rest) or _is_name(rest) or _AUTHORITY.match(rest):
            return item[: m.start() + 1].strip(), rest
    return item, ""


_NOTE = re.compile(r"^\((Kèm theo|Ban hành kèm theo)\b.*\)$", re.IGNORECASE)


def recognize_appendices(
    blocks: list[Block], diagnostics: list[ImportDiagnostic]
) -> list[AppendixParts]:
    """Each ``PHỤ LỤC …`` line starts an appendix: title lines in capitals, a note, a body."""
    starts = [i for i, b in enumerate(blocks) if _APPENDIX.match(b.text.strip())] + [len(blocks)]
    out = []
    for a, b in pairwise(starts):
        part = AppendixParts(Found(blocks[a].text.strip(), blocks[a].where))
        i = a + 1
        while (
            i < b
            and len(part.title) < 3
            and not blocks[i].is_table
            and _is_caps(blocks[i].text)
            and not read_marker(blocks[i].text)
        ):
            part.title.append(Found(blocks[i].text.strip(), blocks[i].where))
            i += 1
        if i < b and _NOTE.match(blocks[i].text.strip()):
            part.note = Found(blocks[i].text.strip(), blocks[i].where)
            i += 1
        pre, body = recognize_body(blocks[i:b], diagnostics)
        part.body = [*pre, *body]
        out.append(part)
    return out


def _part(block: Block, n: int) -> Where:
    return replace(block.where, part=n)
