"""The built-in Party and State packs: built from their profiles, composed, rendered."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from types import ModuleType

import docx
import pytest
from lxml import etree

import baocao
from baocao.packs import compose, get_pack

from .fixtures.examples import ROOT, SEED_YAML, TRICKY, UBND_YAML, rendered, tricky_report

TEMPLATES = ROOT / "templates"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _builder() -> ModuleType:
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "tools" / "build_templates.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def _xml(data: bytes, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(part))


def _all_text(data: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(data))
    out = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                out += [p.text for p in cell.paragraphs]
    return out


def test_committed_files_match_a_fresh_build() -> None:
    """A fresh build reproduces every committed .docx byte for byte: the sources are current."""
    builder = _builder()
    for pack in ("dang", "nha-nuoc"):
        built = builder.build(pack)
        assert set(built) == {
            "base.docx",
            "header.docx",
            "title.docx",
            "body.docx",
            "signature.docx",
            "appendix.docx",
        }
        for name, data in built.items():
            assert (TEMPLATES / pack / name).read_bytes() == data, f"{pack}/{name} is stale"
        assert builder.build(pack) == built


@pytest.mark.parametrize(
    ("pack_id", "family", "profile"),
    [("dang", "dang", "dang-hd36"), ("nha-nuoc", "nha_nuoc", "nha-nuoc-nd30")],
)
def test_manifest_declares_family_parts_and_profile(
    pack_id: str, family: str, profile: str
) -> None:
    """Each built-in pack names its family, its four parts in order and its format profile."""
    pack = get_pack(pack_id)
    assert pack.family == family
    assert pack.layout == ["header", "title", "body", "signature", "appendix"]
    assert pack.profile == profile
    assert {"document", "bao_cao_thuc_hien"} <= set(pack.kinds)


@pytest.mark.parametrize("pack_id", ["dang", "nha-nuoc"])
def test_parts_use_only_styles_defined_in_base(pack_id: str) -> None:
    """Every paragraph style a part refers to is defined in base.docx, so a child can restyle it."""
    pack = get_pack(pack_id)
    base_styles = _xml(pack.find("base.docx").read_bytes(), "word/styles.xml")
    defined = {s.get(f"{W}styleId") for s in base_styles.iter(f"{W}style")}
    names = {s.find(f"{W}name").get(f"{W}val") for s in base_styles.iter(f"{W}style")}
    assert {"BC Body", "BC Heading 1", "BC Motto", "BC Signer Name", "BC Table"} <= names
    for part in pack.layout or []:
        doc = _xml(pack.find(f"{part}.docx").read_bytes())
        used = {s.get(f"{W}val") for s in doc.iter(f"{W}pStyle", f"{W}tblStyle")}
        assert used <= defined, f"{part}.docx uses {used - defined}"


@pytest.mark.parametrize("pack_id", ["dang", "nha-nuoc"])
def test_base_sets_times_new_roman_for_every_script(pack_id: str) -> None:
    """The document defaults name Times New Roman for ascii, hAnsi, cs and eastAsia, in vi-VN."""
    styles = _xml(get_pack(pack_id).find("base.docx").read_bytes(), "word/styles.xml")
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert {fonts.get(f"{W}{k}") for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {
        "Times New Roman"
    }
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "vi-VN"


def test_composed_template_has_no_footnotes_part() -> None:
    """No pack carries footnotes, which docxtpl would render once per section (data twice)."""
    for pack_id in ("dang", "nha-nuoc"):
        with zipfile.ZipFile(io.BytesIO(compose(get_pack(pack_id)))) as z:
            assert not [n for n in z.namelist() if "footnote" in n]


def test_seed_renders_with_party_layout() -> None:
    """The seed, with no template named, gets the Party header, title, body and signature."""
    text = _all_text(rendered(SEED_YAML))
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "HUYỆN ỦY MINH SƠN",
        "BAN TỔ CHỨC",
        "*",
        "BÁO CÁO",
        "I- KẾT QUẢ THỰC HIỆN NĂM 2023",
        "2.3. Nguyên nhân của hạn chế, tồn tại",
        "Nơi nhận:",
        "TRƯỞNG BAN",
        "Trương Xuân Việt",
        "-----",
    ):
        assert expected in text, expected
    assert any("21 khó khăn, vướng mắc (trong đó 3 khó khăn" in t for t in text)


def test_ubnd_renders_with_state_layout() -> None:
    """The commune report gets the quốc hiệu, tiêu ngữ, TM. signer and the Lưu: VT line."""
    text = _all_text(rendered(UBND_YAML))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 245/BC-UBND",
        "Minh Tân, ngày 15 tháng 12 năm 2025",
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "a) Rà soát, công bố thủ tục hành chính",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Hùng",
        "- Lưu: VT, VP.",
    ):
        assert expected in text, expected


def test_draft_blanks_survive_as_preserved_spaces() -> None:
    """The draft's blank number and day print as spaces Word keeps (xml:space="preserve")."""
    root = _xml(rendered(SEED_YAML))
    texts = {t.text: t.get(XML_SPACE) for t in root.iter(f"{W}t")}
    assert texts.get("Số    -BC/BTCHU") == "preserve"
    assert texts.get("Minh Sơn, ngày    tháng 12 năm 2023") == "preserve"
    assert "Số    -BC/BTCHU" in _all_text(rendered(SEED_YAML))


