"""Round trips: the seed text, every example rendered by baocao, files rewritten by LibreOffice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import baocao
from baocao.importer import import_report
from baocao.rendering import render_bytes

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def written_text(report: object) -> str:
    return render_bytes(report, "txt", form="written").decode("utf-8")  # type: ignore[arg-type]


def official_text(report: object) -> str:
    return render_bytes(report, "txt", form="official").decode("utf-8")  # type: ignore[arg-type]


def test_seed_text_renders_back_with_all_its_text_in_order() -> None:
    seed = ROOT / "tests" / "data" / "seed-report.txt"
    result = import_report(seed)
    assert result.report is not None
    printed = written_text(result.report)
    pos = 0
    lines = [ln.strip() for ln in seed.read_text("utf-8").splitlines() if ln.strip()]
    for line in lines:
        at = printed.find(line, pos)
        assert at >= 0, f"missing or out of order: {line[:80]!r}"
        pos = at + len(line)
    assert len(lines) > 60


def test_seed_structure() -> None:
    """The seed's three parts, its sections and lists land where a reader sees them."""
    doc = import_report(ROOT / "tests" / "data" / "seed-report.txt").report
    assert [s.title for s in doc.sections] == [
        "KẾT QUẢ THỰC HIỆN NĂM 2023",
        "ĐÁNH GIÁ CHUNG",
        "MỘT SỐ NHIỆM VỤ VÀ GIẢI PHÁP NĂM 2024",
    ]
    assert len(doc.sections[0].sections) == 5
    limits = doc.sections[1].sections[1]
    assert limits.sections[0].title == "Đối với Đảng ủy các xã, thị trấn"
    assert doc.header.subject.startswith("kết quả thực hiện Quy định số 02-QĐ/HU")
    assert doc.signer.name == "Trương Xuân Việt"
    assert len(doc.recipients.items) == 6
    assert doc.recipients.archive == "Ban Tổ chức Huyện ủy"
    assert doc.closing.startswith("Trên đây, là báo cáo")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_rendered_to_docx_imports_back_equal(example: Path) -> None:
    """render(example) → .docx → import: the same report, printed in the written form."""
    original = baocao.load(example, lenient=True)
    docx = render_bytes(original, "docx")
    result = import_report(docx, suffix="docx")
    assert result.report is not None, [d.format() for d in result.diagnostics]
    # The .docx holds the official form (render's default), so that is what comes back.
    assert written_text(result.report) == official_text(original)
    assert result.report.header.family == original.header.family
    assert len(result.report.sections) == len(original.to_document().sections)


@pytest.mark.parametrize("name", ["party-table-header", "state-auto-numbering", "cong-van"])
def test_libreoffice_resaved_word_file_imports_the_same(name: str) -> None:
    """LibreOffice rewrites the whole package (styles, numbering.xml, tables): same import."""
    word = import_report(FIXTURES / f"{name}.docx")
    resaved = import_report(FIXTURES / f"{name}-lo.docx")
    assert resaved.data == word.data


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_old_binary_word_file_imports_through_libreoffice() -> None:
    doc = import_report(FIXTURES / "double-marker.doc")
    docx = import_report(FIXTURES / "double-marker.docx")
    assert doc.data == docx.data
    assert any(d.code == "IM501" for d in doc.diagnostics)
