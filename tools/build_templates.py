"""Build the built-in template packs' .docx files from code: ``python tools/build_templates.py``.

Why from code: a .docx is a zip of XML that cannot be reviewed in a diff. This
builder is the reviewable source; its output (``templates/dang/*.docx``,
``templates/nha-nuoc/*.docx``) is committed beside it and must be rebuilt
whenever this file or a format profile changes (``--check`` fails when the
committed files are stale). Every measurable value (page, margins, fonts, sizes,
emphasis, alignment, indents, spacing) is read from the format profile
(``src/baocao/profiles/*.yml``); this file adds only the geometry of the layout
(column widths, blank lines) and the docxtpl tags.

Output is deterministic: the same sources give byte-identical files (fixed zip
timestamps and member order, no generated ids or dates).

Each pack is a ``base.docx`` (styles, page setup, page-number header) and four
parts composed in order by ``baocao.packs.compose``: ``header`` (issuer, number,
motto, place and date), ``title`` (type and subject), ``body`` (preamble, body
lines, closing) and ``signature`` (recipients and signer). A child pack replaces
any of them; every part carries the same styles so it opens formatted in Word.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from baocao.profiles import ElementFormat, FormatProfile, get_profile  # noqa: E402
from baocao.profiles.units import mm_to_twips, pt_to_twips  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS, "r": R_NS}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

El = etree._Element


# ---------------------------------------------------------------- XML helpers


def w(tag: str, attrs: dict[str, str | int] | None = None, *children: El | None) -> El:
    """A ``w:`` element with ``w:`` attributes and children (``None`` children skipped)."""
    el = etree.Element(f"{{{W_NS}}}{tag}", nsmap=NSMAP)
    for key, value in (attrs or {}).items():
        el.set(f"{{{W_NS}}}{key}", str(value))
    for child in children:
        if child is not None:
            el.append(child)
    return el


def val(tag: str, value: str | int) -> El:
    return w(tag, {"val": value})


def on_off(tag: str, flag: bool | None) -> El | None:
    """``<w:b/>`` for True, ``<w:b w:val="0"/>`` for False (explicit, so nothing inherits)."""
    if flag is None:
        return None
    return w(tag) if flag else val(tag, 0)


def run(text: str) -> El:
    t = w("t")
    t.text = text
    t.set(f"{{{XML_NS}}}space", "preserve")
    return w("r", None, t)


def para(style: str, text: str = "", ppr: Sequence[El | None] = ()) -> El:
    """A paragraph in ``style``; extra ``pPr`` children must come in schema order."""
    props = w("pPr", None, val("pStyle", style), *ppr)
    return w("p", None, props, run(text) if text else None)


def tag(text: str) -> El:
    """A paragraph holding one docxtpl paragraph tag, e.g. ``{%p for x in xs %}``."""
    return w("p", None, run(text))


def indents(left_mm: float, right_mm: float) -> El:
    return w("ind", {"left": mm_to_twips(left_mm), "right": mm_to_twips(right_mm)})


def xml_bytes(root: El) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


# ---------------------------------------------------------------- styles


def _spacing(fmt: ElementFormat) -> El:
    attrs: dict[str, str | int] = {
        "before": pt_to_twips(fmt.space_before_pt.value) if fmt.space_before_pt else 0,
        "after": pt_to_twips(fmt.space_after_pt.value) if fmt.space_after_pt else 0,
    }
    ls = fmt.line_spacing
    if ls is None:
        attrs.update(line=240, lineRule="auto")
    elif ls.rule == "multiple":
        attrs.update(line=round(ls.value.value * 240), lineRule="auto")
    else:
        attrs.update(
            line=pt_to_twips(ls.value.value), lineRule="exact" if ls.rule == "exact" else "atLeast"
        )
    return w("spacing", attrs)


def _ppr(
    fmt: ElementFormat, *, border: bool = False, keep_next: bool = False, outline: int | None = None
) -> El:
    """pPr children in schema order: keepNext, pBdr, spacing, ind, jc, outlineLvl."""
    bdr = None
    if border:
        bdr = w(
            "pBdr", None, w("bottom", {"val": "single", "sz": 6, "space": 1, "color": "000000"})
        )
    first = mm_to_twips(fmt.first_line_indent_mm.value) if fmt.first_line_indent_mm else 0
    ind = w("ind", {"left": 0, "right": 0, "firstLine": first})
    return w(
        "pPr",
        None,
        w("keepNext") if keep_next else None,
        bdr,
        _spacing(fmt),
        ind,
        val("jc", fmt.align) if fmt.align else None,
        val("outlineLvl", outline) if outline is not None else None,
    )


def _rpr(fmt: ElementFormat) -> El:
    size = round(fmt.size.value * 2) if fmt.size else None
    underline = None
    if fmt.underline is not None:
        underline = val("u", "single" if fmt.underline else "none")
    return w(
        "rPr",
        None,
        on_off("b", fmt.bold),
        on_off("bCs", fmt.bold),
        on_off("i", fmt.italic),
        on_off("iCs", fmt.italic),
        val("sz", size) if size else None,
        val("szCs", size) if size else None,
        underline,
    )


def _style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str | None = None,
    ppr: El | None = None,
    rpr: El | None = None,
    tblpr: El | None = None,
    default: bool = False,
) -> El:
    attrs: dict[str, str | int] = {"type": kind, "styleId": style_id}
    if default:
        attrs["default"] = 1
    return w(
        "style",
        attrs,
        val("name", name),
        val("basedOn", based_on) if based_on else None,
        w("qFormat") if kind == "paragraph" else None,
        ppr,
        rpr,
        tblpr,
    )


@dataclass(frozen=True)
class StyleSpec:
    """One named paragraph style of a pack: ``BC Body``, ``BC Heading 1`` …"""

    name: str
    fmt: ElementFormat
    based_on: str = "BC Header"
    keep_next: bool = False
    outline: int | None = None
    border: bool = False

    @property
    def style_id(self) -> str:
        return self.name.replace(" ", "")


def _fmt(base: ElementFormat | None = None, **changes: object) -> ElementFormat:
    data = base.model_dump() if base is not None else {}
    data.update(changes)
    return ElementFormat.model_validate(data)


def style_specs(profile: FormatProfile) -> list[StyleSpec]:
    """Every paragraph style of the pack, from the profile's element formats."""
    e = profile.elements
    body = e.body
    table_text = _fmt(size={"value": 13}, align="left", bold=False, italic=False)
    specs = [
        StyleSpec(
            "BC Header",
            _fmt(
                size=e.issuer_name.size.model_dump() if e.issuer_name.size else None, align="center"
            ),
            based_on="Normal",
        ),
        StyleSpec("BC Motto", e.motto),
        StyleSpec("BC Issuer Parent", e.issuer_parent),
        StyleSpec("BC Issuer Name", e.issuer_name),
        StyleSpec("BC Number", e.number),
        StyleSpec("BC Place Date", e.place_date),
        # The drawn line: an empty 1 pt paragraph with a bottom border, clear of descenders.
        StyleSpec(
            "BC Rule",
            _fmt(
                size={"value": 1},
                align="center",
                space_before_pt={"value": 3},
                space_after_pt={"value": 3},
            ),
            border=True,
        ),
        StyleSpec(
            "BC Title", _fmt(e.title, space_before_pt={"value": 18, "max": 18}), keep_next=True
        ),
        StyleSpec("BC Subject", e.subject, keep_next=True),
        StyleSpec("BC Body", body, based_on="Normal"),
        *(
            StyleSpec(
                f"BC Heading {i}",
                _fmt(body, **h.model_dump(exclude_none=True, exclude={"note"})),
                based_on="BC Body",
                keep_next=True,
                outline=i - 1,
            )
            for i, h in enumerate(e.headings, start=1)
        ),
        StyleSpec("BC Bullet", body, based_on="BC Body"),
        StyleSpec("BC Closing", body, based_on="BC Body"),
        StyleSpec(
            "BC Table Caption",
            _fmt(body, align="center", bold=True, first_line_indent_mm=None, line_spacing=None),
            based_on="BC Body",
            keep_next=True,
        ),
        StyleSpec(
            "BC Table Header", _fmt(table_text, align="center", bold=True), based_on="Normal"
        ),
        StyleSpec("BC Table Text", table_text, based_on="Normal"),
        StyleSpec(
            "BC Spacer", _fmt(size=body.size.model_dump() if body.size else None), based_on="Normal"
        ),
        StyleSpec("BC Recipients Label", e.recipients_label, based_on="Normal"),
        StyleSpec("BC Recipients Item", e.recipients_item, based_on="Normal"),
        StyleSpec("BC Signer Authority", e.signer_authority),
        StyleSpec("BC Signer Title", e.signer_title),
        StyleSpec("BC Signer Name", e.signer_name),
        StyleSpec("BC Page Number", profile.page_number.format, based_on="Normal"),
    ]
    if e.slogan is not None:
        specs.insert(2, StyleSpec("BC Slogan", e.slogan))
    if profile.dividers.star is not None:
        specs.insert(5, StyleSpec("BC Star", _fmt(e.issuer_name, bold=False)))
    if profile.dividers.subject_separator is not None:
        specs.append(StyleSpec("BC Separator", _fmt(e.subject, bold=False, case=None)))
    return specs


