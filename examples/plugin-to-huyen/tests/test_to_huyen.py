"""The to-huyen pack: found once installed, clean under baocao's check, renders its example."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import baocao_to_huyen
from lxml import etree

from baocao import get_pack, load
from baocao.testing import assert_pack_clean, assert_pack_renders

ROOT = Path(__file__).resolve().parent.parent
PACK_DIR = Path(baocao_to_huyen.__file__).resolve().parent
# By id, as installed: its hook runs because the installed distribution declares
# it. The same folder given as a path is data and may run no code (docs/security.md).
PACK = "to-huyen"
EXAMPLE = ROOT / "bao-cao-to-huyen-nam-xe-2023.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_installed_pack_is_found_by_id_and_extends_dang() -> None:
    """After `pip install`, the id to-huyen names this folder, built on the Party pack."""
    pack = get_pack("to-huyen")
    assert pack.path.resolve() == PACK_DIR
    assert [p.id for p in pack.lineage()] == ["to-huyen", "dang"]
    assert pack.find("signature.docx").parent == get_pack("dang").path


def test_pack_passes_baocao_check_with_its_example() -> None:
    """No template error: syntax, unknown variables, sandbox, missing parts, sample render."""
    assert_pack_clean(PACK, load(EXAMPLE))


def test_example_renders_with_period_and_appendix_figures() -> None:
    """The period line and the appendix rows come from the report's own dates and tallies."""
    doc = assert_pack_renders(PACK, load(EXAMPLE))
    assert "(từ ngày 01/01/2023 đến ngày 05/12/2023)" in doc.paragraphs
    start = doc.paragraphs.index("PHỤ LỤC")
    appendix = doc.paragraphs[start:]
    assert "Khó khăn, vướng mắc" in appendix and "Kiến nghị, đề xuất" in appendix
    assert appendix[appendix.index("Khó khăn, vướng mắc") + 1] == "3"
    assert "9/9 chi bộ thôn, bản được phân công" in appendix


def test_appendix_list_keeps_its_numbering() -> None:
    """The numbered ratios point at a list definition that travelled into the document."""
    doc = assert_pack_renders(PACK, load(EXAMPLE))
    with zipfile.ZipFile(io.BytesIO(doc.data)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        numbering = etree.fromstring(z.read("word/numbering.xml"))
    item = next(
        p
        for p in body.iter(f"{W}p")
        if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith("9/9 chi bộ")
    )
    num_id = item.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
    num = numbering.find(f"{W}num[@{W}numId='{num_id}']")
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = numbering.find(f"{W}abstractNum[@{W}abstractNumId='{abstract_id}']")
    assert abstract.find(f"{W}lvl/{W}lvlText").get(f"{W}val") == "%1)"
