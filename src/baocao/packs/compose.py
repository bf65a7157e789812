"""Composing a pack's .docx from its base and named parts.

Why: no docx template engine offers ``{% include %}`` or ``{% block %}``. A pack
therefore splits its document into parts (``header``, ``title``, ``body``,
``signature`` …), each a small .docx found on the search path; the base .docx
gives the styles, page setup, headers and footers. Composition copies each
part's body paragraphs and tables into the base in the manifest's ``layout``
order, copies any style the base lacks, and carries the part's list numbering
under fresh ids (``numbering.py``), so a child pack replaces one part and keeps
the rest, with styles and numbering intact.

Limits: a part cannot carry images, hyperlinks or anything else that needs a
relationship (put those in the base), and a style the base already defines
keeps the base's definition (that is how a child's ``base.docx`` restyles every
part).
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import TemplateError
from ..i18n import _
from ..ooxml import R_NS, W_NS, W, xml_bytes
from .archive import check_archive, parse_part, read_members
from .numbering import Numbering
from .registry import TemplatePack

__all__ = ["W_NS", "compose", "compose_files"]

_W = W
_DOC = "word/document.xml"
_STYLES = "word/styles.xml"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Timestamp of every zip entry: the same pack always composes to the same bytes."""


def _read(path: Path) -> dict[str, bytes]:
    files = read_members(path, str(path))
    if _DOC not in files:
        raise TemplateError(
            _("{file}: không có word/document.xml, nên không phải tài liệu Word").format(file=path)
        )
    return files


_xml = xml_bytes


def _body_children(xml: bytes, path: Path) -> list[etree._Element]:
    root = parse_part(xml, str(path))
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


def _missing_styles(have: etree._Element | None, extra: bytes | None) -> list[etree._Element]:
    """Copies of the part's styles the base does not define."""
    if have is None or extra is None:
        return []
    ids = {s.get(f"{_W}styleId") for s in have.findall(f"{_W}style")}
    out = []
    for style in parse_part(extra, "styles.xml").findall(f"{_W}style"):
        sid = style.get(f"{_W}styleId")
        if sid not in ids:
            out.append(copy.deepcopy(style))
            ids.add(sid)
    return out


def compose_files(base: Path, parts: list[Path]) -> bytes:
    """The base .docx with its body replaced by the parts' bodies, in order."""
    files = _read(base)
    root = parse_part(files[_DOC], str(base))
    body = root.find(f"{_W}body")
    if body is None:
        raise TemplateError(f"{base}: document has no body")
    sect = body.find(f"{_W}sectPr")
    for child in list(body):
        if child is not sect:
            body.remove(child)
    styles = parse_part(files[_STYLES], str(base)) if _STYLES in files else None
    numbering = Numbering(files)
    for part in parts:
        pfiles = _read(part)
        elements = _body_children(pfiles[_DOC], part)
        new_styles = _missing_styles(styles, pfiles.get(_STYLES))
        numbering.adopt(part, pfiles, [*elements, *new_styles])
        for el in elements:
            if sect is not None:
                sect.addprevious(el)
            else:
                body.append(el)
        if styles is not None:
            styles.extend(new_styles)
    files[_DOC] = _xml(root)
    if styles is not None:
        files[_STYLES] = _xml(styles)
    numbering.write()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def compose(pack: TemplatePack) -> bytes:
    """The pack's full .docx template, parts resolved file by file on its search path."""
    base = pack.find(pack.base)
    if pack.layout is None:
        data = base.read_bytes()
        check_archive(data, str(base))
        return data
    return compose_files(base, [pack.find(f"{name}.docx") for name in pack.layout])