def _table_style(style_id: str, name: str, borders: bool) -> El:
    edge = {"val": "single", "sz": 4, "space": 0, "color": "000000"} if borders else {"val": "nil"}
    tbl_borders = w(
        "tblBorders",
        None,
        *(w(side, edge) for side in ("top", "left", "bottom", "right", "insideH", "insideV")),
    )
    margins = w(
        "tblCellMar",
        None,
        w("left", {"w": 85 if borders else 0, "type": "dxa"}),
        w("right", {"w": 85 if borders else 0, "type": "dxa"}),
    )
    return _style(
        "table",
        style_id,
        name,
        based_on="TableNormal",
        tblpr=w("tblPr", None, tbl_borders, margins),
    )


def styles_xml(profile: FormatProfile) -> bytes:
    """``word/styles.xml``: document defaults (font, size, language) and the BC styles."""
    font = profile.font
    body_size = round((profile.elements.body.size.value if profile.elements.body.size else 14) * 2)
    defaults = w(
        "docDefaults",
        None,
        w(
            "rPrDefault",
            None,
            w(
                "rPr",
                None,
                w("rFonts", {"ascii": font, "hAnsi": font, "cs": font, "eastAsia": font}),
                val("sz", body_size),
                val("szCs", body_size),
                w("lang", {"val": profile.lang, "eastAsia": profile.lang, "bidi": "ar-SA"}),
            ),
        ),
        w(
            "pPrDefault",
            None,
            w("pPr", None, w("spacing", {"after": 0, "line": 240, "lineRule": "auto"})),
        ),
    )
    root = w("styles", None, defaults)
    root.append(_style("paragraph", "Normal", "Normal", default=True))
    root.append(_style("character", "DefaultParagraphFont", "Default Paragraph Font", default=True))
    normal_table = w(
        "tblPr",
        None,
        w("tblInd", {"w": 0, "type": "dxa"}),
        w(
            "tblCellMar",
            None,
            w("top", {"w": 0, "type": "dxa"}),
            w("left", {"w": 108, "type": "dxa"}),
            w("bottom", {"w": 0, "type": "dxa"}),
            w("right", {"w": 108, "type": "dxa"}),
        ),
    )
    root.append(_style("table", "TableNormal", "Normal Table", tblpr=normal_table, default=True))
    for spec in style_specs(profile):
        root.append(
            _style(
                "paragraph",
                spec.style_id,
                spec.name,
                based_on=spec.based_on.replace(" ", ""),
                ppr=_ppr(
                    spec.fmt, border=spec.border, keep_next=spec.keep_next, outline=spec.outline
                ),
                rpr=_rpr(spec.fmt),
            )
        )
    root.append(_table_style("BCTable", "BC Table", borders=True))
    root.append(_table_style("BCLayoutTable", "BC Layout Table", borders=False))
    return xml_bytes(root)


