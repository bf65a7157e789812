"""One language policy: Vietnamese by default, English by locale or --lang, via catalogs."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.extract import extract_from_dir
from click.testing import CliRunner

from baocao.cli import main
from baocao.i18n import LOCALE_DIR, _, language, set_language
from baocao.loading import loads

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "data" / "tuq-party.yaml"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _source_msgids() -> set[str]:
    found = {
        msg
        for _f, _l, msg, _c, _x in extract_from_dir(
            str(ROOT / "src" / "baocao"),
            method_map=[("**.py", "python")],
            keywords={"_": None, "N_": None},
        )
        if isinstance(msg, str)
    }
    return found | _tool().help_texts()


def test_every_message_has_an_english_translation() -> None:
    """A new _() message or help text without an entry fails: run tools/i18n.py update."""
    tool = _tool()
    from babel.messages.pofile import read_po

    with (LOCALE_DIR / "en" / "LC_MESSAGES" / "baocao.po").open("rb") as f:
        catalog = read_po(f)
    translated = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
    missing = sorted(_source_msgids() - translated)
    assert not missing, f"untranslated (run `python tools/i18n.py update`): {missing[:10]}"
    assert not tool.missing()


def test_compiled_catalog_is_current() -> None:
    """The committed .mo is what the .po compiles to (the wheel ships the .mo)."""
    mo = LOCALE_DIR / "en" / "LC_MESSAGES" / "baocao.mo"
    assert mo.read_bytes() == _tool().compiled("en"), "run `python tools/i18n.py compile`"


def test_no_fstring_inside_the_marker() -> None:
    """_(f"…") cannot be extracted: the catalog would never see the message."""
    for path in (ROOT / "src" / "baocao").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "N_"):
                assert all(not isinstance(a, ast.JoinedStr) for a in node.args), path


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "en_GB"}, "en"),
        ({"LANGUAGE": "en:vi", "LANG": "vi_VN"}, "en"),
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "C.UTF-8"}, "vi"),
        ({}, "vi"),
    ],
)
def test_language_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for var in ("BAOCAO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert language() == expected


def test_set_language_switches_messages() -> None:
    try:
        set_language("en")
        assert _("thiếu trường bắt buộc") == "required field missing"
        set_language("vi")
        assert _("thiếu trường bắt buộc") == "thiếu trường bắt buộc"
    finally:
        set_language(None)


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LANGUAGE")}
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**clean, "PYTHONIOENCODING": "utf-8", **env},
        check=False,
    )


def test_validate_speaks_the_locale() -> None:
    """The issue's case: LANG=en_US.UTF-8 prints English; the default prints Vietnamese."""
    english = _run("validate", str(BAD), LANG="en_US.UTF-8")
    assert english.returncode == 1
    assert "line 16" in english.stderr and "has no signing form TUQ" in english.stderr
    vietnamese = _run("validate", str(BAD))
    assert "dòng 16" in vietnamese.stderr and "không có hình thức ký TUQ" in vietnamese.stderr


def test_lang_option_beats_the_environment() -> None:
    result = _run("--lang", "en", "validate", str(BAD), LANG="vi_VN.UTF-8")
    assert "a Party document has no signing form TUQ" in result.stderr


def test_click_usage_errors_and_help_are_translated() -> None:
    runner = CliRunner()
    try:
        vi = runner.invoke(main, ["--lang", "vi", "validate"])
        assert vi.exit_code == 2 and "Thiếu đối số" in vi.output and "Cách dùng:" in vi.output
        en = runner.invoke(main, ["--lang", "en", "render", "--help"])
        assert "Usage:" in en.output and "Examples:" in en.output
        assert "Overwrite OUTPUT if it exists." in en.output
    finally:
        set_language(None)


def test_pydantic_messages_do_not_leak_english() -> None:
    """A built-in Pydantic error without a table entry still reads Vietnamese."""
    text = BAD.read_text(encoding="utf-8").replace("family: dang", "family: [1, 2]")
    with pytest.raises(Exception) as exc:
        loads(text)
    message = str(exc.value)
    assert "Input should" not in message and "family" in message


def test_a_console_without_utf8_does_not_crash() -> None:
    """Windows, output redirected with code page 1252: '?' replaces what cannot print."""
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "validate", str(BAD)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
        check=False,
    )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and b"UnicodeEncodeError" not in result.stderr
    assert b"signer.authority" in result.stderr
