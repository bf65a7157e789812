"""Loading YAML/JSON into the model: every error at once, with its path and line."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import yaml

import baocao
from baocao.engines.text import render_text
from baocao.errors import LoadError

from .conftest import EXAMPLES, SEED_YAML


def _seed_data() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))


def test_seed_loads_as_implementation_report() -> None:
    """The seed example is a báo cáo kết quả thực hiện with three parts."""
    r = baocao.load(SEED_YAML)
    assert isinstance(r, baocao.ImplementationReport)
    doc = r.to_document()
    assert [s.title for s in doc.sections] == [
        "Kết quả thực hiện năm 2023",
        "Đánh giá chung",
        "Một số nhiệm vụ và giải pháp năm 2024",
    ]


def test_json_and_yaml_give_the_same_report(tmp_path: Path) -> None:
    """A JSON copy of the seed loads to an equal model."""
    data = _seed_data()
    p = tmp_path / "seed.json"
    p.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    assert baocao.load(p) == baocao.load(SEED_YAML)


def test_nfd_input_gives_identical_output(tmp_path: Path) -> None:
    """The seed typed in decomposed Unicode (NFD) renders exactly like the NFC original."""
    nfd = unicodedata.normalize("NFD", SEED_YAML.read_text(encoding="utf-8"))
    assert nfd != SEED_YAML.read_text(encoding="utf-8")
    p = tmp_path / "nfd.yaml"
    p.write_text(nfd, encoding="utf-8")
    assert render_text(baocao.load(p)) == render_text(baocao.load(SEED_YAML))
    assert baocao.load(p) == baocao.load(SEED_YAML)


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "bad.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def _seed_with(tmp_path: Path, old: str, new: str) -> Path:
    text = SEED_YAML.read_text(encoding="utf-8")
    assert old in text
    return _write(tmp_path, text.replace(old, new, 1))


def test_bad_tally_names_path_line_and_arithmetic(tmp_path: Path) -> None:
    """A tally whose parts miss the total points at it with the sum written out."""
    p = _seed_with(tmp_path, "total: 21", "total: 20")
    with pytest.raises(LoadError) as exc:
        baocao.load(p)
    (prob,) = exc.value.problems
    assert prob.path == "results.sections[4].blocks[0].spans[3]"
    assert prob.message == "3 + 18 ≠ 20"
    line = p.read_text(encoding="utf-8").splitlines()[prob.line - 1]
    assert "type: tally" in line


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    """A misspelled field and a missing one are both reported, each with its line."""
    p = _seed_with(tmp_path, "  place: Minh Sơn", "  plac: Minh Sơn")
    with pytest.raises(LoadError) as exc:
        baocao.load(p)
    paths = {pr.path: pr for pr in exc.value.problems}
    assert set(paths) == {"header.place", "header.plac"}
    assert paths["header.plac"].message.startswith("trường không có trong mẫu")
    assert paths["header.place"].message == "thiếu trường bắt buộc"
    assert paths["header.plac"].line == 12
    assert "header.plac (dòng 12)" in str(exc.value)


def test_bad_citation_shows_text(tmp_path: Path) -> None:
    """An unreadable citation is reported with its own text and position."""
    p = _seed_with(
        tmp_path, '- "Kế hoạch số 135-KH/TU, ngày 06/3/2018', '- "Kế hoạch 135 ngày 06/3/2018'
    )
    with pytest.raises(LoadError) as exc:
        baocao.load(p)
    (prob,) = exc.value.problems
    assert prob.path == "preamble.citations[1]"
    assert "Kế hoạch 135" in prob.message
    assert prob.line == 23


def test_invalid_yaml_reports_line(tmp_path: Path) -> None:
    """Broken YAML syntax is a LoadError with the line, not a parser traceback."""
    p = _write(tmp_path, "kind: document\nheader: [unclosed\n")
    with pytest.raises(LoadError) as exc:
        baocao.load(p)
    assert exc.value.problems[0].line is not None


def test_missing_file_is_a_load_error(tmp_path: Path) -> None:
    """A path that does not exist gives a LoadError naming it."""
    with pytest.raises(LoadError, match=r"nope\.yaml"):
        baocao.load(tmp_path / "nope.yaml")


def test_unknown_kind(tmp_path: Path) -> None:
    """An unknown report kind is named as invalid."""
    p = _write(tmp_path, "kind: bao_cao_la\n")
    with pytest.raises(LoadError) as exc:
        baocao.load(p)
    assert exc.value.problems[0].path == "kind"


def test_json_schema_covers_both_kinds() -> None:
    """The schema knows both report kinds and forbids unknown fields."""
    schema = baocao.json_schema()
    text = json.dumps(schema)
    assert "bao_cao_thuc_hien" in text and "ImplementationReport" in text
    one = baocao.json_schema("bao_cao_thuc_hien")
    assert one["additionalProperties"] is False
    assert "period_year" in one["required"]
    with pytest.raises(baocao.InputError):
        baocao.json_schema("nope")


def test_impossible_unquoted_date_names_field_and_line(tmp_path: Path) -> None:
    """YAML's own date parsing is off: 2025-02-30 reaches the model, which names the field."""
    text = (EXAMPLES / "bao-cao-ubnd-xa.yaml").read_text(encoding="utf-8")
    assert "date: 2025-12-15" in text
    p = _write(tmp_path, text.replace("date: 2025-12-15", "date: 2025-02-30", 1))
    with pytest.raises(LoadError) as exc:
        baocao.load(p)
    (prob,) = exc.value.problems
    assert prob.path == "header.date"
    assert "không có ngày 30/02/2025" in prob.message
    assert "2025-02-30" in p.read_text(encoding="utf-8").splitlines()[prob.line - 1]


def test_unquoted_dates_still_load() -> None:
    """A valid unquoted date is read as text and validated into the same model."""
    r = baocao.load(EXAMPLES / "bao-cao-ubnd-xa.yaml")
    assert (r.header.date.year, r.header.date.month, r.header.date.day) == (2025, 12, 15)


def test_non_utf8_file_is_a_load_error(tmp_path: Path) -> None:
    """A binary or Latin-1 file is refused as not UTF-8, naming the file."""
    p = tmp_path / "latin1.yaml"
    p.write_bytes("kind: document\nplace: Hà Nội\n".encode("latin-1", errors="replace") + b"\xff")
    with pytest.raises(LoadError, match=r"latin1\.yaml: không phải tệp văn bản UTF-8"):
        baocao.load(p)


def test_a_raw_control_character_is_reported_on_its_own_line(tmp_path: Path) -> None:
    """libyaml counts bytes: after Vietnamese text the line must still be the character's."""
    from baocao import load
    from baocao.errors import LoadError

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "kind: document\nheader:\n  family: dang\n  issuer: {name: BAN TỔ CHỨC HUYỆN ỦY}\n"
        '  place: "Minh\x07 Sơn"\n',
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as err:
        load(bad)
    (problem,) = err.value.problems
    assert problem.line == 5 and "U+0007" in problem.message


def test_a_word_file_given_as_a_report_points_at_import(tmp_path: Path) -> None:
    """`validate x.docx` says to import it, instead of asking to re-save it as UTF-8."""
    from baocao import load, render_bytes
    from baocao.errors import LoadError

    docx = tmp_path / "bao-cao.docx"
    docx.write_bytes(
        render_bytes(
            load(Path(__file__).resolve().parent.parent / "examples" / "bao-cao-ubnd-xa.yaml"),
            "docx",
        )
    )
    with pytest.raises(LoadError, match="baocao import") as err:
        load(docx)
    assert err.value.code == "word_file"
