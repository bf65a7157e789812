"""The printed form: numbering, capitals, statistics wording, paths back to the model."""

from __future__ import annotations

import pytest

import baocao
from baocao.layout import layout


def _doc(**extra: object) -> baocao.Document:
    data: dict[str, object] = {
        "header": {
            "family": "nha_nuoc",
            "issuer": {"parent": "UBND TỈNH X", "name": "ỦY BAN NHÂN DÂN XÃ Y"},
            "number": "12/BC-UBND",
            "place": "Y",
            "date": "2026-01-05",
            "subject": "Về tình hình kinh tế",
        },
        "sections": [
            {
                "title": "Kết quả",
                "sections": [
                    {
                        "title": "Thu ngân sách",
                        "blocks": [
                            {
                                "spans": [
                                    "Đã thu ",
                                    {
                                        "type": "tally",
                                        "total": 1250,
                                        "noun": "hồ sơ",
                                        "parts": [{"count": 1000}, {"count": 250}],
                                    },
                                    ".",
                                ]
                            },
                            {
                                "type": "bullets",
                                "items": ["một", {"spans": [{"text": "hai", "bold": True}]}],
                            },
                        ],
                    }
                ],
            }
        ],
    }
    data.update(extra)
    return baocao.Document.model_validate(data)


def test_state_headings_and_header() -> None:
    """State numbering I. / 1., capitals at level 1, the long date with leading zeros."""
    lay = layout(_doc())
    assert [h.text for h in lay.headings] == ["I. KẾT QUẢ", "1. Thu ngân sách"]
    assert lay.header.symbol == "Số: 12/BC-UBND"
    assert lay.header.place_date == "Y, ngày 05 tháng 01 năm 2026"
    assert lay.header.motto[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert not lay.header.is_draft


def test_tally_counts_use_vietnamese_thousands() -> None:
    """Statistics print their counts with the Vietnamese thousands dot."""
    para = layout(_doc()).body[2]
    assert para.text == "Đã thu 1.250 hồ sơ (trong đó 1.000 hồ sơ; 250 hồ sơ)."


def test_lines_remember_their_model_path() -> None:
    """Each printed line names the field it came from, for diagnostics."""
    body = layout(_doc()).body
    assert [ln.path for ln in body] == [
        "sections[0]",
        "sections[0].sections[0]",
        "sections[0].sections[0].blocks[0]",
        "sections[0].sections[0].blocks[1].items[0]",
        "sections[0].sections[0].blocks[1].items[1]",
    ]
    assert body[3].label == "-" and body[3].role == "bullet"


def test_seed_layout_part_titles(seed_report) -> None:  # type: ignore[no-untyped-def]
    """The seed prints its three parts with Party numerals and a draft header."""
    lay = layout(seed_report)
    parts = [h.text for h in lay.headings if h.level == 1]
    assert parts == [
        "I- KẾT QUẢ THỰC HIỆN NĂM 2023",
        "II- ĐÁNH GIÁ CHUNG",
        "III- MỘT SỐ NHIỆM VỤ VÀ GIẢI PHÁP NĂM 2024",
    ]
    assert "2.3. Nguyên nhân của hạn chế, tồn tại" in [h.text for h in lay.headings]
    assert lay.header.is_draft


def test_other_family_template_is_refused() -> None:
    """A State report with the Party template is an error naming both families."""
    with pytest.raises(baocao.TemplateError, match=r"header\.family is nha_nuoc"):
        baocao.render_bytes(_doc(), "docx", "dang")


def test_addressees_print_after_the_subject() -> None:
    """Kính gửi lines reach the header view and the plain text, right after the title block."""
    from baocao.engines.text import render_text

    doc = _doc()
    data = doc.model_dump()
    data["header"]["addressees"] = ["Ủy ban nhân dân tỉnh X"]
    doc2 = baocao.Document.model_validate(data)
    assert layout(doc2).header.addressees == ("Kính gửi: Ủy ban nhân dân tỉnh X",)
    text = render_text(doc2)
    assert "Về tình hình kinh tế\n\nKính gửi: Ủy ban nhân dân tỉnh X\n\n" in text
