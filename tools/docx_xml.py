"""Writing WordprocessingML for the template builder: elements, parts, and a fixed-metadata zip.

Used by tools/build_templates.py only. Deterministic by construction: no ids,
dates or random values, members written in sorted order with a fixed
timestamp and stored (not deflated, whose output can vary between zlib builds).
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from baocao.profiles import FormatProfile  # noqa: E402
from baocao.profiles.units import mm_to_twips  # noqa: E402

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


def package(
    profile: FormatProfile, title: str, content: Sequence[El], styles: bytes, *, headers: bool
) -> bytes:
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
        "word/styles.xml": styles,
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
