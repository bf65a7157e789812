"""The team-report kind and the roll-up: the seed's figures come from the data."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

import baocao
from baocao.aggregate import load_assignment, load_team_report, load_team_reports
from baocao.aggregate.fill import fill_report
from baocao.errors import InputError, LoadError
from baocao.model.team_report import TeamReport
from baocao.yamlread import ReportLoader

ROOT = Path(__file__).resolve().parent.parent
TEAMS = ROOT / "examples" / "to-huyen"
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"
SEED_TEXT = ROOT / "tests" / "data" / "seed-report.txt"
AS_OF = dt.date(2023, 12, 13)


def _summary(folder: Path = TEAMS, as_of: dt.date = AS_OF) -> baocao.Summary:
    plan = load_assignment(TEAMS / "phan-cong.yaml")
    return baocao.aggregate(
        load_team_reports(folder), expected=plan.teams, as_of=as_of, due=plan.due
    )


def _minimal(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "bao_cao_to_huyen",
        "team": "Tổ huyện số 1",
        "year": 2023,
        "submitted": "2023-12-01",
        "leader": "Lò Văn An",
        "members": [{"name": "Lò Văn An", "role": "Tổ trưởng"}, {"name": "Cầm Thị Bình"}],
        "communes": [{"name": "Xã Tân Lập", "cells": ["Chi bộ bản Nà Sản", "Chi bộ bản Co Muông"]}],
        "attendance": [
            {"member": "Lò Văn An", "cell": "Chi bộ bản Nà Sản", "date": f"2023-{m:02d}-10"}
            for m in (2, 5, 8, 11)
        ],
        "difficulties": [{"text": "Lịch sinh hoạt chưa gửi kịp thời.", "authority": "Đảng ủy xã"}],
        "proposals": [],
    }
    data.update(over)
    return data


# --- the seed's figures -------------------------------------------------------------


def test_examples_reproduce_the_seed_figures() -> None:
    s = _summary()
    assert (len(s.reported), s.expected) == (17, 17)
    d, p = s.difficulty_tally(), s.proposal_tally()
    assert (d.total, [(x.count, x.scope) for x in d.parts]) == (
        21,
        [(3, "thuộc thẩm quyền của Tổ huyện"), (18, "thuộc thẩm quyền của Đảng ủy xã")],
    )
    assert (p.total, [(x.count, x.scope) for x in p.parts]) == (
        14,
        [(5, "thuộc thẩm quyền của Huyện ủy"), (9, "thuộc thẩm quyền của Đảng ủy xã")],
    )
    assert [r.team for r in s.late] == ["Tổ huyện số 12"]
    assert len(s.short_members) >= 2
    assert [(c.team, c.cell) for c in s.unattended_cells] == [
        ("Tổ huyện số 11", "Chi bộ bản Pá Khoang")
    ]


def test_sentence_is_the_seeds_wording() -> None:
    """The I.5 paragraph is the seed's, word for word, but for one comma the seed dropped."""
    seed = SEED_TEXT.read_text(encoding="utf-8")
    want = next(line for line in seed.splitlines() if line.startswith("Tính đến ngày"))
    got = _summary().statistics_paragraph().text
    assert got == want.replace("5 kiến nghị đề xuất", "5 kiến nghị, đề xuất")


def test_shortfall_bullets_are_the_seeds() -> None:
    seed = SEED_TEXT.read_text(encoding="utf-8")
    got = [p.text for p in _summary().shortfall_items()]
    assert len(got) == 2
    for sentence in got:
        assert f"- {sentence}" in seed


def test_removing_a_team_says_16_of_17(tmp_path: Path) -> None:
    folder = tmp_path / "to-huyen"
    shutil.copytree(TEAMS, folder)
    gone = load_team_report(folder / "03-nam-khum.yaml")
    (folder / "03-nam-khum.yaml").unlink()
    s = _summary(folder)
    assert (len(s.reported), s.expected) == (16, 17)
    assert s.missing == ("Tổ huyện số 3",)
    assert s.difficulty_tally().total == 21 - len(gone.difficulties)
    assert "16/17 Tổ huyện" in s.statistics_paragraph().text
    assert "Còn 1 Tổ huyện chưa gửi báo cáo (Tổ huyện số 3)" in s.statistics_paragraph().text


def test_removing_a_difficulty_changes_its_authoritys_count(tmp_path: Path) -> None:
    folder = tmp_path / "to-huyen"
    shutil.copytree(TEAMS, folder)
    path = folder / "01-tan-lap.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=ReportLoader)
    removed = data["difficulties"].pop(0)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    d = _summary(folder).difficulty_tally()
    counts = {x.scope.removeprefix("thuộc thẩm quyền của "): x.count for x in d.parts}
    before = {"Tổ huyện": 3, "Đảng ủy xã": 18}
    before[removed["authority"]] -= 1
    assert d.total == 20
    assert counts == before


