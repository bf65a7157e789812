"""Recognized parts onto the model's input form (plain data, as a report file would hold it).

The one module that knows the model's field names: when the model grows, only
this changes. The output is what ``baocao import`` writes as YAML, with strings
wherever a string is enough, and a map from each field path to its source place.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import _
from ..model import PARTY_NUMBERING, STATE_NUMBERING, NumberingScheme
from .diagnostics import ImportDiagnostic
from .parts import Found, HeaderParts, Heading, Piece, Recognized, TailParts
from .source import Run, Where

__all__ = ["to_data"]

Sources = dict[str, Where]


def to_data(
    rec: Recognized, diagnostics: list[ImportDiagnostic]
) -> tuple[dict[str, Any], Sources]:
    """The report as input data, and where each field came from."""
    sources: Sources = {}
    data: dict[str, Any] = {"kind": "document", "header": _header(rec.header, sources, diagnostics)}
    family = data["header"]["family"]
    preamble = [_paragraph(p, f"preamble[{i}]", sources) for i, p in enumerate(rec.preamble)]
    if preamble:
        data["preamble"] = preamble
    lead = [p for p in rec.body if isinstance(p, Piece)]
    lead = lead[: next((i for i, p in enumerate(rec.body) if isinstance(p, Heading)), len(rec.body))]
    if lead:
        data["blocks"] = _blocks(lead, "", sources)
    sections, levels = _sections(rec.body, sources, diagnostics)
    numbering = _numbering(levels, family)
    scheme = NumberingScheme(levels=numbering) if numbering else (
        PARTY_NUMBERING if family == "dang" else STATE_NUMBERING
    )
    _labels(sections, scheme)
    if sections:
        data["sections"] = sections
    if numbering is not None:
        data["numbering"] = numbering
    _tail(rec.tail, data, family, sources)
    appendices = _appendices(rec.tail, family, sources, diagnostics)
    if appendices:
        data["appendices"] = appendices
    return data, sources


def _put(sources: Sources, path: str, found: Found | None) -> None:
    if found is not None:
        sources[path] = found.where


def _header(h: HeaderParts, sources: Sources, diagnostics: list[ImportDiagnostic]) -> dict[str, Any]:
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
    else:
        out["date"] = f"{h.year or h.latest_year or 1900}"
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
    from ..model import DocumentSymbol

    try:
        symbol = DocumentSymbol.parse(found.text)
    except ValueError:
        diagnostics.append(
            ImportDiagnostic(
                "IM204",
                "warning",
                _("không đọc được số và ký hiệu \"{raw}\"").format(raw=found.text),
                found.where,
                "header.number",
            )
        )
        return found.text
    return found.text if symbol.written is not None else str(symbol)


def _spans(runs: tuple[Run, ...], text: str) -> Any:
    """A plain string unless some runs are bold or italic and others not."""
    if not runs or "".join(r.text for r in runs).strip() != text.strip():
        return text
    marked = {(r.bold, r.italic) for r in runs if r.text.strip()}
    if len(marked) <= 1:
        return text
    merged: list[Run] = []
    for r in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (r.bold, r.italic):
            merged[-1] = Run(merged[-1].text + r.text, r.bold, r.italic)
        else:
            merged.append(r)
    merged[0] = Run(merged[0].text.lstrip(), merged[0].bold, merged[0].italic)
    merged[-1] = Run(merged[-1].text.rstrip(), merged[-1].bold, merged[-1].italic)
    spans: list[Any] = []
    for r in merged:
        if not r.text:
            continue
        if not r.bold and not r.italic:
            spans.append(r.text)
        else:
            span: dict[str, Any] = {"text": r.text}
            if r.bold:
                span["bold"] = True
            if r.italic:
                span["italic"] = True
            spans.append(span)
    return {"spans": spans}


def _paragraph(p: Piece, path: str, sources: Sources) -> Any:
    sources[path] = p.where
    if p.kind in ("bullet", "numbered"):
        return f"{p.marker} {p.text}"
    return _spans(p.runs, p.text)


def _list_kind(p: Piece) -> str:
    return "bullets" if p.kind == "bullet" else "numbered"


def _blocks(pieces: list[Piece], path: str, sources: Sources) -> list[Any]:
    """Pieces as model blocks: runs of list items become lists, ``+`` under ``-`` nests."""
    out: list[Any] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        bp = f"{path}.blocks[{len(out)}]" if path else f"blocks[{len(out)}]"
        if p.kind in ("bullet", "numbered"):
            block, i = _list(pieces, i, bp, sources)
            out.append(block)
            continue
        if p.kind == "table" and p.rows:
            table = _table(p.rows)
            extra = {k: v for k, v in (("caption", p.caption), ("unit", p.unit)) if v}
            out.append({"type": "table", **extra, **{k: v for k, v in table.items() if k != "type"}})
            sources[bp] = p.where
        else:
            out.append(_paragraph(p, bp, sources))
        i += 1
    return out


def _same_list(a: Piece, b: Piece) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "bullet":
        return a.marker == b.marker
    return _NUMBER_SHAPE.sub("1", a.marker) == _NUMBER_SHAPE.sub("1", b.marker)


_NUMBER_SHAPE = re.compile(r"\d+|^[a-zđ](?=[).])")


def _list(pieces: list[Piece], i: int, bp: str, sources: Sources) -> tuple[dict[str, Any], int]:
    first = pieces[i]
    items: list[Any] = []
    j = i
    while j < len(pieces) and _same_list(pieces[j], first):
        item: Any = _spans(pieces[j].runs, pieces[j].text)
        sources[f"{bp}.items[{len(items)}]"] = pieces[j].where
        j += 1
        # "+" items right under a "-" item are its sub-list
        if j < len(pieces) and pieces[j].kind == "bullet" and first.kind == "bullet" and pieces[j].marker == "+" and first.marker != "+":
            sub, j = _list(pieces, j, f"{bp}.items[{len(items)}].children[0]", sources)
            item = {"text": item, "children": [sub]} if isinstance(item, str) else {**item, "children": [sub]}
        items.append(item)
    block: dict[str, Any] = {"type": _list_kind(first), "items": items}
    if first.kind == "bullet":
        if first.marker != "-":
            block["marker"] = first.marker
    else:
        if first.number not in (None, 1):
            block["start"] = first.number
        if _NUMBER_SHAPE.sub("1", first.marker) != "1.":
            block["marker"] = first.marker
    sources[bp] = first.where
    return block, j


_TOTAL = re.compile(r"^(tổng cộng|tổng số|tổng|cộng|toàn huyện|toàn tỉnh|toàn xã)\s*:?$", re.IGNORECASE)


def _table(rows: tuple[tuple[str, ...], ...]) -> dict[str, Any]:
    width = max(len(r) for r in rows)
    padded = [list(r) + [""] * (width - len(r)) for r in rows]
    header = [c or " " for c in padded[0]]
    out: dict[str, Any] = {"type": "table", "header": header, "rows": padded[1:]}
    if len(padded) > 2 and any(_TOTAL.match(c.strip()) for c in padded[-1]):
        out["rows"], out["total"] = padded[1:-1], padded[-1]
    return out


def _sections(
    body: list[Heading | Piece], sources: Sources, diagnostics: list[ImportDiagnostic]
) -> tuple[list[dict[str, Any]], dict[int, list[Heading]]]:
    roots: list[dict[str, Any]] = []
    stack: list[tuple[dict[str, Any], list[Piece], str]] = []
    levels: dict[int, list[Heading]] = {}

    def flush(entry: tuple[dict[str, Any], list[Piece], str]) -> None:
        section, pieces, path = entry
        blocks = _blocks(pieces, path, sources)
        if blocks:
            subs = section.pop("sections", None)
            section["blocks"] = blocks
            if subs is not None:  # keep "sections" last for readable YAML
                section["sections"] = subs

    for item in body:
        if isinstance(item, Piece):
            if stack:
                stack[-1][1].append(item)
            continue
        while len(stack) >= item.depth:
            flush(stack.pop())
        levels.setdefault(item.depth, []).append(item)
        section: dict[str, Any] = {"title": item.title, MARKER: item.marker}
        if item.run_in:
            section["run_in"] = item.run_in
        if stack:
            parent, _pieces, ppath = stack[-1]
            siblings = parent.setdefault("sections", [])
            path = f"{ppath}.sections[{len(siblings)}]"
            siblings.append(section)
        else:
            path = f"sections[{len(roots)}]"
            roots.append(section)
        sources[path] = item.where
        stack.append((section, [], path))
    while stack:
        flush(stack.pop())
    return roots, levels


MARKER = "__marker__"
"""Working key: the marker as written, compared with the scheme's label, then removed."""


