"""Composition: a child pack replaces or adds parts; styles and list numbering survive."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from baocao.errors import TemplateError
from baocao.packs import compose, get_pack
from baocao.packs.compose import compose_files
from tests.fixtures.packs.builder import NUMBERING, p, write_docx, write_pack

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PACK = ROOT / "examples" / "plugin-to-huyen" / "src" / "baocao_to_huyen"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")}


def _paragraphs(doc: etree._Element) -> list[tuple[str | None, str | None, str]]:
    """(style id, list id, text) of each top-level body paragraph."""
    body = doc.find(f"{W}body")
    assert body is not None
    out = []
    for el in body.iter(f"{W}p"):
        style = el.find(f"{W}pPr/{W}pStyle")
        num = el.find(f"{W}pPr/{W}numPr/{W}numId")
        text = "".join(t.text or "" for t in el.iter(f"{W}t"))
        out.append(
            (
                style.get(f"{W}val") if style is not None else None,
                num.get(f"{W}val") if num is not None else None,
                text,
            )
        )
    return out


def _file_paragraphs(path: Path) -> list[tuple[str | None, str | None, str]]:
    return _paragraphs(_parts(path.read_bytes())["word/document.xml"])


def test_example_pack_composes_parents_parts_and_its_own_in_layout_order() -> None:
    """to-huyen is dang's header, its own title, dang's body and signature, then its appendix."""
    pack = get_pack(EXAMPLE_PACK)
    composed = _paragraphs(_parts(compose(pack))["word/document.xml"])
    expected: list[tuple[str | None, str | None, str]] = []
    for path in pack.files()[1:]:
        expected += _file_paragraphs(path)
    assert [(s, t) for s, _, t in composed] == [(s, t) for s, _, t in expected]
    origins = [pack.locate(n)[1] for n in pack.file_names()]  # type: ignore[index]
    assert origins == ["dang", "dang", "to-huyen", "dang", "dang", "to-huyen"]


def test_example_pack_keeps_style_ids_and_list_numbering() -> None:
    """Every composed paragraph keeps its style id; numbered ones point at a carried list."""
    pack = get_pack(EXAMPLE_PACK)
    parts = _parts(compose(pack))
    styles = {s.get(f"{W}styleId") for s in parts["word/styles.xml"].iter(f"{W}style")}
    composed = _paragraphs(parts["word/document.xml"])
    used = {s for s, _, _ in composed if s}
    assert used <= styles and {"BCTitle", "BCSubject", "BCHeading1", "BCSignerName"} <= used
    numbered = [(n, t) for _, n, t in composed if n]
    assert numbered == [(numbered[0][0], "{{ ratio }}")]
    numbering = parts["word/numbering.xml"]
    num = numbering.find(f"{W}num[@{W}numId='{numbered[0][0]}']")
    assert num is not None
    ref = num.find(f"{W}abstractNumId")
    abstract = numbering.find(f"{W}abstractNum[@{W}abstractNumId='{ref.get(f'{W}val')}']")
    assert abstract.find(f"{W}lvl/{W}lvlText").get(f"{W}val") == "%1)"


def test_numbering_part_is_registered_when_the_base_has_none() -> None:
    """The carried numbering part gets a relationship and a content type, so Word finds it."""
    with zipfile.ZipFile(io.BytesIO(compose(get_pack(EXAMPLE_PACK)))) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    assert 'Target="numbering.xml"' in rels
    assert 'PartName="/word/numbering.xml"' in types
    assert "numbering.xml" not in zipfile.ZipFile(get_pack("dang").find("base.docx")).namelist()


def test_part_list_is_renumbered_beside_the_bases_own(tmp_path: Path) -> None:
    """A base list with id 1 stays; the part's list 1 gets a fresh id and its own definition."""
    base = write_docx(tmp_path / "base.docx", p(""), numbering=NUMBERING)
    part = write_docx(
        tmp_path / "part.docx",
        p("mục a", "Body", num=1) + p("mục b", "Body", num=1),
        numbering=NUMBERING,
    )
    parts = _parts(compose_files(base, [part]))
    numbering = parts["word/numbering.xml"]
    assert [n.get(f"{W}numId") for n in numbering.iter(f"{W}num")] == ["1", "2"]
    assert [a.get(f"{W}abstractNumId") for a in numbering.iter(f"{W}abstractNum")] == ["0", "1"]
    assert [(s, n) for s, n, _ in _paragraphs(parts["word/document.xml"])] == [
        ("Body", "2"),
        ("Body", "2"),
    ]
    second = numbering.find(f"{W}num[@{W}numId='2']/{W}abstractNumId")
    assert second is not None and second.get(f"{W}val") == "1"
    assert numbering.find(f"{W}abstractNum[@{W}abstractNumId='1']/{W}nsid") is None


def test_list_without_definition_is_refused(tmp_path: Path) -> None:
    """A part numbering a paragraph with no numbering part fails naming the part."""
    base = write_docx(tmp_path / "base.docx", p(""))
    part = write_docx(tmp_path / "part.docx", p("mục", num=3))
    with pytest.raises(TemplateError, match=r"part\.docx: uses list numbering"):
        compose_files(base, [part])


def test_part_with_a_relationship_is_refused(tmp_path: Path) -> None:
    """Images and links need relationships a part cannot carry; the error says so."""
    base = write_docx(tmp_path / "base.docx", p(""))
    link = '<w:p><w:hyperlink r:id="rId9"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>'
    part = write_docx(tmp_path / "part.docx", link)
    with pytest.raises(TemplateError, match="cannot carry images, links"):
        compose_files(base, [part])


def test_child_base_restyles_every_inherited_part(tmp_path: Path) -> None:
    """Replacing base.docx (fonts, margins) changes the page while the parts stay the parent's."""
    folder = write_pack(
        tmp_path / "le-rong", {"id": "le-rong", "title": "Lề rộng", "extends": "dang"}, {}
    )
    write_docx(folder / "base.docx", p(""), left_margin=2268)
    parts = _parts(compose(get_pack(folder)))
    margin = parts["word/document.xml"].find(f"{W}body/{W}sectPr/{W}pgMar")
    assert margin is not None and margin.get(f"{W}left") == "2268"
    normal = parts["word/styles.xml"].find(f"{W}style[@{W}styleId='Normal']/{W}rPr/{W}sz")
    assert normal is not None and normal.get(f"{W}val") == "28"
    texts = [t for _, _, t in _paragraphs(parts["word/document.xml"])]
    assert "{{ header.doc_type }}" in texts and "{{ signer.name }}" in texts


def test_composition_is_deterministic() -> None:
    """The same pack composes to the same bytes (fixed zip timestamps)."""
    pack = get_pack(EXAMPLE_PACK)
    assert compose(pack) == compose(pack)
