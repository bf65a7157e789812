"""Which printed element a paragraph is, read from its paragraph style's name.

Why style names: the layout knows which line is the signer's title, the name,
the "Nơi nhận:" label; the built-in templates print each in its own named style
(``BC Signer Title``, ``BC Signer Name`` …), so the role travels in the .docx
itself and survives any line a pack adds around it ("(Đã ký)", a seal note) or
any "Nơi nhận" an appendix table prints. A pack's own style counts when it is
based on one of these (Word's "Style based on"). The chain stops at the first
``BC …`` style: ``BC Table Caption`` (based on ``BC Body``) is no body text.
A document with none of these styles is a foreign one, found by its text.
"""

from __future__ import annotations

import re

from ._found import Located, has_bottom_border, rule_length_mm
from ._ooxml import Docx, El, Paragraph, W, text_of

__all__ = ["ROLE_STYLES", "by_role", "role_of"]

ROLE_STYLES: dict[str, str] = {
    "BC Motto": "motto",
    "BC Slogan": "slogan",
    "BC Issuer Parent": "issuer_parent",
    "BC Issuer Name": "issuer_name",
    "BC Number": "number",
    "BC Place Date": "place_date",
    "BC Title": "title",
    "BC Subject": "subject",
    "BC Letter Subject": "letter_subject",
    "BC Body": "body",
    "BC Bullet": "body",
    "BC Closing": "body",
    **{f"BC Heading {n}": f"heading{n}" for n in range(1, 10)},
    "BC Recipients Label": "recipients_label",
    "BC Recipients Item": "recipients_item",
    "BC Signer Authority": "signer_authority",
    "BC Signer Title": "signer_title",
    "BC Signer Name": "signer_name",
}
"""Paragraph style name → the element (profile name) it prints."""


def role_of(doc: Docx, p: El) -> str | None:
    """The element a paragraph prints, from its style chain; None for other text."""
    for name in doc.style_names(p):
        if name in ROLE_STYLES:
            return ROLE_STYLES[name]
        if name.startswith("BC "):
            return None
    return None


_DIVIDER_OF = {
    "motto": "motto_rule",
    "slogan": "motto_rule",
    "issuer_parent": "issuer_rule",
    "issuer_name": "issuer_rule",
    "title": "subject_rule",
    "subject": "subject_rule",
}
"""Which drawn rule a bordered line belongs to, by the element printed just above it."""
_SEPARATOR = re.compile(r"^-{3,}$")
Where = tuple[int | None, int, int]


def _paragraphs(doc: Docx, blocks: list[El], text_width: int) -> list[Paragraph]:
    """Every paragraph of the body and of its top-level tables, in reading order, up to the
    signature: what follows it (appendices) is checked by no rule of the first pages."""
    out: list[Paragraph] = []
    index = 0
    in_recipients = False
    for b in blocks:
        if b.tag == f"{W}p":
            role, text = role_of(doc, b), text_of(b)
            if in_recipients and text.strip() and role != "recipients_item":
                break  # joint signers: the Nơi nhận lines below them end the first pages
            in_recipients = in_recipients or role == "recipients_label"
            out.append(Paragraph(b, text, cell_width=text_width))
            continue
        if in_recipients:
            break
        cells = doc.cell_paragraphs(b, index)
        out.extend(cells)
        index += 1
        if any(role_of(doc, p.el) == "recipients_label" for p in cells):
            break
    return out


def by_role(doc: Docx, blocks: list[El], text_width: int) -> Located | None:
    """The elements found by style role; None when no paragraph carries one (a foreign file)."""
    paras = _paragraphs(doc, blocks, text_width)
    roles = {id(p.el): role for p in paras if (role := role_of(doc, p.el))}
    if not roles:
        return None
    found = Located(by_role=True)
    last: dict[Where, str] = {}
    tables = [b for b in blocks if b.tag == f"{W}tbl"]
    used: set[int] = set()
    for p in paras:
        where: Where = (p.table_index, p.row, p.cell)
        role, text = roles.get(id(p.el)), p.text.strip()
        if role is not None and text:
            found.add(role, p)
            last[where] = role
            if p.table_index is not None:
                used.add(p.table_index)
        if text == "*":
            found.marks.add("star")
        elif _SEPARATOR.match(text):
            found.marks.add("subject_separator")
        owner = role if role is not None and text else last.get(where)
        divider = _DIVIDER_OF.get(owner or "")
        ruled = divider and divider not in found.rules and has_bottom_border(doc, p.el)
        if ruled and (not text or role is not None):
            length = rule_length_mm(doc, p.el, p.cell_width)
            if length is not None:
                found.rules[str(divider)] = length
    if "letter_subject" in found.elements:
        found.marks.add("cong_van")
    label = found.elements.get("recipients_label", [])
    if label:
        row = [p for p in paras if (p.table_index, p.row) == (label[0].table_index, label[0].row)]
        cells = len({p.cell for p in row})
        found.recipients_cell = (label[0].cell, cells)
        signer = [p for p in found.elements.get("signer_name", []) if p in row]
        if signer:
            found.signer_cell = (signer[0].cell, cells)
    seen = {p.table_index for p in paras}
    found.body_tables = [t for i, t in enumerate(tables) if i in seen and i not in used]
    return found
