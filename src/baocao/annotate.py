"""Red ink in Word: the rendered report with each checker finding as a comment on its words.

:func:`annotate_docx` takes a rendered ``.docx`` and the diagnostics of
:func:`baocao.check`, and anchors one Word comment per diagnostic on the exact
words it is about (``w:commentRangeStart``/``w:commentRangeEnd`` around them, the
text in ``word/comments.xml``), so the report opens in Word's review pane, or in
LibreOffice, with the reviewer's notes in the margin. A finding whose words are
not printed (a missing signer) is anchored on the first paragraph.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from lxml import etree

from .atomic import atomic_write
from .checker import Diagnostic, check
from .checker.context import TextUnit, build_context
from .checker.highlight import note_of, place
from .model import AnyReport
from .ooxml import CT_NS, PKG_REL_NS, REL_TYPE, W_NS, XML_SPACE, xml_bytes
from .rendering import render_bytes

__all__ = ["annotate", "annotate_docx"]

W = W_NS
_XML_SPACE = XML_SPACE
_REL_NS = PKG_REL_NS
_COMMENTS_REL = REL_TYPE + "/comments"
_CT_NS = CT_NS
_COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
AUTHOR = "baocao check"


_xml = xml_bytes


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _runs(p: etree._Element) -> list[etree._Element]:
    """The paragraph's text runs, in order (runs inside hyperlinks and insertions too)."""
    return [r for r in p.iter(_w("r")) if r.find(_w("t")) is not None]


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for r in _runs(p) for t in r.iter(_w("t")))


def _split(p: etree._Element, at: int) -> None:
    """Make ``at`` (a character offset in the paragraph) fall between two runs."""
    pos = 0
    for r in _runs(p):
        ts = list(r.iter(_w("t")))
        length = sum(len(t.text or "") for t in ts)
        if pos < at < pos + length and len(ts) == 1:
            k = at - pos
            text = ts[0].text or ""
            second = copy.deepcopy(r)
            ts[0].text = text[:k]
            ts[0].set(_XML_SPACE, "preserve")
            t2 = second.find(_w("t"))
            assert t2 is not None
            t2.text = text[k:]
            t2.set(_XML_SPACE, "preserve")
            r.addnext(second)
            return
        pos += length


