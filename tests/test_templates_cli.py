"""`baocao templates list|show|check|new`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from baocao.cli import main
from baocao.packs import clear_cache, get_pack
from tests.fixtures.packs.builder import fake_plugin, p, split, standalone_pack


@pytest.fixture(autouse=True)
def _fresh_discovery() -> Iterator[None]:
    """Fake plugins installed by a test are forgotten afterwards."""
    clear_cache()
    yield
    clear_cache()


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["templates", *args])
    return result.exit_code, result.stdout, result.stderr


def test_list_shows_id_title_family_source_and_version() -> None:
    """Each pack is a row: the built-ins with source baocao."""
    code, out, _ = _cli("list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "FAMILY", "SOURCE", "VERSION"]
    dang = next(line for line in lines if line.startswith("dang "))
    pack = get_pack("dang")
    assert pack.title in dang and " dang " in dang and "baocao" in dang
    assert dang.rstrip().endswith(pack.version)


def test_list_names_a_broken_plugin_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plugin that fails to import is listed as skipped, with its package, and the rest shows."""
    fake_plugin(
        tmp_path,
        "baocao-hong",
        {"hong": "pack_hong"},
        modules={"pack_hong": "raise RuntimeError('hỏng')\n"},
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    clear_cache()
    with pytest.warns(UserWarning):
        code, out, err = _cli("list")
    assert code == 0 and "nha-nuoc" in out
    assert "baocao-hong" in err and "RuntimeError: hỏng" in err


def test_list_json_is_machine_readable() -> None:
    """--json prints every pack with its fields."""
    code, out, _ = _cli("list", "--json")
    data = json.loads(out)
    ids = [t["id"] for t in data["templates"]]
    assert code == 0 and {"dang", "nha-nuoc"} <= set(ids)
    assert data["templates"][ids.index("dang")]["family"] == "dang"


def test_show_gives_lineage_search_path_and_where_each_file_comes_from(tmp_path: Path) -> None:
    """A child pack shows its parent, its folders in order, and which pack gives each file."""
    folder = tmp_path / "con"
    folder.mkdir()
    (folder / "baocao-template.yml").write_text(
        "id: con\ntitle: Con\nextends: dang\n", encoding="utf-8"
    )
    (folder / "title.docx").write_bytes(get_pack("dang").find("title.docx").read_bytes())
    code, out, _ = _cli("show", str(folder))
    assert code == 0
    assert "lineage:     con (path) → dang (baocao" in out
    assert f"  1. {folder.resolve()}" in out and f"  2. {get_pack('dang').path}" in out
    rows = {
        line.split()[0]: line
        for line in out.splitlines()
        if line.startswith("  ") and ".docx" in line
    }
    assert "from con" in rows["title.docx"] and "from dang" in rows["body.docx"]


def test_show_unknown_id_is_a_clean_error() -> None:
    """An unknown id lists the known ones and exits 1 without a traceback."""
    code, _, err = _cli("show", "khong-co")
    assert code == 1 and "no template 'khong-co'" in err and "dang" in err


def test_check_reports_every_error_with_its_paragraph_and_fails(tmp_path: Path) -> None:
    """The seeded syntax error, unknown variable and sandbox escape all print; exit 1."""
    folder = standalone_pack(
        tmp_path / "pk",
        p("{{ header.symbol }")
        + p("{{ header.symbl }}")
        + p("{{ cycler.__init__.__globals__ }}")
        + split("{{ header.", "doc_type }}"),
    )
    code, out, _ = _cli("check", str(folder))
    assert code == 1
    assert "main.docx (thu) word/document.xml ¶1: error [split-paragraph]" in out
    assert "¶2: error [unknown-variable] 'header.symbl'" in out
    assert "¶3: error [sandbox]" in out and "¶4: warning [split-runs]" in out
    assert "    ¶ “{{ cycler.__init__.__globals__ }}”" in out
    assert out.rstrip().endswith("FAILED — 3 error(s), 1 warning(s), 1 note(s)")


def test_check_of_an_unknown_pack_fails_cleanly() -> None:
    """An id no pack has is one 'not-found' error naming the known ids; exit 1."""
    code, out, _ = _cli("check", "khong-co")
    assert code == 1 and "error [not-found] no template 'khong-co' (known: dang" in out


def test_check_of_a_builtin_passes() -> None:
    """A clean pack exits 0 with an OK summary."""
    code, out, _ = _cli("check", "nha-nuoc")
    assert code == 0 and "nha-nuoc: OK — 0 error(s)" in out


def test_check_json_lists_issues_with_location(tmp_path: Path) -> None:
    """--json gives each issue's code, severity, file, part, paragraph and text."""
    folder = standalone_pack(tmp_path / "pk", p("{{ header.symbl }}"))
    code, out, _ = _cli("check", str(folder), "--json", "--no-render")
    doc = json.loads(out)  # the shared shape (docs/cli.md); pack issues keep their location
    assert doc["command"] == "templates check" and doc["ok"] is False
    issues = [
        {
            k: i[k]
            for k in ("code", "severity", "file", "part", "paragraph", "text", "tag", "message")
        }
        for i in doc["files"][0]["diagnostics"]
        if i["severity"] == "error"
    ]
    assert code == 1
    assert issues == [
        {
            "code": "unknown-variable",
            "severity": "error",
            "file": "main.docx (thu)",
            "part": "word/document.xml",
            "paragraph": 1,
            "text": "{{ header.symbl }}",
            "tag": "{{ header.symbl }}",
            "message": issues[0]["message"],
        }
    ]


def test_new_writes_the_package_and_refuses_to_overwrite(tmp_path: Path) -> None:
    """`templates new NAME -o DIR` prints the folder; a second run fails cleanly."""
    code, out, _ = _cli("new", "so-noi-vu", "-o", str(tmp_path), "--extends", "nha-nuoc")
    assert code == 0 and out.strip() == str(tmp_path / "baocao-so-noi-vu")
    assert get_pack(tmp_path / "baocao-so-noi-vu" / "src" / "baocao_so_noi_vu").family == "nha_nuoc"
    code, _, err = _cli("new", "so-noi-vu", "-o", str(tmp_path))
    assert code == 1 and "already exists" in err
