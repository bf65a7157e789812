"""Carrying a part's list numbering into the composed document.

Why: Word lists are not in the paragraph. A numbered paragraph says
``<w:numPr><w:numId w:val="3"/>`` and the list (its format, indents, start)
lives in ``word/numbering.xml`` under that id. docxtpl's Subdoc copies the
paragraph and loses the definition, so the list comes out unnumbered or
numbered by whatever the host has under the same id. Here each list a part
uses is copied into the base's numbering part under fresh ids, and the part's
paragraphs (and any style it brings) are pointed at the new ids; the base's
own lists are untouched. The numbering part is created when the base has none.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ..errors import TemplateError
from ..ooxml import CT_NS, PKG_REL_NS, REL_TYPE, W_NS, W, xml_bytes

__all__ = ["NUMBERING", "Numbering", "used_num_ids"]

_W = W
NUMBERING = "word/numbering.xml"
_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_REL_TYPE = REL_TYPE + "/numbering"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
_PKG_RELS = PKG_REL_NS
_PKG_TYPES = CT_NS


_xml = xml_bytes


def used_num_ids(elements: Iterable[etree._Element]) -> set[str]:
    """List ids referenced by ``<w:numId>`` inside ``elements`` (0 means "no list")."""
    out = set()
    for el in elements:
        for num_id in el.iter(f"{_W}numId"):
            value = num_id.get(f"{_W}val")
            if value and value != "0":
                out.add(value)
    return out


class Numbering:
    """The composed document's numbering part, growing as parts bring their lists."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.created = NUMBERING not in files
        self.root = (
            etree.Element(f"{_W}numbering", nsmap={"w": W_NS})
            if self.created
            else etree.fromstring(files[NUMBERING])
        )
        self.changed = False

    def _next(self, tag: str, attr: str) -> str:
        ids = [
            int(v)
            for el in self.root.findall(f"{_W}{tag}")
            if (v := el.get(f"{_W}{attr}")) is not None and v.isdigit()
        ]
        return str(max(ids, default=0) + 1)

    def _insert(self, el: etree._Element, after: tuple[str, ...]) -> None:
        for tag in after:
            found = self.root.findall(f"{_W}{tag}")
            if found:
                found[-1].addnext(el)
                return
        self.root.insert(0, el)

    def adopt(
        self, part: Path, part_files: dict[str, bytes], elements: Iterable[etree._Element]
    ) -> None:
        """Copy the lists ``elements`` use from the part and renumber their references."""
        elements = list(elements)
        used = used_num_ids(elements)
        if not used:
            return
        if NUMBERING not in part_files:
            raise TemplateError(f"{part}: uses list numbering but has no numbering definitions")
        proot = etree.fromstring(part_files[NUMBERING])
        nums = {n.get(f"{_W}numId"): n for n in proot.findall(f"{_W}num")}
        abstracts = {a.get(f"{_W}abstractNumId"): a for a in proot.findall(f"{_W}abstractNum")}
        new_ids: dict[str, str] = {}
        new_abstract: dict[str, str] = {}
        for old in sorted(used, key=int):
            num = nums.get(old)
            ref = num.find(f"{_W}abstractNumId") if num is not None else None
            old_abstract = ref.get(f"{_W}val") if ref is not None else None
            if num is None or old_abstract is None or old_abstract not in abstracts:
                raise TemplateError(f"{part}: list numbering {old} is not defined in the part")
            if old_abstract not in new_abstract:
                abstract = copy.deepcopy(abstracts[old_abstract])
                if abstract.find(f".//{_W}lvlPicBulletId") is not None:
                    raise TemplateError(f"{part}: picture bullets cannot be carried by a part")
                for nsid in abstract.findall(f"{_W}nsid"):
                    abstract.remove(nsid)  # Word would otherwise join lists sharing an nsid
                new_abstract[old_abstract] = self._next("abstractNum", "abstractNumId")
                abstract.set(f"{_W}abstractNumId", new_abstract[old_abstract])
                self._insert(abstract, ("abstractNum", "numPicBullet"))
            fresh = copy.deepcopy(num)
            new_ids[old] = self._next("num", "numId")
            fresh.set(f"{_W}numId", new_ids[old])
            fresh_ref = fresh.find(f"{_W}abstractNumId")
            assert fresh_ref is not None
            fresh_ref.set(f"{_W}val", new_abstract[old_abstract])
            self._insert(fresh, ("num", "abstractNum", "numPicBullet"))
        for el in elements:
            for num_id in el.iter(f"{_W}numId"):
                value = num_id.get(f"{_W}val")
                if value in new_ids:
                    num_id.set(f"{_W}val", new_ids[value])
        self.changed = True

    def write(self) -> None:
        """Store the numbering part (registering it when the base had none)."""
        if not self.changed:
            return
        self.files[NUMBERING] = _xml(self.root)
        if not self.created:
            return
        rels = etree.fromstring(self.files[_RELS])
        taken = {r.get("Id") for r in rels}
        rid = next(
            f"rIdNumbering{i}" for i in range(1, len(taken) + 2) if f"rIdNumbering{i}" not in taken
        )
        etree.SubElement(
            rels, f"{{{_PKG_RELS}}}Relationship", Id=rid, Type=_REL_TYPE, Target="numbering.xml"
        )
        self.files[_RELS] = _xml(rels)
        types = etree.fromstring(self.files[_TYPES])
        etree.SubElement(
            types, f"{{{_PKG_TYPES}}}Override", PartName="/" + NUMBERING, ContentType=_CT
        )
        self.files[_TYPES] = _xml(types)
