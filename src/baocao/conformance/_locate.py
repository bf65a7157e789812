"""Finding the printed elements of a report in a .docx: by style role, else by text.

A document printed by a baocao pack carries each element's role in its style
name (``_roles``); a foreign one (typed in Word, an old report) is found by its
content and position, so the checker finds "ĐẢNG CỘNG SẢN VIỆT NAM", the "Số"
line or "Nơi nhận:" wherever they are. The text rules:

* header: the first top-level table holding the family's motto. Its right-hand
  lines are the motto (and State tiêu ngữ), a drawn rule (a bottom border on the
  motto or on the next paragraph) and the place-date; the left column holds the
  issuer lines, the Party ``*`` or State short rule, and the ``Số`` line;
* title: the first non-empty paragraph after that table; the subject lines are
  the centred paragraphs that follow, up to the Party ``-----`` or the State rule;
* addressees: a "Kính gửi" line right after the subject, and the "- …" lines
  under a bare "Kính gửi:", are neither subject nor body;
* signature: the first top-level table after the header whose "Nơi nhận" label
  has "- …" lines under it (an appendix table with a "Nơi nhận" column has
  none), else the last with a label; the label's cell holds the recipient lines,
  the last cell the signer lines (authority lines start with a signing form such
  as ``T/M`` or ``TM.``; "(Đã ký)" and other notes are skipped; the last line is
  the name);
  in a joint report the signers stand side by side in the rows above Nơi nhận
  (or in a table of their own above it), each column measured;
* a "Phần I" / "Phần thứ nhất" line is above the measured headings;
* body: top-level paragraphs between them; a paragraph with an outline level
  (Word's heading levels, set by the BC Heading styles) is a heading of that
  level, otherwise a Roman-numbered line is a level-1 heading; a paragraph just
  before a body table (or before its "Đơn vị tính: …" unit line) is its caption
  and, like the unit line, is not body text.
"""

from __future__ import annotations

import re

from ..layout import MOTTOS
from ..model import AUTHORITY_FORMS, Family
from ._found import Located, has_bottom_border, rule_length_mm
from ._ooxml import Docx, El, Paragraph, W, text_of, text_runs
from ._roles import by_role

__all__ = ["Located", "find_date", "locate"]

