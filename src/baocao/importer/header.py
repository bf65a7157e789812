"""The header: motto, issuer block, number, place and date, type and subject, V/v, Kính gửi.

The two header columns reach us as table cells, as one line split by tabs or
wide gaps, or flattened onto one line by a web page ("HUYỆN ỦY MINH SƠN ĐẢNG
CỘNG SẢN VIỆT NAM"); each line is cut into fragments at those seams and the
fixed texts (mottos, "Số", the place-date pattern), then each fragment is
classified. What no rule claims is kept and reported.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ..i18n import _
from .diagnostics import ImportDiagnostic
from .parts import Found, HeaderParts
from .source import Block

__all__ = ["DOC_TYPES", "recognize_header"]

DOC_TYPES = (
    "BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "THÔNG BÁO", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN", "BIÊN BẢN", "KẾT LUẬN", "QUY ĐỊNH", "CHỈ THỊ",
    "CÔNG VĂN", "THƯ", "DIỄN VĂN", "QUY CHẾ", "TRÍCH YẾU",
)  # fmt: skip
_MOTTOS = {
    "ĐẢNG CỘNG SẢN VIỆT NAM": "dang",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": "nha_nuoc",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM": "nha_nuoc",
}
_MOTTO_RE = re.compile(
    r"ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    r"|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    r"|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc"
)
_SEPARATOR = re.compile(r"^[\s\-–—_*=.~·•]+$")
_NUMBER = re.compile(r"^Số\b\s*:?\s*(?P<rest>.*)$")
# The place is tried only from the start of the text or of a comma's segment (a later
# start in the segment would end at the same comma); its spaces are skipped before the
# group, so m.start("place") is where the place begins. A blank day or month takes the
# whole run of dots and spaces after the spaces (what the backtracking pattern kept).
_BLANK = r"\d{1,2}(?!\d)|[.…_][\s.…_]*(?![\s.…_])|"
_PLACE_DATE = re.compile(
    rf"(?<![^,])\s*(?P<place>[^\s,][^,]*),\s*ngày\s*(?!\s)(?P<day>{_BLANK})\s*tháng\s*"
    rf"(?!\s)(?P<month>{_BLANK})\s*năm\s*(?P<year>\d{{4}})\.?"
)
_VV = re.compile(r"^V/[vV]\.?\s*:?\s*(?P<rest>.*)$")
_KINH_GUI = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)$")
_GAP = re.compile(r"\t+|(?<!Số)(?<!Số:)(?<!ngày)(?<!tháng) {3,}(?![-/]|tháng|năm)")
_PREAMBLE_LEAD = re.compile(r"^(Thực hiện|Căn cứ|Theo|Triển khai|Nhằm|Qua|Trong|Năm|Ngày)\b")
_STATE_WORDS = re.compile(
    r"ỦY BAN|UỶ BAN|UBND|SỞ |PHÒNG |BỘ |TRƯỜNG|HỘI ĐỒNG NHÂN DÂN|CHI CỤC|CỤC "
)
_PARTY_WORDS = re.compile(
    r"ĐẢNG|HUYỆN ỦY|TỈNH ỦY|THÀNH ỦY|ĐẢNG ỦY|CHI BỘ|BAN CHẤP HÀNH|ĐẠI HỘI|ỦY\b"
)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def doc_type_of(text: str) -> str | None:
    """The document type a line names (``BÁO CÁO``, also spaced out ``B Á O  C Á O``)."""
    t = text.strip()
    if not _is_caps(t) or len(t) > 60:
        return None
    squeezed = re.sub(r"\s+", "", t)
    for name in DOC_TYPES:
        if t == name or t.startswith(name + " ") or squeezed == name.replace(" ", ""):
            return t if squeezed != name.replace(" ", "") else name
    return None


def _fragments(block: Block) -> list[Found]:
    """Cut a header line at tabs, wide gaps, mottos and the place-date pattern."""
    text = block.text
    pieces = [p for p in (text.split("\t") if "\t" in text else _GAP.split(text)) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        cuts = sorted(
            {0, len(piece)}
            | {m.start() for m in _MOTTO_RE.finditer(piece)}
            | {m.end() for m in _MOTTO_RE.finditer(piece)}
            | {m.start() for m in re.finditer(r"\bSố\s*:?\s*[\d\s]*[-/]", piece)}
            | {_place_start(piece)}
        )
        out += [piece[a:b].strip() for a, b in pairwise(cuts) if piece[a:b].strip()]
    if len(out) == 1:
        return [Found(out[0], block.where)]
    return [Found(t, replace(block.where, part=i)) for i, t in enumerate(out, start=1)]


def _place_start(text: str) -> int:
    """Where a place-date begins in a flattened line (after the number or issuer)."""
    m = _PLACE_DATE.search(text)
    if m is None:
        return 0
    place = m.group("place")
    # "Số 12-BC/BTCHU Minh Sơn, ngày …": the place is the words after the last code.
    subs = list(re.finditer(r"(\S*[/\-]\S*|[A-ZĐ ]{3,}[A-ZĐ])\s+(?=[A-ZĐ][a-zà-ỹ])", place))
    return m.start("place") + subs[-1].end() if subs else m.start("place")


def _blank_or_int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() else None


def recognize_header(
    blocks: list[Block], diagnostics: list[ImportDiagnostic]
) -> tuple[HeaderParts, int]:
    """Read the header from the first blocks; return it and the index where the body starts."""
    h = HeaderParts()
    i = 0
    limit = min(len(blocks), 16)
    last_header = -1
    while i < limit:
        block = blocks[i]
        if block.is_table:
            break
        if doc_type_of(block.text):
            h.doc_type = Found(doc_type_of(block.text) or "", block.where)
            last_header = i
            i += 1
            break
        if _KINH_GUI.match(block.text.strip()) or _looks_like_body(block):
            break
        claimed = False
        for frag in _fragments(block):
            claimed |= _classify(frag, block, h)
        if claimed:
            last_header = i
        elif last_header >= 0 or i > 3:
            break
        i += 1
    else:
        i = limit
    i = last_header + 1 if h.doc_type is None else _subject(blocks, i, h)
    i = _addressees(blocks, i, h)
    _family(h, diagnostics, " ".join(b.text for b in blocks[:80]))
    for name, found in (
        (_("số và ký hiệu"), h.number),
        (_("địa danh, ngày tháng"), h.place),
    ):
        if found is None:
            diagnostics.append(
                ImportDiagnostic("IM201", "warning", _("không thấy {part}").format(part=name))
            )
    if not h.issuer:
        diagnostics.append(
            ImportDiagnostic("IM201", "warning", _("không thấy tên cơ quan ban hành"))
        )
    return h, i


def _looks_like_body(block: Block) -> bool:
    words = block.text.split()
    return len(words) > 25 or bool(_PREAMBLE_LEAD.match(block.text) and len(words) > 8)


def _classify(frag: Found, block: Block, h: HeaderParts) -> bool:
    text = frag.text
    if text in _MOTTOS or _MOTTO_RE.fullmatch(text):
        h.motto.append(frag)
        if text in _MOTTOS and h.family is None:
            h.family, h.family_from = _MOTTOS[text], text  # type: ignore[assignment]
        return True
    if _SEPARATOR.match(text):
        if h.issuer and h.number is None and h.separator is None:
            stars = text.replace(" ", "")
            h.separator = stars if set(stars) == {"*"} else "rule"
        return True
    m = _NUMBER.match(text)
    if m and (re.search(r"[-/]", m["rest"]) or not m["rest"].strip()):
        h.number = Found(text, frag.where)
        return True
    m = _PLACE_DATE.fullmatch(text) or _PLACE_DATE.match(text)
    if m:
        h.place = Found(m["place"].strip(), frag.where)
        h.day, h.month, h.year = _blank_or_int(m["day"]), _blank_or_int(m["month"]), int(m["year"])
        h.date_written = text[
            text.index("ngày", m.start("place") + len(m["place"])) : m.end()
        ].rstrip(".")
        return True
    m = _VV.match(text)
    if m:
        h.vv.append(Found(m["rest"], frag.where))
        return True
    if h.vv and not _is_caps(text):
        h.vv.append(frag)  # the V/v wraps onto a second line
        return True
    if _is_caps(text) and h.number is None:
        h.issuer.append(frag)
        h.issuer_bold.append(block.bold)
        return True
    if text.startswith("(") and text.endswith(")"):
        h.leftovers.append(frag)  # "(Dự thảo)", "(Lần 2)"
        return True
    return False


def _subject(blocks: list[Block], i: int, h: HeaderParts) -> int:
    """Trích yếu lines after the type: centered in Word, or up to a blank line in text."""
    while i < len(blocks) and len(h.subject) < 5:
        b = blocks[i]
        t = b.text.strip()
        if b.is_table or _KINH_GUI.match(t) or (_PREAMBLE_LEAD.match(t) and len(t.split()) > 8):
            break
        if _SEPARATOR.match(t):
            i += 1
            if h.subject:
                break  # the rule under the subject ends the title block
            continue
        if len(t.split()) > 40:
            break
        upright = bool(h.subject) and b.bold is False and b.centered  # subjects are bold in Word
        if h.subject and ((t.startswith("(") and t.endswith(")")) or upright):
            h.leftovers.append(Found(t, b.where))  # "(Dự thảo)", "Số liệu tính đến …" notes
            i += 1
            continue
        ended = b.blank_before or (b.bold is not None and not b.centered) or h.leftovers
        if h.subject and ended:
            break
        h.subject.append(Found(t, b.where))
        i += 1
    while h.subject and i < len(blocks) and _is_note(blocks[i]):
        h.leftovers.append(Found(blocks[i].text.strip(), blocks[i].where))  # under the rule
        i += 1
    return i


def _is_note(b: Block) -> bool:
    """A title-block note: a short line in brackets, or centred upright text in Word."""
    t = b.text.strip()
    short = 0 < len(t.split()) <= 15 and not b.is_table and not _KINH_GUI.match(t)
    return short and ((t.startswith("(") and t.endswith(")")) or (b.centered and b.bold is False))


def _addressees(blocks: list[Block], i: int, h: HeaderParts) -> int:
    if i >= len(blocks):
        return i
    m = _KINH_GUI.match(blocks[i].text.strip())
    if not m:
        return i
    where = blocks[i].where
    i += 1
    rest = m["rest"].strip()
    if rest and not rest.startswith("-"):
        h.addressees.append(Found(rest.rstrip(";.,"), where))
        return i
    if rest:
        h.addressees.append(Found(rest.lstrip("-– ").rstrip(";.,"), where))
    while i < len(blocks) and re.match(r"^\s*[-–+]\s*", blocks[i].text):
        h.addressees.append(
            Found(blocks[i].text.strip().lstrip("-–+ ").rstrip(";.,"), blocks[i].where)
        )
        i += 1
    return i


_PARTY_TEXT = re.compile(r"\b(Huyện ủy|Tỉnh ủy|Đảng ủy|chi bộ|đảng viên|Ban Thường vụ)\b")
_STATE_TEXT = re.compile(r"\b(Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Chủ tịch)\b")


def _family(h: HeaderParts, diagnostics: list[ImportDiagnostic], text: str) -> None:
    """Family from the motto, else from the number's form, the issuer's or the text's words."""
    if h.family is not None:
        return
    number = h.number.text if h.number else ""
    issuer = " ".join(f.text for f in h.issuer)
    if re.search(r"\d*\s*-\s*[A-ZĐ][\w]*\s*/", number):
        h.family, h.family_from = "dang", number
    elif re.search(r"\d*\s*/\s*[A-ZĐ]", number):
        h.family, h.family_from = "nha_nuoc", number
    elif _STATE_WORDS.search(issuer):
        h.family, h.family_from = "nha_nuoc", issuer
    elif _PARTY_WORDS.search(issuer):
        h.family, h.family_from = "dang", issuer
    else:
        party, state = _PARTY_TEXT.findall(text), _STATE_TEXT.findall(text)
        h.family = "nha_nuoc" if len(state) > len(party) else "dang"
        clue = (state if h.family == "nha_nuoc" else party)[:1]
        h.family_from = clue[0] if clue else ""
    where = h.number.where if h.number else (h.issuer[0].where if h.issuer else None)
    diagnostics.append(
        ImportDiagnostic(
            "IM202",
            "warning",
            _('không có tiêu đề/quốc hiệu; đoán thể thức {family} từ "{clue}"').format(
                family=h.family, clue=h.family_from or "?"
            ),
            where,
            "header.family",
        )
    )