# ---------------------------------------------------------------- layout geometry


@dataclass(frozen=True)
class Geometry:
    """Column widths (mm) of the two-column header and signature tables."""

    header: tuple[float, float]
    signature: tuple[float, float]
    signature_blank_lines: int = 4


GEOMETRY = {
    # Party: the right column holds the 73 mm tiêu đề and the date line (§17: give it more room).
    "dang": Geometry(header=(75.0, 90.0), signature=(85.0, 80.0)),
    # State: the right column must hold the 95.6 mm quốc hiệu at 13 pt bold on one line.
    "nha_nuoc": Geometry(header=(65.0, 100.0), signature=(85.0, 80.0)),
}


def layout_table(
    widths_mm: tuple[float, ...],
    rows: Iterable[Sequence[Sequence[El]]],
    *,
    cant_split: bool = False,
) -> El:
    """A borderless fixed-layout table: one list of paragraphs per cell."""
    twips = [mm_to_twips(x) for x in widths_mm]
    tbl = w(
        "tbl",
        None,
        w(
            "tblPr",
            None,
            val("tblStyle", "BCLayoutTable"),
            w("tblW", {"w": sum(twips), "type": "dxa"}),
            val("jc", "center"),
            w("tblInd", {"w": 0, "type": "dxa"}),
            w("tblLayout", {"type": "fixed"}),
            w(
                "tblCellMar",
                None,
                w("left", {"w": 0, "type": "dxa"}),
                w("right", {"w": 0, "type": "dxa"}),
            ),
            w(
                "tblLook",
                {
                    "val": "0000",
                    "firstRow": 0,
                    "lastRow": 0,
                    "firstColumn": 0,
                    "lastColumn": 0,
                    "noHBand": 1,
                    "noVBand": 1,
                },
            ),
        ),
        w("tblGrid", None, *(w("gridCol", {"w": t}) for t in twips)),
    )
    for cells in rows:
        tr = w("tr", None, w("trPr", None, w("cantSplit")) if cant_split else None)
        for width, content in zip(twips, cells, strict=True):
            tr.append(
                w("tc", None, w("tcPr", None, w("tcW", {"w": width, "type": "dxa"})), *content)
            )
        tbl.append(tr)
    return tbl


