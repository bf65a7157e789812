"""Preamble forms: any lead, a basis that is no document, citations parsed or kept as written."""

from __future__ import annotations

import pytest

from baocao import deviations, layout
from baocao.model import Citation, Preamble, lenient_mode
from baocao.model.implementation import Basis


def test_bases_that_are_not_documents_are_kept_as_written() -> None:
    p = Preamble.model_validate(
        {
            "lead": "Căn cứ",
            "citations": [
                "tình hình thực tế của địa phương",
                "Kế hoạch số 12-KH/HU, ngày 05/3/2025 của Ban Thường vụ Huyện ủy",
                "Kế hoạch của Ủy ban nhân dân tỉnh về cải cách hành chính",
            ],
        }
    )
    assert [type(c) for c in p.citations] == [Basis, Citation, Basis]
    assert (
        p.paragraph()
        .spans[0]
        .text.startswith("Căn cứ tình hình thực tế của địa phương; Kế hoạch số 12-KH/HU")
    )


def test_no_lead_starts_with_the_first_citation() -> None:
    p = Preamble.model_validate({"lead": "", "citations": ["Nghị quyết số 05-NQ/ĐU"]})
    assert p.paragraph().spans[0].text == "Nghị quyết số 05-NQ/ĐU."


def test_a_numbered_document_that_does_not_read_follows_the_mode() -> None:
    """BC909: refused in strict mode with its code; held as written in lenient mode."""
    bad = {"citations": ["Kế hoạch 135 ngày 06/3/2018 của Tỉnh ủy"]}
    with pytest.raises(ValueError, match="Kế hoạch 135"):
        Preamble.model_validate(bad)
    with lenient_mode():
        p = Preamble.model_validate(bad)
    assert [d.code for d in deviations(p)] == ["BC909"]
    assert str(p.citations[0]) == "Kế hoạch 135 ngày 06/3/2018 của Tỉnh ủy"


def test_the_seed_keeps_its_citations_parsed(seed_report: object) -> None:
    from baocao.model import ImplementationReport

    assert isinstance(seed_report, ImplementationReport)
    assert all(isinstance(c, Citation) for c in seed_report.preamble.citations)
    assert layout(seed_report).preamble[0].body_text.startswith("Thực hiện Kết luận số 18-KL/TW")