def test_headings_carry_outline_levels() -> None:
    """Heading paragraphs use the BC Heading styles, whose outline levels give Word's navigation."""
    root = _xml(rendered(SEED_YAML))
    styles = [
        p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
        for p in root.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle") is not None
    ]
    assert styles.count("BCHeading1") == 3
    assert styles.count("BCHeading3") == 3
    style_xml = _xml(rendered(SEED_YAML), "word/styles.xml")
    h2 = next(s for s in style_xml.iter(f"{W}style") if s.get(f"{W}styleId") == "BCHeading2")
    assert h2.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == "1"


def test_table_is_a_bordered_word_table_with_data_widths() -> None:
    """The data table is a real table: BC Table style, repeated header row, widths in proportion."""
    root = _xml(rendered(UBND_YAML))
    body_tables = [
        t
        for t in root.find(f"{W}body").findall(f"{W}tbl")
        if t.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "BCTable"
    ]
    assert len(body_tables) == 1
    tbl = body_tables[0]
    grid = [int(g.get(f"{W}w")) for g in tbl.iter(f"{W}gridCol")]
    assert sum(grid) == 9354  # 165 mm of text width
    assert grid[1] / grid[0] == pytest.approx(4 / 0.7, rel=0.01)
    rows = tbl.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert rows[1].find(f"{W}trPr/{W}tblHeader") is None
    assert len(rows) == 7
    style_xml = _xml(rendered(UBND_YAML), "word/styles.xml")
    table_style = next(s for s in style_xml.iter(f"{W}style") if s.get(f"{W}styleId") == "BCTable")
    assert table_style.find(f"{W}tblPr/{W}tblBorders/{W}insideH").get(f"{W}val") == "single"


def test_signature_row_cannot_split_across_pages() -> None:
    """Nơi nhận and the signer share one table row marked cantSplit."""
    root = _xml(rendered(SEED_YAML))
    last = root.find(f"{W}body").findall(f"{W}tbl")[-1]
    row = last.find(f"{W}tr")
    assert row.find(f"{W}trPr/{W}cantSplit") is not None
    cells = row.findall(f"{W}tc")
    assert "Nơi nhận:" in "".join(cells[0].itertext())
    assert "Trương Xuân Việt" in "".join(cells[1].itertext())


def test_markup_in_every_field_prints_literally() -> None:
    """&, <, >, quotes and Jinja tags in any field appear as typed, never evaluated or dropped."""
    text = _all_text(baocao.render_bytes(tricky_report()))
    for expected in (
        f"Trích yếu {TRICKY}",
        f"Đoạn {TRICKY}",
        f"Ô {TRICKY}",
        f"Bảng {TRICKY}",
        f"- Nơi {TRICKY};",
        f"Tên {TRICKY}",
        f"Kết {TRICKY}",
        f"ỦY BAN {TRICKY}",
    ):
        assert expected in text, expected
    assert any(t.startswith("I. MỤC A & B <C>") and "{{ 7*7 }}" in t for t in text)


def test_report_without_signer_or_recipients_still_renders() -> None:
    """Leaving out the signer and the recipients gives an empty cell, not a broken table."""
    data = baocao.load(UBND_YAML).model_dump(mode="json")
    data["signer"] = None
    data["recipients"] = None
    out = baocao.render_bytes(data)
    d = docx.Document(io.BytesIO(out))
    last = d.tables[-1]
    assert all(cell.paragraphs for cell in last.rows[0].cells)
    assert "Nơi nhận:" not in _all_text(out)


def test_acting_head_title_is_not_printed_twice() -> None:
    """A "Q." signer prints its title once, inside the authority line."""
    data = baocao.load(UBND_YAML).model_dump(mode="json")
    data["signer"] = {"authority": "Q", "title": "CHỦ TỊCH", "name": "Lê Thị Lan"}
    text = _all_text(baocao.render_bytes(data))
    assert "Q. CHỦ TỊCH" in text
    assert "CHỦ TỊCH" not in text