def rule(width_mm: float, length_mm: float) -> El:
    """A drawn line of ``length_mm`` centred in ``width_mm``: a bordered empty paragraph."""
    side = (width_mm - length_mm) / 2
    return para("BCRule", ppr=[indents(side, side)])


# ---------------------------------------------------------------- parts


def header_part(profile: FormatProfile) -> list[El]:
    geo = GEOMETRY[profile.family]
    left_w, right_w = geo.header
    d = profile.dividers
    issuer = [
        tag("{%p if header.issuer_parent %}"),
        para("BCIssuerParent", "{{ header.issuer_parent }}"),
        tag("{%p endif %}"),
        para("BCIssuerName", "{{ header.issuer_name }}"),
    ]
    number = [para("BCNumber", "{{ header.symbol }}")]
    place_date = [para("BCPlaceDate", "{{ header.place_date }}")]
    motto_rule = rule(right_w, d.motto_rule.length_mm.value)
    if profile.family == "dang":
        left = [*issuer, para("BCStar", d.star or "*"), *number]
        right = [para("BCMotto", "{{ header.motto[0] }}"), motto_rule, *place_date]
        return [layout_table(geo.header, [[left, right]])]
    assert d.issuer_rule is not None
    top_left = [*issuer, rule(left_w, d.issuer_rule.length_mm.value)]
    top_right = [
        para("BCMotto", "{{ header.motto[0] }}"),
        para("BCSlogan", "{{ header.motto[1] }}"),
        motto_rule,
    ]
    # Số and the place-date share the second row, so they sit on the same line (§8, box 4).
    return [layout_table(geo.header, [[top_left, top_right], [number, place_date]])]


def title_part(profile: FormatProfile) -> list[El]:
    d = profile.dividers
    out = [
        para("BCTitle", "{{ header.doc_type }}"),
        tag("{%p for line in header.subject %}"),
        para("BCSubject", "{{ line }}"),
        tag("{%p endfor %}"),
    ]
    if d.subject_separator is not None:
        out.append(para("BCSeparator", d.subject_separator))
    if d.subject_rule is not None:
        out.append(rule(profile.page.text_width_mm, d.subject_rule.length_mm.value))
    return out


def body_part(profile: FormatProfile) -> list[El]:
    levels = len(profile.elements.headings)
    out = [
        tag("{%p for line in preamble %}"),
        para("BCBody", "{{r line.rich }}"),
        tag("{%p endfor %}"),
        tag("{%p for line in body %}"),
    ]
    for level in range(1, levels + 1):
        test = f"line.level == {level}" if level < levels else f"line.level >= {level}"
        out += [
            tag(f"{{%p {'if' if level == 1 else 'elif'} line.role == 'heading' and {test} %}}"),
            para(f"BCHeading{level}", "{{r line.rich }}"),
        ]
    out += [
        tag("{%p elif line.role == 'bullet' %}"),
        para("BCBullet", "{{r line.rich }}"),
        tag("{%p elif line.role == 'table' %}"),
        tag("{%p if line.table.caption %}"),
        para("BCTableCaption", "{{ line.table.caption }}"),
        tag("{%p endif %}"),
        # The Word table itself (borders from the "BC Table" style, header row repeated,
        # column widths from the data) is built by baocao.engines.docx_context.
        tag("{{p line.table.docx }}"),
        tag("{%p else %}"),
        para("BCBody", "{{r line.rich }}"),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
        tag("{%p if closing %}"),
        para("BCClosing", "{{r closing.rich }}"),
        tag("{%p endif %}"),
    ]
    return out


