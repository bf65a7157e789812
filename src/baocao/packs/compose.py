"""Composing a pack's .docx from its base and named parts.

Why: no docx template engine offers ``{% include %}`` or ``{% block %}``. A pack
therefore splits its document into parts (``header``, ``title``, ``body``,
``signature`` …), each a small .docx found on the search path; the base .docx
gives the styles, page setup, headers and footers. Composition copies each
part's body paragraphs and tables into the base in the manifest's ``layout``
order, and copies any style the base lacks, so a child pack replaces one part
and keeps the rest, with styles and numbering intact (parts refer to the base's
styles and numbering by id, they do not bring their own).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import TemplateError
from .registry import TemplatePack

__all__ = ["W_NS", "compose", "compose_files"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W_NS}}}"
_DOC = "word/document.xml"
_STYLES = "word/styles.xml"


def _read(path: Path) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(path) as z:
            return {n: z.read(n) for n in z.namelist()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise TemplateError(f"{path}: not a readable .docx ({exc})") from None


def _body_children(xml: bytes, path: Path) -> list[etree._Element]:
    root = etree.fromstring(xml)
    body = root.find(f"{_W}body")
    if body is None:
        raise TemplateError(f"{path}: document has no body")
    kids = [k for k in body if k.tag != f"{_W}sectPr"]
    for el in kids:
        for node in el.iter():
            if any(k.startswith(f"{{{R_NS}}}") for k in node.attrib):
                raise TemplateError(
                    f"{path}: parts cannot carry images, links or other relationships; "
                    "put them in the base document"
                )
    return kids


def _merge_styles(base: bytes, extra: bytes) -> bytes:
    broot = etree.fromstring(base)
    have = {s.get(f"{_W}styleId") for s in broot.findall(f"{_W}style")}
    for style in etree.fromstring(extra).findall(f"{_W}style"):
        if style.get(f"{_W}styleId") not in have:
            broot.append(style)
            have.add(style.get(f"{_W}styleId"))
    return bytes(etree.tostring(broot, xml_declaration=True, encoding="UTF-8", standalone=True))


def compose_files(base: Path, parts: list[Path]) -> bytes:
    """The base .docx with its body replaced by the parts' bodies, in order."""
    files = _read(base)
    root = etree.fromstring(files[_DOC])
    body = root.find(f"{_W}body")
    if body is None:
        raise TemplateError(f"{base}: document has no body")
    sect = body.find(f"{_W}sectPr")
    for child in list(body):
        if child is not sect:
            body.remove(child)
    styles = files.get(_STYLES)
    for part in parts:
        pfiles = _read(part)
        for el in _body_children(pfiles[_DOC], part):
            if sect is not None:
                sect.addprevious(el)
            else:
                body.append(el)
        if styles is not None and _STYLES in pfiles:
            styles = _merge_styles(styles, pfiles[_STYLES])
    files[_DOC] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if styles is not None:
        files[_STYLES] = styles
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def compose(pack: TemplatePack) -> bytes:
    """The pack's full .docx template, parts resolved file by file on its search path."""
    base = pack.find(pack.base)
    if pack.layout is None:
        return base.read_bytes()
    return compose_files(base, [pack.find(f"{name}.docx") for name in pack.layout])
