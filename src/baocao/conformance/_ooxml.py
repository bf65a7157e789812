"""Reading a .docx for measurement: parts, sections, and effective formatting.

What Word shows is not what a run says: a run without ``w:sz`` takes the size of
its character style, then its paragraph style and that style's ``basedOn``
chain, then the document defaults. :class:`Docx` resolves each property along
that chain (run → character style chain → paragraph style chain → docDefaults),
attribute by attribute, so a template that sets sizes in styles and one that
sets them on every run measure the same.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TypeAlias

from lxml import etree

from ..errors import LoadError
from ..ooxml import A_NS, PKG_REL_NS, R_NS, W

__all__ = ["Docx", "El", "Paragraph", "W", "is_on", "text_of", "text_runs"]

El: TypeAlias = etree._Element

_OFF = {"0", "false", "off", "none"}
_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")


def is_on(el: El | None) -> bool | None:
    """A toggle element (``w:b``, ``w:i``): None when absent, else its truth."""
    if el is None:
        return None
    return el.get(f"{W}val", "true").lower() not in _OFF


def text_of(el: El) -> str:
    """The visible text of a paragraph (or any element), NFC, tabs and breaks as spaces."""
    out = []
    for node in el.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        out.append((node.text or "") if node.tag == f"{W}t" else " ")
    return unicodedata.normalize("NFC", "".join(out))


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the document and where it sits."""

    el: El
    text: str
    table_index: int | None = None
    """Index among the body's top-level tables, or None outside tables."""
    row: int = 0
    cell: int = 0
    cell_width: int | None = None
    """Usable width of the enclosing cell in twips (cell margins removed)."""

    @property
    def snippet(self) -> str:
        s = " ".join(self.text.split())
        return s if len(s) <= 28 else s[:27] + "…"