def signature_part(profile: FormatProfile) -> list[El]:
    geo = GEOMETRY[profile.family]
    recipients = [
        tag("{%p if recipients %}"),
        para("BCRecipientsLabel", "{{ recipients.label }}"),
        tag("{%p for line in recipients.lines %}"),
        para("BCRecipientsItem", "{{ line }}"),
        tag("{%p endfor %}"),
        tag("{%p else %}"),
        para("BCRecipientsItem"),
        tag("{%p endif %}"),
    ]
    signer = [
        tag("{%p if signer %}"),
        tag("{%p if signer.authority %}"),
        para("BCSignerAuthority", "{{ signer.authority }}"),
        tag("{%p endif %}"),
        tag("{%p if signer.title_line %}"),
        para("BCSignerTitle", "{{ signer.title_line }}"),
        tag("{%p endif %}"),
        *(para("BCSignerTitle") for _ in range(geo.signature_blank_lines)),
        para("BCSignerName", "{{ signer.name }}"),
        tag("{%p else %}"),
        para("BCSignerName"),
        tag("{%p endif %}"),
    ]
    # One row that cannot split: Nơi nhận at the left, level with the signer at the right (§17).
    return [para("BCSpacer"), layout_table(geo.signature, [[recipients, signer]], cant_split=True)]


# ---------------------------------------------------------------- packages


def section_properties(profile: FormatProfile, *, with_headers: bool) -> El:
    pg = profile.page
    refs: list[El | None] = [None, None]
    if with_headers:
        refs = [w("headerReference", {"type": "default"}), w("headerReference", {"type": "first"})]
        refs[0].set(f"{{{R_NS}}}id", "rIdHeaderDefault")
        refs[1].set(f"{{{R_NS}}}id", "rIdHeaderFirst")
    return w(
        "sectPr",
        None,
        *refs,
        w("pgSz", {"w": mm_to_twips(pg.width_mm.value), "h": mm_to_twips(pg.height_mm.value)}),
        w(
            "pgMar",
            {
                "top": mm_to_twips(pg.margin_top_mm.value),
                "right": mm_to_twips(pg.margin_right_mm.value),
                "bottom": mm_to_twips(pg.margin_bottom_mm.value),
                "left": mm_to_twips(pg.margin_left_mm.value),
                "header": mm_to_twips(pg.header_mm),
                "footer": mm_to_twips(pg.header_mm),
                "gutter": 0,
            },
        ),
        w("cols", {"space": 720}),
        # Page 1 gets the (empty) first-page header: no number on page 1 (§2).
        None if profile.page_number.first_page else w("titlePg"),
        w("docGrid", {"linePitch": 360}),
    )


def document_xml(content: Sequence[El], sect: El) -> bytes:
    return xml_bytes(w("document", None, w("body", None, *content, sect)))


def page_number_header() -> bytes:
    """The default header: a centred PAGE field."""
    instr = w("instrText")
    instr.text = " PAGE "
    instr.set(f"{{{XML_NS}}}space", "preserve")
    result = run("2")
    p = w(
        "p",
        None,
        w("pPr", None, val("pStyle", "BCPageNumber")),
        w("r", None, w("fldChar", {"fldCharType": "begin"})),
        w("r", None, instr),
        w("r", None, w("fldChar", {"fldCharType": "separate"})),
        result,
        w("r", None, w("fldChar", {"fldCharType": "end"})),
    )
    return xml_bytes(w("hdr", None, p))


def empty_header() -> bytes:
    return xml_bytes(w("hdr", None, para("BCPageNumber")))


def settings_xml(profile: FormatProfile) -> bytes:
    compat = w(
        "compat",
        None,
        w(
            "compatSetting",
            {
                "name": "compatibilityMode",
                "uri": "http://schemas.microsoft.com/office/word",
                "val": 15,
            },
        ),
    )
    return xml_bytes(
        w(
            "settings",
            None,
            w("zoom", {"percent": 100}),
            w("defaultTabStop", {"val": 720}),
            val("characterSpacingControl", "doNotCompress"),
            compat,
            w("themeFontLang", {"val": profile.lang}),
        )
    )


