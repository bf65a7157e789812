"""Recognized parts onto the model's input form (plain data, as a report file would hold it).

The one module that knows the model's field names: when the model grows, only
this changes. The output is what ``baocao import`` writes as YAML, with strings
wherever a string is enough, and a map from each field path to its source place.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from ..i18n import _
from ..model import PARTY_NUMBERING, STATE_NUMBERING, NumberingScheme
from .body_mapping import (
    Sources,
    doc_numbering,
    map_appendices,
    map_blocks,
    map_paragraph,
    map_sections,
    set_labels,
)
from .diagnostics import ImportDiagnostic
from .parts import Found, HeaderParts, Heading, Piece, Recognized, SignerParts, TailParts

__all__ = ["to_data"]


def to_data(rec: Recognized, diagnostics: list[ImportDiagnostic]) -> tuple[dict[str, Any], Sources]:
    """The report as input data, and where each field came from."""
    sources: Sources = {}
    data: dict[str, Any] = {"kind": "document", "header": _header(rec.header, sources, diagnostics)}
    family = data["header"]["family"]
    preamble = [map_paragraph(p, f"preamble[{i}]", sources) for i, p in enumerate(rec.preamble)]
    if preamble:
        data["preamble"] = preamble
    lead = [p for p in rec.body if isinstance(p, Piece)]
    lead = lead[
        : next((i for i, p in enumerate(rec.body) if isinstance(p, Heading)), len(rec.body))
    ]
    if lead:
        data["blocks"] = map_blocks(lead, "", sources)
    sections, levels = map_sections(rec.body, sources, diagnostics)
    numbering = doc_numbering(levels, family)
    scheme = (
        NumberingScheme(levels=numbering)
        if numbering
        else (PARTY_NUMBERING if family == "dang" else STATE_NUMBERING)
    )
    set_labels(sections, scheme)
    if sections:
        data["sections"] = sections
    if numbering is not None:
        data["numbering"] = numbering
    _tail(rec.tail, data, family, sources)
    appendices = map_appendices(rec.tail, family, sources, diagnostics)
    if appendices:
        data["appendices"] = appendices
    return data, sources


def _put(sources: Sources, path: str, found: Found | None) -> None:
    if found is not None:
        sources[path] = found.where


def _header(
    h: HeaderParts, sources: Sources, diagnostics: list[ImportDiagnostic]
) -> dict[str, Any]:
    out: dict[str, Any] = {"family": h.family or "dang"}
    out["issuer"] = _issuer(h)
    if h.separator is not None and h.separator != ("*" if out["family"] == "dang" else "rule"):
        out["issuer"]["separator"] = h.separator
    if h.issuer:
        _put(sources, "header.issuer", h.issuer[0])
    if h.number is not None:
        out["number"] = _number(h.number, diagnostics)
        _put(sources, "header.number", h.number)
    out["place"] = h.place.text if h.place else PLACEHOLDER
    if h.place is not None:
        _put(sources, "header.place", h.place)
        _put(sources, "header.date", h.place)
        out["date"] = h.date_written or f"{h.year}"
    elif h.year or h.latest_year:
        out["date"] = f"{h.year or h.latest_year}"
    else:
        # No place-date line and no year anywhere: this year, said so (IM202), never a
        # made-up year that would print as if it were the report's.
        out["date"] = f"{datetime.date.today().year}"
        diagnostics.append(
            ImportDiagnostic(
                "IM202",
                "warning",
                _("văn bản không có ngày tháng năm: tạm ghi năm nay ({year}), sửa tay").format(
                    year=out["date"]
                ),
                path="header.date",
            )
        )
    if h.doc_type is not None:
        out["doc_type"] = h.doc_type.text
        _put(sources, "header.doc_type", h.doc_type)
    else:
        out["doc_type"] = None
    subject = h.subject or h.vv
    out["subject"] = "\n".join(f.text for f in subject) if subject else PLACEHOLDER
    if subject:
        _put(sources, "header.subject", subject[0])
    if h.leftovers:
        out["notes"] = [f.text for f in h.leftovers]
        _put(sources, "header.notes", h.leftovers[0])
    if h.addressees:
        out["addressees"] = [f.text for f in h.addressees]
        _put(sources, "header.addressees", h.addressees[0])
    return out


PLACEHOLDER = "…"
"""What a required header part the source lacks is filled with (and reported, IM201)."""


def _issuer(h: HeaderParts) -> dict[str, Any]:
    """``parent``/``name`` for the common two lines, ``lines`` with weights otherwise."""
    lines = [f.text for f in h.issuer]
    if not lines:
        return {"name": PLACEHOLDER}
    bold = h.issuer_bold
    known = any(b is not None for b in bold)
    if known and any(bold):
        weights = [bool(b) for b in bold]
    elif len(lines) >= 2 and _continues(lines[0], lines[1]):
        weights = [True] * len(lines)
    else:
        weights = [False] * (len(lines) - 1) + [True]
    if len(lines) == 1 or all(weights):
        return {"name": "\n".join(lines)}
    if len(lines) == 2 and weights == [False, True]:
        return {"parent": lines[0], "name": lines[1]}
    if weights == [False] * (len(lines) - 1) + [True]:
        return {"lines": lines}
    return {"lines": [{"text": t, "bold": b} for t, b in zip(lines, weights, strict=True)]}


_UNIT_NAME = re.compile(r"^(XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)\b")


def _continues(first: str, second: str) -> bool:
    """``ỦY BAN NHÂN DÂN`` over ``XÃ MINH TÂN`` is one name broken in two, not parent and name."""
    return bool(re.match(r"^(ỦY|UỶ) BAN NHÂN DÂN$|^HỘI ĐỒNG NHÂN DÂN$", first)) and bool(
        _UNIT_NAME.match(second)
    )


def _number(found: Found, diagnostics: list[ImportDiagnostic]) -> str:
    """The number line as written; the model keeps the written form and parses it."""
    from ..model import DocumentSymbol, lenient_mode

    try:
        with lenient_mode():  # a number typed off the official form is held, not refused
            symbol = DocumentSymbol.parse(found.text)
    except ValueError:
        diagnostics.append(
            ImportDiagnostic(
                "IM204",
                "warning",
                _('không đọc được số và ký hiệu "{raw}"').format(raw=found.text),
                found.where,
                "header.number",
            )
        )
        return found.text
    return found.text if symbol.written is not None else str(symbol)


def _signer(s: SignerParts) -> dict[str, Any]:
    signer: dict[str, Any] = {}
    if s.authority:
        signer["authority"] = s.authority
        if s.on_behalf:
            signer["on_behalf"] = s.on_behalf.text
    if s.titles:
        signer["title"] = "\n".join(f.text for f in s.titles)
    if s.signed:
        signer["signed"] = True
    if s.digital:
        signer["digital_signature"] = s.digital.text
    if s.name:
        signer["name"] = s.name.text
    return signer


def _tail(tail: TailParts, data: dict[str, Any], family: str, sources: Sources) -> None:
    # Lines after the closing that no rule claimed stay with it, in their place (IM402).
    closing = [*tail.closing, *tail.leftovers]
    if closing:
        data["closing"] = "\n".join(f.text for f in closing)
        _put(sources, "closing", closing[0])
    if tail.signer is not None:
        data["signer"] = _signer(tail.signer)
        s = tail.signer
        _put(sources, "signer", s.on_behalf or (s.titles[0] if s.titles else s.name))
    if tail.signers:
        data["signers"] = [_signer(s) for s in tail.signers]
        for k, s in enumerate(tail.signers):
            _put(sources, f"signers[{k}]", s.on_behalf or (s.titles[0] if s.titles else s.name))
    if tail.recipients or tail.archive:
        rec: dict[str, Any] = {}
        items = [f.text for f in tail.recipients]
        endings = {t[-1] for t in items if t and t[-1] in ",;."}
        default = "," if family == "dang" else ";"
        trimmed = [t[:-1].rstrip() if t and t[-1] in ",;." else t for t in items]
        rec["items"] = trimmed
        seps = endings - {"."}
        if seps and seps != {default}:
            rec["separator"] = sorted(seps)[0]
        if tail.archive is not None:
            rec["archive"] = tail.archive.text.rstrip(".")
        as_above = any(t.casefold().startswith("như trên") for t in trimmed)
        if data["header"].get("addressees") and not as_above:
            rec["as_above"] = False  # printed as written: no "Như trên" the source did not have
        data["recipients"] = rec
        _put(
            sources,
            "recipients",
            tail.recipients_label or (tail.recipients[0] if tail.recipients else tail.archive),
        )
