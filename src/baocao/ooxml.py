"""OOXML in one place: the namespaces of a .docx, and writing a part back.

Why a module of its own: packs (composition, numbering, static scan),
conformance, the importer and the red-ink annotator all read or write the
same WordprocessingML; each used to spell the namespaces and the serializer
itself. Reading a part safely (no entities, no network, size-bounded) lives
in :mod:`baocao.engines.wellformed` and :mod:`baocao.packs.archive`.
"""

from __future__ import annotations

from lxml import etree

__all__ = [
    "A_NS",
    "CT_NS",
    "PKG_REL_NS",
    "REL_TYPE",
    "R_NS",
    "W_NS",
    "XML_SPACE",
    "W",
    "xml_bytes",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""WordprocessingML: paragraphs, runs, tables, styles, numbering, comments."""
W = f"{{{W_NS}}}"
"""``W + "p"`` is the Clark name lxml uses for ``w:p``."""
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""Relationship ids inside a part (``r:id``)."""
REL_TYPE = R_NS
"""Prefix of relationship types: ``REL_TYPE + "/numbering"``, ``"/comments"``."""
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
"""DrawingML (lines and shapes drawn in the header)."""
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
"""The ``.rels`` parts of the package."""
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
"""``[Content_Types].xml``."""
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
"""``xml:space``, set to ``preserve`` on text with leading or trailing spaces."""


def xml_bytes(root: etree._Element) -> bytes:
    """A part as Word writes it: UTF-8, with the XML declaration, standalone."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