class Docx:
    """A .docx opened for measurement."""

    def __init__(self, source: str | os.PathLike[str] | bytes | IO[bytes]) -> None:
        try:
            if isinstance(source, bytes):
                self._zip = zipfile.ZipFile(io.BytesIO(source))
            elif isinstance(source, (str, os.PathLike)):
                self._zip = zipfile.ZipFile(source)
            else:
                self._zip = zipfile.ZipFile(io.BytesIO(source.read()))
            self.document = self._xml("word/document.xml")
        except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
            raise LoadError(f"{_name(source)}: not a readable .docx ({exc})") from None
        styles = self._xml_or_none("word/styles.xml")
        self._styles: dict[str, El] = {}
        self._defaults_ppr: El | None = None
        self._defaults_rpr: El | None = None
        self._default_para_style: str | None = None
        self._default_table_style: str | None = None
        if styles is not None:
            for st in styles.iter(f"{W}style"):
                sid = st.get(f"{W}styleId")
                if sid:
                    self._styles[sid] = st
                if st.get(f"{W}default") in ("1", "true"):
                    if st.get(f"{W}type") == "paragraph":
                        self._default_para_style = sid
                    elif st.get(f"{W}type") == "table":
                        self._default_table_style = sid
            self._defaults_ppr = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
            self._defaults_rpr = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self._theme = self._theme_fonts()

    # ------------------------------------------------------------ package parts

    def _xml(self, name: str) -> El:
        return etree.fromstring(self._zip.read(name))

    def _xml_or_none(self, name: str) -> El | None:
        try:
            return self._xml(name)
        except KeyError:
            return None

    def _rels(self, part: str) -> dict[str, str]:
        folder, base = posixpath.split(part)
        rels = self._xml_or_none(posixpath.join(folder, "_rels", base + ".rels"))
        if rels is None:
            return {}
        return {
            r.get("Id", ""): posixpath.normpath(posixpath.join(folder, r.get("Target", "")))
            for r in rels.iter(f"{{{PKG_REL_NS}}}Relationship")
        }

    def _theme_fonts(self) -> dict[str, str]:
        target = next((t for t in self._rels("word/document.xml").values() if "theme" in t), None)
        theme = self._xml_or_none(target) if target else None
        if theme is None:
            return {}
        out = {}
        for kind in ("major", "minor"):
            latin = theme.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
            if latin is not None:
                out[kind] = latin.get("typeface", "")
        return out

    @property
    def body(self) -> El:
        body = self.document.find(f"{W}body")
        if body is None:
            raise LoadError("word/document.xml has no body")
        return body

    @property
    def section(self) -> El | None:
        """The last (document-wide) section's properties."""
        return self.body.find(f"{W}sectPr")

    def header(self, kind: str) -> El | None:
        """The header part of the last section for ``default`` or ``first`` pages."""
        sect = self.section
        if sect is None:
            return None
        for ref in sect.findall(f"{W}headerReference"):
            if ref.get(f"{W}type", "default") == kind:
                target = self._rels("word/document.xml").get(ref.get(f"{{{R_NS}}}id", ""))
                return self._xml_or_none(target) if target else None
        return None

    @staticmethod
    def page_field_paragraph(part: El | None) -> El | None:
        """The paragraph holding a PAGE field in a header part, if any."""
        if part is None:
            return None
        for simple in part.iter(f"{W}fldSimple"):
            if _PAGE_FIELD.search(simple.get(f"{W}instr", "")):
                return next(simple.iterancestors(f"{W}p"), None)
        for instr in part.iter(f"{W}instrText"):
            if _PAGE_FIELD.search(instr.text or ""):
                return next(instr.iterancestors(f"{W}p"), None)
        return None

    # ------------------------------------------------------------ walking

    def blocks(self) -> Iterator[El]:
        """Top-level paragraphs and tables of the body, in order."""
        for child in self.body:
            if child.tag in (f"{W}p", f"{W}tbl"):
                yield child

    def cell_paragraphs(self, tbl: El, index: int) -> list[Paragraph]:
        """Every paragraph of a table with its row, cell and usable cell width."""
        grid = [int(g.get(f"{W}w", "0")) for g in tbl.findall(f"{W}tblGrid/{W}gridCol")]
        out = []
        for r, tr in enumerate(tbl.findall(f"{W}tr")):
            col = 0
            for c, tc in enumerate(tr.findall(f"{W}tc")):
                span_el = tc.find(f"{W}tcPr/{W}gridSpan")
                span = int(span_el.get(f"{W}val", "1")) if span_el is not None else 1
                width = self._cell_width(tbl, tc, grid[col : col + span])
                col += span
                for p in tc.iter(f"{W}p"):
                    out.append(Paragraph(p, text_of(p), index, r, c, width))
        return out

    def _cell_width(self, tbl: El, tc: El, grid: list[int]) -> int | None:
        tcw = tc.find(f"{W}tcPr/{W}tcW")
        width: int | None = None
        if tcw is not None and tcw.get(f"{W}type", "dxa") == "dxa":
            width = int(float(tcw.get(f"{W}w", "0")))
        if not width:
            width = sum(grid) or None
        if width is None:
            return None
        return width - self._cell_margin(tbl, tc, "left") - self._cell_margin(tbl, tc, "right")

    def _cell_margin(self, tbl: El, tc: El, side: str) -> int:
        sources = [tc.find(f"{W}tcPr/{W}tcMar"), tbl.find(f"{W}tblPr/{W}tblCellMar")]
        style_el = tbl.find(f"{W}tblPr/{W}tblStyle")
        style = style_el.get(f"{W}val") if style_el is not None else self._default_table_style
        for st in self._chain(style):
            sources.append(st.find(f"{W}tblPr/{W}tblCellMar"))
        for src in sources:
            if src is None:
                continue
            edge = src.find(f"{W}{side}")
            if edge is None:
                edge = src.find(f"{W}{'start' if side == 'left' else 'end'}")
            if edge is not None:
                return int(float(edge.get(f"{W}w", "0")))
        return 0

    # ------------------------------------------------------------ styles

    def _chain(self, style_id: str | None) -> list[El]:
        out: list[El] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            st = self._styles[style_id]
            out.append(st)
            based = st.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return out

    def style_names(self, p: El) -> list[str]:
        """Names (``w:name``) of a paragraph's style and of those it is based on, nearest first."""
        out = []
        for st in self._chain(self._para_style(p)):
            name = st.find(f"{W}name")
            out.append(str(name.get(f"{W}val", "")) if name is not None else "")
        return out

    def _para_style(self, p: El) -> str | None:
        ps = p.find(f"{W}pPr/{W}pStyle")
        return ps.get(f"{W}val") if ps is not None else self._default_para_style

    def _ppr_sources(self, p: El) -> list[El]:
        out = [p.find(f"{W}pPr")]
        out += [st.find(f"{W}pPr") for st in self._chain(self._para_style(p))]
        out.append(self._defaults_ppr)
        return [s for s in out if s is not None]

    def _rpr_sources(self, r: El, p: El) -> list[El]:
        out = [r.find(f"{W}rPr")]
        rs = r.find(f"{W}rPr/{W}rStyle")
        if rs is not None:
            out += [st.find(f"{W}rPr") for st in self._chain(rs.get(f"{W}val"))]
        out += [st.find(f"{W}rPr") for st in self._chain(self._para_style(p))]
        out.append(self._defaults_rpr)
        return [s for s in out if s is not None]

    def para_attr(self, p: El, path: str, attr: str) -> str | None:
        """Effective ``attr`` of the pPr child at ``path``, e.g. (``spacing``, ``before``)."""
        full = "/".join(W + part for part in path.split("/"))
        for src in self._ppr_sources(p):
            el = src.find(full)
            value = el.get(W + attr) if el is not None else None
            if value is not None:
                return str(value)
        return None

    def para_el(self, p: El, path: str) -> El | None:
        """The effective pPr child at ``path`` (first source that has it)."""
        full = "/".join(W + part for part in path.split("/"))
        for src in self._ppr_sources(p):
            el = src.find(full)
            if el is not None:
                return el
        return None

    def run_toggle(self, r: El, p: El, tag: str) -> bool:
        for src in self._rpr_sources(r, p):
            value = is_on(src.find(W + tag))
            if value is not None:
                return value
        return False

    def run_attr(self, r: El, p: El, tag: str, attr: str = "val") -> str | None:
        for src in self._rpr_sources(r, p):
            el = src.find(W + tag)
            value = el.get(W + attr) if el is not None else None
            if value is not None:
                return str(value)
        return None

    def run_font(self, r: El, p: El, slot: str = "ascii") -> str:
        """Effective font of a run in a script slot: ``ascii``, ``hAnsi``, ``eastAsia``, ``cs``."""
        theme_attr = W + ("cstheme" if slot == "cs" else f"{slot}Theme")
        for src in self._rpr_sources(r, p):
            fonts = src.find(f"{W}rFonts")
            if fonts is None:
                continue
            name, theme = fonts.get(W + slot), fonts.get(theme_attr)
            if name:
                return str(name)
            if theme:
                kind = "major" if str(theme).startswith("major") else "minor"
                return self._theme.get(kind, str(theme))
        return "(none: application default)"

    def run_size(self, r: El, p: El) -> float:
        """Effective size in points (10 pt when nothing sets it, as in Word)."""
        value = self.run_attr(r, p, "sz")
        return float(value) / 2 if value else 10.0


def _name(source: object) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return "<bytes>"


def text_runs(p: El) -> list[El]:
    """Runs of a paragraph that print visible text; all its runs when none does (a field)."""
    runs = list(p.iter(f"{W}r"))
    visible = [r for r in runs if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    return visible or runs
