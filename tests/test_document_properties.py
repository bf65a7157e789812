"""A rendered .docx (and so its PDF) is titled and authored by the report, not the template."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from baocao import load, render_bytes
from baocao.rendering import document_properties

ROOT = Path(__file__).resolve().parent.parent


def _core(path: Path) -> docx.opc.coreprops.CoreProperties:
    return docx.Document(io.BytesIO(render_bytes(load(path), "docx"))).core_properties


def test_title_author_and_date_come_from_the_report() -> None:
    core = _core(ROOT / "examples" / "bao-cao-ubnd-xa.yaml")
    assert core.title == (
        "Báo cáo kết quả công tác cải cách hành chính năm 2025 và nhiệm vụ trọng tâm năm 2026"
    )
    assert core.author == "ỦY BAN NHÂN DÂN XÃ MINH TÂN, UBND TỈNH PHÚ THỌ"
    assert core.created is not None and core.created.date().isoformat() == "2025-12-15"
    assert "base" not in core.title


def test_the_party_seed_is_titled_by_its_subject() -> None:
    core = _core(ROOT / "examples" / "bao-cao-quy-dinh-02.yaml")
    assert core.title.startswith("Báo cáo kết quả thực hiện Quy định số 02-QĐ/HU")
    assert core.author.startswith("BAN TỔ CHỨC")


def test_a_draft_date_leaves_created_out() -> None:
    from baocao.cli.init import starter_text
    from baocao.loading import loads

    report = loads(starter_text("document"))  # date: 2025-12-__
    assert document_properties(report)["created"] is None


def test_properties_keep_renders_reproducible() -> None:
    report = load(ROOT / "examples" / "bao-cao-ubnd-xa.yaml")
    assert render_bytes(report, "docx") == render_bytes(report, "docx")