def test_report_sent_after_as_of_is_not_counted() -> None:
    s = _summary(as_of=dt.date(2023, 12, 10))
    assert (len(s.reported), s.expected) == (16, 17)
    assert s.missing == ("Tổ huyện số 12",)
    assert s.late == []


def test_no_late_sentence_without_late_teams() -> None:
    plan = load_assignment(TEAMS / "phan-cong.yaml")
    s = baocao.aggregate(load_team_reports(TEAMS), expected=plan.teams, as_of=AS_OF)
    assert s.late == []
    assert [p.text.split(" chưa ")[0] for p in s.shortfall_items()] == [
        "Một số đồng chí thành viên Tổ huyện"
    ]


def test_expected_as_a_number() -> None:
    s = baocao.aggregate(load_team_reports(TEAMS), expected=20, as_of=AS_OF)
    assert s.ratio().sentence() == "17/20 Tổ huyện"
    assert s.missing == ()


def test_unknown_or_repeated_team_is_an_error() -> None:
    one = TeamReport.model_validate(_minimal())
    stranger = TeamReport.model_validate(_minimal(team="Tổ huyện số 99"))
    with pytest.raises(InputError) as err:
        baocao.aggregate([one, one, stranger], expected=["Tổ huyện số 1"], as_of=AS_OF)
    messages = [p.message for p in err.value.problems]
    assert any("có hai báo cáo" in m for m in messages)
    assert any("Tổ huyện số 99" in m for m in messages)


# --- the quarterly rule ---------------------------------------------------------------


def test_quarterly_rule_counts_missed_quarters() -> None:
    r = TeamReport.model_validate(_minimal())
    s = baocao.aggregate([r], expected=1, as_of=AS_OF)
    assert [(m.member, m.missed) for m in s.short_members] == [("Cầm Thị Bình", (1, 2, 3, 4))]
    assert [c.cell for c in s.unattended_cells] == ["Chi bộ bản Co Muông"]


def test_quarterly_rule_respects_joining_and_leaving() -> None:
    members = [
        {"name": "Lò Văn An", "role": "Tổ trưởng"},
        {"name": "Cầm Thị Bình", "left": "2023-06-30"},
        {"name": "Quàng Văn Cường", "joined": "2023-10-02"},
    ]
    attendance = [
        {"member": "Lò Văn An", "cell": "Chi bộ bản Nà Sản", "date": f"2023-{m:02d}-10"}
        for m in (2, 5, 8, 11)
    ] + [
        {"member": "Cầm Thị Bình", "cell": "Chi bộ bản Co Muông", "date": "2023-03-03"},
        {"member": "Cầm Thị Bình", "cell": "Chi bộ bản Co Muông", "date": "2023-04-03"},
    ]
    r = TeamReport.model_validate(_minimal(members=members, attendance=attendance))
    s = baocao.aggregate([r], expected=1, as_of=AS_OF)
    assert [(m.member, m.missed) for m in s.short_members] == [("Quàng Văn Cường", (4,))]


# --- validation ------------------------------------------------------------------------


def _problems(tmp_path: Path, data: dict[str, Any]) -> list[tuple[str, str, int | None]]:
    path = tmp_path / "to.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(LoadError) as err:
        load_team_report(path)
    assert str(path) in str(err.value).splitlines()[0]
    return [(p.path, p.message, p.line) for p in err.value.problems]


def test_errors_name_field_and_line(tmp_path: Path) -> None:
    data = _minimal()
    data["members"].append({"name": "lò văn  an"})
    data["attendance"].append({"member": "Hà Văn Z", "cell": "Chi bộ bản Xa", "date": "2022-12-30"})
    data["difficulties"].append({"text": "Việc khác.", "authority": "Bộ Chính trị"})
    probs = _problems(tmp_path, data)
    paths = {p for p, _, _ in probs}
    assert paths == {
        "members[2].name",
        "attendance[4].member",
        "attendance[4].cell",
        "attendance[4].date",
        "difficulties[1].authority",
    }
    assert all(line is not None for _, _, line in probs)
    text = (tmp_path / "to.yaml").read_text(encoding="utf-8").splitlines()
    by_path = {p: (m, line) for p, m, line in probs}
    assert "Bộ Chính trị" in text[by_path["difficulties[1].authority"][1] - 1]
    assert "thẩm quyền" in by_path["difficulties[1].authority"][0]
    assert "2022-12-30" in by_path["attendance[4].date"][0]


def test_leader_must_be_a_member_and_dates_real(tmp_path: Path) -> None:
    probs = _problems(tmp_path, _minimal(leader="Người Lạ", submitted="2023-02-30"))
    assert {p for p, _, _ in probs} == {"submitted"}  # a bad date stops the cross-checks
    probs = _problems(tmp_path, _minimal(leader="Người Lạ", submitted="2025-01-05"))
    assert {p for p, _, _ in probs} == {"leader", "submitted"}


