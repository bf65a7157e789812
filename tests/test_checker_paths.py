"""Mapping generic-document paths back to the input file (baocao.checker.paths)."""

from __future__ import annotations

import pytest

from baocao import check, load
from baocao.checker.paths import input_loc, line_of
from baocao.model import ImplementationReport

from .fixtures.checker.factory import SEED, report, seed_data, seed_variant


@pytest.fixture(scope="module")
def seed() -> ImplementationReport:
    """The seed, an ImplementationReport whose input paths differ from its document's."""
    result = load(SEED)
    assert isinstance(result, ImplementationReport)
    return result


@pytest.mark.parametrize(
    ("generic", "expected"),
    [
        (("sections", 0, "title"), ("results", "title")),
        (("sections", 0, "sections", 4, "blocks", 0), ("results", "sections", 4, "blocks", 0)),
        (("sections", 1, "title"), ("assessment", "title")),
        (("sections", 1, "sections", 0, "blocks", 1), ("assessment", "strengths", "blocks", 1)),
        (("sections", 1, "sections", 1, "title"), ("assessment", "limitations", "title")),
        (
            ("sections", 1, "sections", 1, "sections", 1, "title"),
            ("assessment", "limitations", "groups", 1, "concerning"),
        ),
        (
            ("sections", 1, "sections", 1, "sections", 0, "blocks", 0, "items", 2),
            ("assessment", "limitations", "groups", 0, "blocks", 0, "items", 2),
        ),
        (
            ("sections", 1, "sections", 1, "sections", 2, "blocks", 0, "items", 5),
            ("assessment", "causes", "blocks", 0, "items", 5),
        ),
        (("sections", 2, "blocks", 0), ("tasks", "blocks", 0)),
        (("sections", 2, "blocks", 1, "items", 3), ("tasks", "items", 3)),
        (("closing",), ("closing",)),
        (("header", "subject"), ("header", "subject")),
    ],
)
def test_implementation_report_paths_map_to_the_input(
    seed: ImplementationReport, generic: tuple[str | int, ...], expected: tuple[str | int, ...]
) -> None:
    """Each part of the generic tree points back at the field the user wrote."""
    assert input_loc(seed, generic) == expected


def test_causes_as_part_three_of_the_assessment() -> None:
    """With ``causes_under_limitations: false`` causes are ``sections[1].sections[2]``."""
    data = seed_data()["assessment"]
    data["causes_under_limitations"] = False
    rep = seed_variant(assessment=data)
    causes = input_loc(rep, ("sections", 1, "sections", 2, "title"))
    assert causes == ("assessment", "causes", "title")


def test_preamble_offsets_point_at_lead_citation_or_conclusion(seed: ImplementationReport) -> None:
    """The one preamble paragraph splits back into its lead, citations and conclusion."""
    text = seed.preamble.paragraph().text
    where = {
        "Thực hiện": ("preamble", "lead"),
        "Kế hoạch số 135-KH/TU": ("preamble", "citations", 1),
        "Công văn số 1027": ("preamble", "citations", 5),
        "Ban Tổ chức Huyện ủy báo cáo": ("preamble", "conclusion"),
    }
    for words, expected in where.items():
        assert input_loc(seed, ("preamble", 0), text=text, offset=text.index(words)) == expected


def test_multi_span_paragraphs_point_at_the_span() -> None:
    """An offset inside the second span of a three-span paragraph gives ``spans[1]``."""
    tally = {"type": "tally", "total": 3, "noun": "xã"}
    rep = report({"spans": ["Có ", "18/17 Tổ huyện gửi báo cáo, ", tally, "."]})
    [d] = [d for d in check(rep) if d.code == "BC403"]
    assert d.path == "sections[0].blocks[0].spans[1]"


def test_line_of_falls_back_to_the_nearest_recorded_ancestor() -> None:
    """A path the file does not spell out gets its parent's line."""
    lines = {("results",): 29, ("results", "sections", 0): 31}
    assert line_of(lines, ("results", "sections", 0, "blocks", 3)) == 31
    assert line_of(lines, ("results", "title")) == 29
    assert line_of(lines, ("closing",)) is None
