"""A report kind defined here, registered through the one registry, works end to end."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import EntryPoint
from typing import Literal

import pytest
from pydantic import Field

import baocao
from baocao.model import (
    AnyReport,
    CheckConfig,
    Document,
    Header,
    Kind,
    NonEmptyText,
    Signer,
    kinds,
    register_kind,
    unregister_kind,
)
from baocao.model import registry as kinds_module


class OpinionSummary(AnyReport):
    """Tổng hợp ý kiến: a header, then the opinions received, one bullet each."""

    kind: Literal["tong_hop_y_kien"]
    header: Header
    opinions: tuple[NonEmptyText, ...] = Field(min_length=1)
    signer: Signer | None = None
    check: CheckConfig = Field(default_factory=CheckConfig)

    def to_document(self) -> Document:
        return Document.model_validate(
            {
                "header": self.header,
                "sections": [
                    {
                        "title": "Ý kiến nhận được",
                        "blocks": [{"type": "bullets", "items": list(self.opinions)}],
                    }
                ],
                "signer": self.signer,
                "check": self.check,
            }
        )


KIND = Kind("tong_hop_y_kien", OpinionSummary, description="tổng hợp ý kiến")

TEXT = """\
kind: tong_hop_y_kien
header:
  family: nha_nuoc
  issuer: {parent: ỦY BAN NHÂN DÂN XÃ ĐÔNG HÒA, name: VĂN PHÒNG}
  number: "{number}"
  place: Đông Hòa
  date: 2025-11-20
  subject: tổng hợp ý kiến góp ý dự thảo quy chế
opinions:
  - Thôn Bắc Sơn đề nghị bổ sung lịch tiếp dân chiều thứ Sáu.
  - Hội Phụ nữ xã thống nhất với dự thảo.
signer: {title: CHÁNH VĂN PHÒNG, name: Lò Thị Mai}
"""


@pytest.fixture
def registered() -> Iterator[Kind]:
    register_kind(KIND)
    yield KIND
    unregister_kind(KIND.name)


def test_a_registered_kind_loads_renders_and_is_checked(registered: Kind) -> None:
    """One registration line: load picks the schema, every output and the checker follow."""
    report = baocao.loads(TEXT.replace("{number}", "07/BC-VP"))
    assert isinstance(report, OpinionSummary)
    text = baocao.render_bytes(report, "txt").decode("utf-8")
    assert "- Thôn Bắc Sơn đề nghị bổ sung lịch tiếp dân chiều thứ Sáu." in text
    assert "Số: 07/BC-VP" in text
    assert baocao.render_bytes(report, "docx")[:2] == b"PK"
    codes = {d.code for d in baocao.check(report)}
    assert "BC801" not in codes  # it has a signer: the checker read the adapted document
    assert baocao.json_schema("tong_hop_y_kien")["title"] == "OpinionSummary"


def test_the_kinds_form_rules_follow_the_mode(registered: Kind) -> None:
    """Strict refuses a spaced number with its code; lenient holds it and reports it."""
    text = TEXT.replace("{number}", "Số : 07 / BC - VP")
    with pytest.raises(baocao.LoadError) as raised:
        baocao.loads(text)
    assert [p.code for p in raised.value.problems] == ["BC901"]
    report = baocao.loads(text, lenient=True)
    assert [d.code for d in baocao.deviations(report)] == ["BC901"]
    assert "BC901" in {d.code for d in baocao.check(report)}


def test_an_unknown_kind_names_the_known_ones() -> None:
    with pytest.raises(baocao.LoadError, match="tong_hop_y_kien"):
        baocao.loads(TEXT.replace("{number}", "07/BC-VP"))
    with pytest.raises(baocao.InputError, match="bao_cao_thuc_hien"):
        baocao.json_schema("tong_hop_y_kien")


def test_a_plugin_registers_its_kind_through_the_entry_point_group(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``[project.entry-points."baocao.kinds"]`` naming a Kind object is read on first use."""
    ep = EntryPoint("tong_hop_y_kien", f"{__name__}:KIND", kinds_module.ENTRY_POINT_GROUP)
    monkeypatch.setattr(
        kinds_module, "entry_points", lambda group: [ep] if group == ep.group else []
    )
    kinds_module._plugins_loaded.cache_clear()
    try:
        assert kinds()["tong_hop_y_kien"] is KIND
        assert isinstance(baocao.loads(TEXT.replace("{number}", "07/BC-VP")), OpinionSummary)
    finally:
        unregister_kind(KIND.name)
        kinds_module._plugins_loaded.cache_clear()


def test_a_broken_plugin_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    ep = EntryPoint("hong", "no_such_module_xyz:KIND", kinds_module.ENTRY_POINT_GROUP)
    monkeypatch.setattr(kinds_module, "entry_points", lambda group: [ep])
    kinds_module._plugins_loaded.cache_clear()
    try:
        with pytest.raises(baocao.InputError, match="hong"):
            kinds()
    finally:
        monkeypatch.undo()
        kinds_module._plugins_loaded.cache_clear()


def test_layout_lines_carry_their_input_location(seed_report: AnyReport) -> None:
    """The implementation report's part I lines point at ``results`` in the input file."""
    lay = baocao.layout(seed_report)
    first = next(ln for ln in lay.body if ln.loc[:2] == ("sections", 0) and ln.role != "heading")
    assert first.source[0] == "results"
    assert first.source[1:] == first.loc[2:]
    assert lay.preamble[0].source == ("preamble",)
    doc_kind = baocao.layout(seed_report.to_document())
    assert all(ln.source == ln.loc for ln in doc_kind.body)
