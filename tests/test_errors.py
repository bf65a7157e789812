"""Errors a program can use: code, loc tuple, line, message; family rules at load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from baocao import load
from baocao.cli import main
from baocao.errors import InputError, LoadError, OutputError, Problem, format_loc, parse_loc

BAD = Path(__file__).parent / "data" / "tuq-party.yaml"


def test_a_party_report_signed_tuq_is_a_load_error_at_the_field_and_line() -> None:
    with pytest.raises(LoadError) as exc:
        load(BAD)
    (problem,) = exc.value.problems
    assert problem.loc == ("signer", "authority")
    assert problem.code == "authority_not_in_family"
    assert problem.line == 16
    assert exc.value.loc == ("signer", "authority") and exc.value.line == 16


def test_the_same_signer_is_fine_in_a_state_report() -> None:
    text = (
        BAD.read_text(encoding="utf-8")
        .replace("family: dang", "family: nha_nuoc")
        .replace("12-BC/BTCHU", "12/BC-UBND")
    )
    state = BAD.parent / "_tuq_state.yaml"
    state.write_text(text, encoding="utf-8")
    try:
        assert load(state).signer is not None
    finally:
        state.unlink()


def test_nested_locations_are_tuples_with_indexes() -> None:
    text = BAD.read_text(encoding="utf-8").replace('blocks: ["Nội dung."]', "blocks: [42]")
    p = BAD.parent / "_nested.yaml"
    p.write_text(text, encoding="utf-8")
    try:
        with pytest.raises(LoadError) as exc:
            load(p)
    finally:
        p.unlink()
    locs = [pr.loc for pr in exc.value.problems]
    assert any(loc[:3] == ("sections", 0, "blocks") and loc[3] == 0 for loc in locs), locs


def test_loc_text_and_tuple_forms_round_trip() -> None:
    loc = ("results", "sections", 4, "blocks", 0)
    assert format_loc(loc) == "results.sections[4].blocks[0]"
    assert parse_loc("results.sections[4].blocks[0]") == loc
    assert Problem("sections[1].title", "x").loc == ("sections", 1, "title")


def test_every_error_has_a_stable_code_and_a_dict_shape() -> None:
    err = InputError("bad", [Problem(("a", 0), "m", 3, "missing")])
    assert err.to_dict() == {
        "code": "invalid_input",
        "message": "bad",
        "loc": ["a", 0],
        "line": 3,
        "problems": [
            {"loc": ["a", 0], "path": "a[0]", "line": 3, "code": "missing", "message": "m"}
        ],
    }
    assert OutputError("x", code="output_locked").code == "output_locked"
    assert OutputError("x").code == "output_error"


def test_render_and_check_report_the_load_error_not_an_internal_error(tmp_path: Path) -> None:
    runner = CliRunner()
    for args in (["render", str(BAD), "-o", str(tmp_path / "x.docx")], ["check", str(BAD)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 1
        assert "signer.authority" in result.output and "nội bộ" not in result.output
    assert not (tmp_path / "x.docx").exists()


def test_validate_json_has_the_documented_shape() -> None:
    result = CliRunner().invoke(main, ["validate", "--json", str(BAD)])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["command"] == "validate" and doc["ok"] is False
    assert doc["summary"] == {"files": 1, "failed": 1, "errors": 1, "warnings": 0}
    (entry,) = doc["files"]
    (d,) = entry["diagnostics"]
    assert d["loc"] == ["signer", "authority"] and d["line"] == 16
    assert d["code"] == "authority_not_in_family" and d["severity"] == "error"
    assert entry["error"]["code"] == "invalid_input"


def test_locked_destination_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Word holding the file open (PermissionError on Windows) names the file."""
    from baocao.atomic import atomic_write

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", refuse)
    with pytest.raises(OutputError) as exc:
        atomic_write(tmp_path / "bao-cao.docx", b"x")
    assert not list(tmp_path.iterdir()), "the temporary file is removed"
    assert exc.value.code == "output_locked" and "bao-cao.docx" in str(exc.value)