def test_duplicate_cell_is_an_error(tmp_path: Path) -> None:
    communes = [
        {"name": "Xã Tân Lập", "cells": ["Chi bộ bản Nà Sản"]},
        {"name": "Xã Phúc Sơn", "cells": ["Chi bộ bản Nà Sản"]},
    ]
    probs = _problems(tmp_path, _minimal(communes=communes))
    assert [p for p, _, _ in probs] == ["communes[1].cells[0]"]


def test_text_is_nfc() -> None:
    import unicodedata

    data = _minimal(team=unicodedata.normalize("NFD", "Tổ huyện số 1"))
    assert TeamReport.model_validate(data).team == "Tổ huyện số 1"


def test_every_example_loads_and_is_distinct() -> None:
    reports = load_team_reports(TEAMS)
    assert len(reports) == 17
    assert len({r.team for r in reports}) == 17
    assert len({m.name for r in reports for m in r.members}) == sum(len(r.members) for r in reports)


# --- filling the implementation report -----------------------------------------------------


def _seed_data() -> dict[str, Any]:
    data = yaml.load(SEED.read_text(encoding="utf-8"), Loader=ReportLoader)
    assert isinstance(data, dict)
    return data


def test_filling_the_seed_with_its_own_teams_changes_nothing() -> None:
    data = _seed_data()
    assert fill_report(data, _summary()) == data


def test_filling_with_one_team_missing(tmp_path: Path) -> None:
    folder = tmp_path / "to-huyen"
    shutil.copytree(TEAMS, folder)
    (folder / "12-quai-nua.yaml").unlink()  # the late team
    filled = baocao.validate(fill_report(_seed_data(), _summary(folder)))
    section = filled.results.sections[4].blocks[0]
    assert "16/17 Tổ huyện" in section.text  # type: ignore[union-attr]
    # the seed's own noun for the Huyện ủy part is kept as written
    assert "kiến nghị đề xuất thuộc thẩm quyền của Huyện ủy" in section.text  # type: ignore[union-attr]
    group = filled.assessment.limitations.groups[1]
    items = [p.text for p in group.blocks[0].items]  # type: ignore[union-attr]
    assert len(items) == 1 and items[0].startswith("Một số đồng chí thành viên")


def test_filling_needs_the_statistics_sentence() -> None:
    data = _seed_data()
    data["results"]["sections"][4]["blocks"] = ["Không có số liệu."]
    with pytest.raises(InputError, match="ratio"):
        fill_report(data, _summary())


def test_public_names() -> None:
    assert baocao.aggregate.__module__ == "baocao.aggregate.summary"
    assert re.match(r"\d+/\d+", baocao.Summary.ratio(_summary()).sentence())


# --- the team report as a document (the kind's adapter to the layout) -------------------


def test_team_report_is_a_registered_kind() -> None:
    """``baocao.load`` reads a team report through the kinds registry, header required."""
    from baocao.model import REPORT_KINDS

    assert "bao_cao_to_huyen" in REPORT_KINDS
    report = baocao.load(TEAMS / "11-long-he.yaml")
    assert isinstance(report, TeamReport) and report.kind == "bao_cao_to_huyen"
    assert report.model_dump() == load_team_report(TEAMS / "11-long-he.yaml").model_dump()
    schema = baocao.json_schema("bao_cao_to_huyen")
    assert "header" in schema["required"] and "attendance" in schema["properties"]


def test_registered_kind_requires_the_header_counting_does_not(tmp_path: Path) -> None:
    data = _minimal()
    path = tmp_path / "to.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert load_team_report(path).header is None
    with pytest.raises(LoadError) as err:
        baocao.load(path)
    assert [p.path for p in err.value.problems] == ["header"]


def test_team_report_prints_as_a_document() -> None:
    report = baocao.load(TEAMS / "11-long-he.yaml")
    assert isinstance(report, TeamReport)
    text = " ".join(baocao.render_bytes(report, "txt").decode("utf-8").split())
    cells = len(report.cells)
    assert f"{cells - 1}/{cells} chi bộ được phân công" in text  # Pá Khoang never attended
    assert f"tổng số {len(report.attendance)} lượt" in text
    for d in report.difficulties:
        assert f"{d.text.rstrip('.')} (thuộc thẩm quyền của {d.authority})." in text
    assert "TỔ TRƯỞNG" in text and report.leader in text
    assert list(baocao.check(report)) == []


def test_team_report_without_header_cannot_print() -> None:
    sheet = load_team_report(TEAMS / "17-thi-tran-minh-son.csv")
    with pytest.raises(InputError, match="header"):
        sheet.to_document()