def _numbering(levels: dict[int, list[Heading]], family: str) -> list[str] | None:
    """The document's levels as their first labels (``["PHẦN I", "A.", "1."]``) when not the family's."""
    if not levels:
        return None
    default = PARTY_NUMBERING if family == "dang" else STATE_NUMBERING
    patterns = [levels[d][0].marker for d in sorted(levels)]
    try:
        mine = NumberingScheme(levels=patterns)
    except ValueError:
        return None
    same = all(
        (mine.style(d).format, mine.style(d).prefix, mine.style(d).suffix)
        == (default.style(d).format, default.style(d).prefix, default.style(d).suffix)
        for d in range(1, len(patterns) + 1)
    )
    return None if same else patterns


def _labels(sections: list[dict[str, Any]], scheme: NumberingScheme, path: tuple[int, ...] = ()) -> None:
    """Write ``label`` where the written marker is not what the scheme would print."""
    for i, section in enumerate(sections, start=1):
        here = (*path, i)
        written = section.pop(MARKER, None)
        if written is not None:
            try:
                printed = scheme.label(here)
            except ValueError:
                printed = None
            if printed != written:
                title = section.pop("title")
                rest = {k: section.pop(k) for k in list(section)}
                section.update(title=title, label=written, **rest)
        _labels(section.get("sections", []), scheme, here)


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _appendices(
    tail: TailParts, family: str, sources: Sources, diagnostics: list[ImportDiagnostic]
) -> list[dict[str, Any]]:
    """Each ``PHỤ LỤC`` after the signature: its label, title lines, note, blocks and sections."""
    out: list[dict[str, Any]] = []
    for k, appendix in enumerate(tail.appendices):
        path = f"appendices[{k}]"
        entry: dict[str, Any] = {"label": appendix.label.text, "title": "\n".join(f.text for f in appendix.title) or appendix.label.text}
        if appendix.note is not None:
            entry["note"] = appendix.note.text
        lead = [p for p in appendix.body if isinstance(p, Piece)]
        lead = lead[: next((i for i, p in enumerate(appendix.body) if isinstance(p, Heading)), len(appendix.body))]
        if lead:
            entry["blocks"] = _blocks(lead, path, sources)
        sections, levels = _sections(appendix.body, sources, diagnostics)
        scheme = PARTY_NUMBERING if family == "dang" else STATE_NUMBERING
        _labels(sections, scheme)
        if sections:
            entry["sections"] = sections
        sources[path] = appendix.label.where
        out.append(entry)
    return out


def _tail(tail: TailParts, data: dict[str, Any], family: str, sources: Sources) -> None:
    if tail.closing:
        data["closing"] = "\n".join(f.text for f in tail.closing)
        _put(sources, "closing", tail.closing[0])
    s = tail.signer
    if s is not None:
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
            _put(sources, "signer.name", s.name)
        data["signer"] = signer
        _put(sources, "signer", s.on_behalf or (s.titles[0] if s.titles else s.name))
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
        _put(sources, "recipients", tail.recipients_label or (tail.recipients[0] if tail.recipients else tail.archive))