def _span_runs(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs covering ``[start, end)`` after splitting at both ends."""
    _split(p, start)
    _split(p, end)
    out, pos = [], 0
    for r in _runs(p):
        length = sum(len(t.text or "") for t in r.iter(_w("t")))
        if pos < end and pos + length > start:
            out.append(r)
        pos += length
    return out


def _anchor(p: etree._Element, start: int, end: int, cid: int) -> None:
    runs = _span_runs(p, start, end) or _runs(p)
    if not runs:
        return
    first, last = runs[0], runs[-1]
    first.addprevious(etree.Element(_w("commentRangeStart"), {_w("id"): str(cid)}))
    end_mark = etree.Element(_w("commentRangeEnd"), {_w("id"): str(cid)})
    last.addnext(end_mark)
    ref_run = etree.Element(_w("r"))
    etree.SubElement(ref_run, _w("commentReference"), {_w("id"): str(cid)})
    end_mark.addnext(ref_run)


_FIELD_LINES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("header.number", lambda t: t.startswith("Số")),
    ("header.date", lambda t: ", ngày" in t or t.startswith("ngày")),
    ("recipients", lambda t: t.startswith("Nơi nhận")),
    ("signer", lambda t: t.startswith(("TM.", "T/M", "KT.", "TL.", "TUQ.", "Q."))),
)
"""Where a header or closing field that has no words in the text is printed."""


def _unit_paragraphs(units: Sequence[TextUnit], texts: Sequence[str]) -> dict[int, int]:
    """Unit index → the paragraph where its text starts, matched in reading order.

    Walking both in order keeps a subject apart from the same words quoted later
    in the preamble.
    """
    out: dict[int, int] = {}
    cursor = 0
    for u in units:
        head = " ".join(u.text.split())[:20]
        if not head:
            continue
        for i in range(cursor, len(texts)):
            if head in " ".join(texts[i].split()):
                out[u.index] = cursor = i
                break
    return out


def _locate(
    texts: Sequence[str],
    d: Diagnostic,
    units: Sequence[TextUnit],
    starts: dict[int, int],
) -> tuple[int, int, int]:
    """``(paragraph index, start, end)`` of the diagnostic's words in the rendered document.

    Searched in the paragraphs where the finding's printed text starts (and the
    two after it, for text printed on several lines): with the words around it
    first (so the right one of two equal words is found), then the longest start
    of the words; then the words anywhere; then the first paragraph.
    """
    where = place(d, units)
    if where is not None:
        unit, start, end = where
        first = starts.get(unit.index, 0)
        near = range(first, min(first + 3, len(texts)))
        for width in (40, 15, 0):
            left = max(0, start - width)
            needle = unit.text[left : end + width]
            for i in near:
                at = texts[i].find(needle) if needle else -1
                if at >= 0:
                    return i, at + start - left, at + end - left
        words = unit.text[start:end]
        for i in near:
            for k in range(len(words), 5, -1):
                at = texts[i].find(words[:k])
                if at >= 0:
                    return i, at, at + k
    if d.text:
        for i, text in enumerate(texts):
            at = text.find(d.text)
            if at >= 0:
                return i, at, at + len(d.text)
    for prefix, printed in _FIELD_LINES:
        if d.path == prefix or d.path.startswith((prefix + ".", prefix + "[")):
            for i, text in enumerate(texts):
                if printed(text.strip()):
                    return i, 0, len(text)
    first_text = next((i for i, t in enumerate(texts) if t.strip()), 0)
    return first_text, 0, len(texts[first_text]) if texts else 0


def _comments_xml(diagnostics: Sequence[Diagnostic], when: str) -> bytes:
    root = etree.Element(_w("comments"), nsmap={"w": W})
    for cid, d in enumerate(diagnostics):
        c = etree.SubElement(
            root,
            _w("comment"),
            {_w("id"): str(cid), _w("author"): AUTHOR, _w("date"): when, _w("initials"): "BC"},
        )
        p = etree.SubElement(c, _w("p"))
        r = etree.SubElement(p, _w("r"))
        t = etree.SubElement(r, _w("t"))
        t.text = note_of(d)
        t.set(_XML_SPACE, "preserve")
    return _xml(root)


def _with_rel(rels: bytes) -> bytes:
    root = etree.fromstring(rels)
    if any(r.get("Type") == _COMMENTS_REL for r in root):
        return rels
    ids = {r.get("Id") for r in root}
    n = 1
    while f"rIdBC{n}" in ids:
        n += 1
    etree.SubElement(
        root,
        f"{{{_REL_NS}}}Relationship",
        {"Id": f"rIdBC{n}", "Type": _COMMENTS_REL, "Target": "comments.xml"},
    )
    return _xml(root)


def _with_content_type(types: bytes) -> bytes:
    root = etree.fromstring(types)
    if any(o.get("PartName") == "/word/comments.xml" for o in root):
        return types
    etree.SubElement(
        root,
        f"{{{_CT_NS}}}Override",
        {"PartName": "/word/comments.xml", "ContentType": _COMMENTS_CT},
    )
    return _xml(root)


def annotate_docx(
    docx: bytes,
    diagnostics: Sequence[Diagnostic],
    report: AnyReport,
    *,
    when: dt.datetime | None = None,
) -> bytes:
    """``docx`` with one comment per diagnostic anchored on its words."""
    units = build_context(report).units
    stamp = (when or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(src.read("word/document.xml"))
    paragraphs = list(root.iter(_w("p")))
    texts = [_text(p) for p in paragraphs]
    starts = _unit_paragraphs(units, texts)
    placed = [_locate(texts, d, units, starts) for d in diagnostics]
    # Later spans first within a paragraph, so splitting never moves an earlier offset.
    for cid in sorted(range(len(placed)), key=lambda c: (placed[c][0], -placed[c][1])):
        i, start, end = placed[cid]
        if paragraphs:
            _anchor(paragraphs[i], start, end, cid)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = _xml(root)
            elif item.filename == "word/_rels/document.xml.rels":
                data = _with_rel(data)
            elif item.filename == "[Content_Types].xml":
                data = _with_content_type(data)
            elif item.filename == "word/comments.xml":
                continue
            dst.writestr(item, data)
        dst.writestr("word/comments.xml", _comments_xml(diagnostics, stamp))
    return out.getvalue()


def annotate(
    report: AnyReport,
    out: str | Path,
    diagnostics: Sequence[Diagnostic] | None = None,
    *,
    overwrite: bool = True,
) -> Path:
    """Render ``report`` to ``out`` (.docx) with the checker's findings as Word comments."""
    found = check(report) if diagnostics is None else diagnostics
    data = annotate_docx(render_bytes(report, "docx"), found, report)
    return atomic_write(out, data, overwrite=overwrite)