_CT = "application/vnd.openxmlformats-officedocument."
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _content_types(headers: bool) -> bytes:
    ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    root = etree.Element(f"{{{ns}}}Types", nsmap={None: ns})
    for ext, ctype in (
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
        ("xml", "application/xml"),
    ):
        etree.SubElement(root, f"{{{ns}}}Default", Extension=ext, ContentType=ctype)
    parts = [
        ("/word/document.xml", "wordprocessingml.document.main+xml"),
        ("/word/styles.xml", "wordprocessingml.styles+xml"),
        ("/word/settings.xml", "wordprocessingml.settings+xml"),
        ("/docProps/app.xml", "extended-properties+xml"),
    ]
    if headers:
        parts += [
            ("/word/header1.xml", "wordprocessingml.header+xml"),
            ("/word/header2.xml", "wordprocessingml.header+xml"),
        ]
    for name, ctype in parts:
        etree.SubElement(root, f"{{{ns}}}Override", PartName=name, ContentType=_CT + ctype)
    etree.SubElement(
        root,
        f"{{{ns}}}Override",
        PartName="/docProps/core.xml",
        ContentType="application/vnd.openxmlformats-package.core-properties+xml",
    )
    return xml_bytes(root)


def _rels(items: Sequence[tuple[str, str, str]]) -> bytes:
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    root = etree.Element(f"{{{ns}}}Relationships", nsmap={None: ns})
    for rid, rtype, target in items:
        etree.SubElement(root, f"{{{ns}}}Relationship", Id=rid, Type=rtype, Target=target)
    return xml_bytes(root)


def _core(title: str) -> bytes:
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc = "http://purl.org/dc/elements/1.1/"
    root = etree.Element(f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc})
    etree.SubElement(root, f"{{{dc}}}title").text = title
    etree.SubElement(root, f"{{{dc}}}creator").text = "baocao"
    return xml_bytes(root)


def _app() -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    etree.SubElement(root, f"{{{ns}}}Application").text = "baocao tools/build_templates.py"
    return xml_bytes(root)


def package(profile: FormatProfile, title: str, content: Sequence[El], *, headers: bool) -> bytes:
    """A complete .docx, with fixed zip metadata so the bytes never change between builds."""
    doc_rels = [
        ("rIdStyles", _REL + "styles", "styles.xml"),
        ("rIdSettings", _REL + "settings", "settings.xml"),
    ]
    files: dict[str, bytes] = {
        "[Content_Types].xml": _content_types(headers),
        "_rels/.rels": _rels(
            [
                ("rIdDocument", _REL + "officeDocument", "word/document.xml"),
                (
                    "rIdCore",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                    "docProps/core.xml",
                ),
                ("rIdApp", _REL + "extended-properties", "docProps/app.xml"),
            ]
        ),
        "docProps/core.xml": _core(title),
        "docProps/app.xml": _app(),
        "word/document.xml": document_xml(
            content, section_properties(profile, with_headers=headers)
        ),
        "word/styles.xml": styles_xml(profile),
        "word/settings.xml": settings_xml(profile),
    }
    if headers:
        doc_rels += [
            ("rIdHeaderDefault", _REL + "header", "header1.xml"),
            ("rIdHeaderFirst", _REL + "header", "header2.xml"),
        ]
        files["word/header1.xml"] = page_number_header()
        files["word/header2.xml"] = empty_header()
    files["word/_rels/document.xml.rels"] = _rels(doc_rels)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED  # deflate output may vary between zlib builds
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
    return buf.getvalue()


PARTS = {
    "header": header_part,
    "title": title_part,
    "body": body_part,
    "signature": signature_part,
}

PACKS = {"dang": "dang-hd36", "nha-nuoc": "nha-nuoc-nd30"}
"""Built-in pack folder → the profile its files are built from."""


def build(pack: str) -> dict[str, bytes]:
    """Every .docx of a built-in pack, by file name."""
    profile = get_profile(PACKS[pack])
    out = {"base.docx": package(profile, f"{pack}: base", [para("BCBody")], headers=True)}
    for name, make in PARTS.items():
        out[f"{name}.docx"] = package(profile, f"{pack}: {name}", make(profile), headers=False)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="fail if the committed .docx files differ from a fresh build",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "templates", help="templates folder")
    args = parser.parse_args(argv)
    stale = []
    for pack in PACKS:
        folder = args.out / pack
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in build(pack).items():
            target = folder / name
            if target.is_file() and target.read_bytes() == data:
                continue
            if args.check:
                stale.append(str(target))
            else:
                target.write_bytes(data)
                print(f"wrote {target}")
    if stale:
        print(
            "stale (run python tools/build_templates.py):\n  " + "\n  ".join(stale), file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