_NUMBER = re.compile(r"^Số\b")
_DATE = re.compile(r"ngày\s*(?:(?P<d>\d{1,2})\s*)?tháng\s*(?:(?P<m>\d{1,2})\s*)?năm\s*(?P<y>\d{4})")
_ROMAN = re.compile(r"^[IVXLCDM]+[-.]\s")
_SEPARATOR = re.compile(r"^-{3,}$")
_PART = re.compile(r"^(phần|chương)\s+(thứ\s+\w+|[IVXLC]+|\d+)$", re.IGNORECASE)
_UNIT = re.compile(r"^\(?đơn vị( tính)?\s*:", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^nơi nhận\s*:?$", re.IGNORECASE)
_NOTE = re.compile(r"^\(.*\)$|^(đã ký|ký bởi|ký số|người ký|thời gian)\b", re.IGNORECASE)
"""A note in the signer column, not a title or a name: "(Đã ký)", a seal note, the
digital-signature line ("Ký bởi: … Thời gian: …")."""


def _casefold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _rule_after(doc: Docx, paras: list[Paragraph], start: int, width: int | None) -> float | None:
    """Length of the drawn rule on ``paras[start]`` or on the empty paragraph after it."""
    for k in (start, start + 1):
        ruled = k < len(paras) and has_bottom_border(doc, paras[k].el)
        if ruled and (k == start or not paras[k].text.strip()):
            return rule_length_mm(doc, paras[k].el, width)
    return None


def _header(doc: Docx, family: Family, tbl: El, index: int, found: Located) -> None:
    paras = doc.cell_paragraphs(tbl, index)
    motto = MOTTOS[family]
    lines = [m.casefold() for m in motto]
    motto_at = [i for i, p in enumerate(paras) if _casefold(p.text) == lines[0]]
    slogan_at = [i for i, p in enumerate(paras) if _casefold(p.text) in lines[1:]]
    motto_cell = paras[motto_at[0]].cell if motto_at else None
    for i in motto_at:
        found.add("motto", paras[i])
    for i in slogan_at:
        found.add("slogan", paras[i])
    ruled = slogan_at or motto_at
    if ruled:
        last_motto = ruled[-1]
        length = _rule_after(doc, paras, last_motto, paras[last_motto].cell_width)
        if length is not None:
            found.rules["motto_rule"] = length
    left = [p for p in paras if p.cell != motto_cell]
    issuer: list[Paragraph] = []
    for p in left:
        text = p.text.strip()
        if _DATE.search(text):
            continue
        if _NUMBER.match(text):
            found.add("number", p)
        elif text == "*":
            found.marks.add("star")
        elif not text and has_bottom_border(doc, p.el) and issuer:
            length = rule_length_mm(doc, p.el, p.cell_width)
            if length is not None:
                found.rules["issuer_rule"] = length
        elif text and "number" not in found.elements:
            issuer.append(p)
        elif text:  # under Số in the left column: the V/v subject of a công văn
            found.add("letter_subject", p)
            found.marks.add("cong_van")
    # Parent bodies are upright above the issuer; with 3–4 lines (a school under a
    # department under a province) the first bold line starts the issuer itself.
    bold = [all(doc.run_toggle(r, p.el, "b") for r in text_runs(p.el)) for p in issuer]
    first_bold = next((i for i, b in enumerate(bold) if i and b), None)
    split = first_bold if first_bold is not None and len(issuer) > 2 else 1
    if len(issuer) >= 2 and not all(bold):  # a joint report's issuers are all bold
        for p in issuer[:split]:
            found.add("issuer_parent", p)
        issuer = issuer[split:]
    for p in issuer:
        found.add("issuer_name", p)
    dated = next((p for p in paras if _DATE.search(p.text)), None)
    if dated is not None:
        found.add("place_date", dated)


def find_date(doc: Docx) -> tuple[int | None, int | None, int] | None:
    """(day, month, year) of the first "ngày … tháng … năm …" line; blanks are None."""
    for p in doc.body.iter(f"{W}p"):
        m = _DATE.search(text_of(p))
        if m:
            d, mo = m["d"], m["m"]
            return (int(d) if d else None, int(mo) if mo else None, int(m["y"]))
    return None


def _title(doc: Docx, paras: list[El], found: Located, text_width: int) -> int:
    """Record the title block; return how many paragraphs it used."""
    k = 0
    while k < len(paras) and not text_of(paras[k]).strip():
        k += 1
    if k == len(paras):
        return k
    found.add("title", Paragraph(paras[k], text_of(paras[k])))
    k += 1
    while k < len(paras):
        p = paras[k]
        text = text_of(p).strip()
        if _SEPARATOR.match(text):
            found.marks.add("subject_separator")
            return _notes(doc, paras, k + 1)
        if not text and has_bottom_border(doc, p):
            length = rule_length_mm(doc, p, text_width)
            if length is not None:
                found.rules["subject_rule"] = length
            return _notes(doc, paras, k + 1)
        if not text or (doc.para_attr(p, "jc", "val") or "left") != "center":
            return k
        found.add("subject", Paragraph(p, text_of(p)))
        k += 1
    return k


def _notes(doc: Docx, paras: list[El], k: int) -> int:
    """Skip the title block's extra centred lines under its mark (a cut-off date, a term)."""
    while k < len(paras) and (text := text_of(paras[k]).strip()):
        if text.startswith("Kính gửi"):
            break  # the centred Kính gửi line is the addressee block, not a note
        if (doc.para_attr(paras[k], "jc", "val") or "left") != "center":
            break
        k += 1
    return k


def _heading_level(doc: Docx, p: El, text: str) -> int | None:
    level = doc.para_attr(p, "outlineLvl", "val")
    if level is not None and level.isdigit() and int(level) < 9:
        return int(level) + 1
    return 1 if _ROMAN.match(text) else None


def _signature(doc: Docx, family: Family, tbl: El, index: int, found: Located) -> None:
    paras = doc.cell_paragraphs(tbl, index)
    label = next((p for p in paras if _RECIPIENTS.match(p.text.strip())), None)
    if label is None:
        return
    cells = {p.cell for p in paras if p.row == label.row}
    found.recipients_cell = (label.cell, len(cells))
    found.add("recipients_label", label)
    for p in paras:
        if p.row == label.row and p.cell == label.cell and p is not label and p.text.strip():
            found.add("recipients_item", p)
    signer_cell = max(cells)
    if signer_cell != label.cell and _signer_lines(family, paras, {label.row}, signer_cell, found):
        found.signer_cell = (signer_cell, len(cells))
        return
    # A joint report: the signers stand side by side in the rows above Nơi nhận,
    # one column each (their titles and names may sit in rows of their own).
    above = {p.row for p in paras if p.row < label.row}
    for cell in sorted({p.cell for p in paras if p.row in above}):
        _signer_lines(family, paras, above, cell, found)


def _signer_lines(
    family: Family, paras: list[Paragraph], rows: set[int], cell: int, found: Located
) -> bool:
    """Record one signer column: authority and title lines, then the name; notes skipped."""
    signer = [
        p
        for p in paras
        if p.row in rows and p.cell == cell and p.text.strip() and not _NOTE.match(p.text.strip())
    ]
    if not signer:
        return False
    forms = tuple(f + " " for f in AUTHORITY_FORMS[family].values())
    *lines, name = signer
    found.add("signer_name", name)
    for p in lines:
        found.add("signer_authority" if p.text.strip().startswith(forms) else "signer_title", p)
    return True


def _joint(doc: Docx, family: Family, blocks: list[El], start: int, found: Located) -> int | None:
    """Joint signers: a table of signer columns, then "Nơi nhận:" and its lines below it.

    Returns the block index where the signature begins (the signers' table), or None.
    """
    texts = [text_of(b).strip() if b.tag == f"{W}p" else None for b in blocks]
    for k in range(start, len(blocks)):
        label = texts[k]
        following = [t for t in texts[k + 1 :] if t]
        if not (label and _RECIPIENTS.match(label) and following):
            continue
        if not following[0].startswith(("-", "–")):
            continue
        found.add("recipients_label", Paragraph(blocks[k], label))
        for b, t in zip(blocks[k + 1 :], texts[k + 1 :], strict=True):
            if t is None or (t and not t.startswith(("-", "–"))):
                break
            if t:
                found.add("recipients_item", Paragraph(b, t))
        before = next((i for i in range(k - 1, start - 1, -1) if texts[i] != ""), None)
        if before is None or blocks[before].tag != f"{W}tbl":
            return k
        tables = [b for b in blocks if b.tag == f"{W}tbl"]
        paras = doc.cell_paragraphs(blocks[before], tables.index(blocks[before]))
        for row, cell in sorted({(p.row, p.cell) for p in paras}):
            _signer_lines(family, paras, {row}, cell, found)
        return before
    return None


def _tables(doc: Docx, blocks: list[El], family: Family) -> tuple[int | None, int | None]:
    """Block indexes of the header table (first with the motto) and the signature table.

    The signature table is the first after the header whose "Nơi nhận" label has
    "- …" lines under it in its cell: an appendix table printing "Nơi nhận" as a
    column heading has none, and comes after the signature anyway.
    """
    header_at = sig_at = None
    labelled: list[int] = []
    motto = MOTTOS[family][0].casefold()
    for i, b in enumerate(blocks):
        if b.tag != f"{W}tbl":
            continue
        texts = [text_of(p).strip() for p in b.iter(f"{W}p")]
        if header_at is None and any(_casefold(t) == motto for t in texts):
            header_at = i
            continue
        for tc in b.iter(f"{W}tc"):
            cell = [text_of(p).strip() for p in tc.findall(f"{W}p")]
            cell = [t for t in cell if t]
            if cell and _RECIPIENTS.match(cell[0]):
                labelled.append(i)
                if sig_at is None and any(t.startswith(("-", "–")) for t in cell[1:]):
                    sig_at = i
    if sig_at is None and labelled:
        sig_at = labelled[-1]
    return header_at, sig_at


def locate(doc: Docx, family: Family, text_width: int) -> Located:
    """Find every element of the family's layout in ``doc``: by style role, else by text."""
    blocks = list(doc.blocks())
    tables = [b for b in blocks if b.tag == f"{W}tbl"]
    header_at, sig_at = _tables(doc, blocks, family)
    found = by_role(doc, blocks, text_width)
    if found is not None:
        if "motto" not in found.elements and header_at is not None:
            _header(doc, family, blocks[header_at], tables.index(blocks[header_at]), found)
        if "recipients_label" not in found.elements and sig_at is not None:
            _signature(doc, family, blocks[sig_at], tables.index(blocks[sig_at]), found)
        return found
    found = Located()
    if header_at is not None:
        _header(doc, family, blocks[header_at], tables.index(blocks[header_at]), found)
    start = header_at + 1 if header_at is not None else 0
    if sig_at is not None:
        _signature(doc, family, blocks[sig_at], tables.index(blocks[sig_at]), found)
    else:
        sig_at = _joint(doc, family, blocks, start, found)
    end = sig_at if sig_at is not None and sig_at > start else len(blocks)
    middle = blocks[start:end]
    found.body_tables = [b for b in middle if b.tag == f"{W}tbl"]
    leading = []
    for b in middle:
        if b.tag != f"{W}p":
            break
        leading.append(b)
    if "cong_van" in found.marks:  # no title block; a blank line before Kính gửi
        used = next((n for n, b in enumerate(leading) if text_of(b).strip()), len(leading))
    else:
        used = _title(doc, leading, found, text_width)
    used += _addressee_count(middle[used:])
    rest = middle[used:]
    for k, b in enumerate(rest):
        if b.tag != f"{W}p":
            continue
        text = text_of(b).strip()
        nxt = rest[k + 1] if k + 1 < len(rest) else None
        if nxt is not None and nxt.tag == f"{W}p" and _UNIT.match(text_of(nxt).strip()):
            nxt = rest[k + 2] if k + 2 < len(rest) else None  # caption, unit line, table
        if not text or (nxt is not None and nxt.tag == f"{W}tbl"):
            continue  # blank lines, table captions and unit lines are not body text
        if _PART.match(text):
            continue  # "Phần I" stands above the headings the profile measures
        level = _heading_level(doc, b, text)
        found.add(f"heading{level}" if level else "body", Paragraph(b, text_of(b)))
    return found


def _addressee_count(blocks: list[El]) -> int:
    """How many paragraphs at the start are the Kính gửi block."""
    texts = [text_of(b).strip() if b.tag == f"{W}p" else "-" for b in blocks]
    start = next((i for i, t in enumerate(texts) if t), len(texts))  # blank lines before it
    if start == len(texts) or not texts[start].startswith("Kính gửi"):
        return 0
    n = start + 1
    if texts[start] == "Kính gửi:":
        while n < len(texts) and texts[n].startswith("- "):
            n += 1
    return n
