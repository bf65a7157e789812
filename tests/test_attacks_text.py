"""Attack suite, classes 2 and 3: user text comes out exactly as typed, or is refused.

Forbidden XML characters are refused at load, naming the field and line; no
repair pass may drop text; docxtpl's escape marks and Jinja's tag marks in
user data come out as typed in every output.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

import baocao
from baocao.engines.docx import render_docx_bytes
from baocao.errors import InputError, LoadError, TemplateRenderError
from tests.conftest import EXAMPLES

STATE = EXAMPLES / "bao-cao-ubnd-xa.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _data() -> dict[str, Any]:
    return yaml.safe_load(STATE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _docx_text(data: bytes) -> str:
    """Every paragraph's text, one per line, as Word reads it (after XML parsing)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    lines = []
    for p in root.iter(f"{W}p"):
        parts = []
        for el in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
            parts.append(
                el.text or "" if el.tag == f"{W}t" else ("\t" if el.tag == f"{W}tab" else "\n")
            )
        lines.append("".join(parts))
    return "\n".join(lines)


FORBIDDEN = ["\x01", "\x00", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe", "\uffff", "\ud800"]


@pytest.mark.parametrize("char", FORBIDDEN)
def test_forbidden_characters_are_refused_with_field_and_line(tmp_path: Path, char: str) -> None:
    """Written as a YAML escape in a quoted string (raw, YAML's reader refuses them itself)."""
    escape = f"\\u{ord(char):04x}"
    text = STATE.read_text(encoding="utf-8").replace("Ngay sau khi", f"Ngay sau{escape}khi")
    source = tmp_path / "r.yaml"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        baocao.load(source)
    message = str(caught.value)
    if char != "\ud800":  # libyaml refuses a lone surrogate escape itself, with the line
        assert "sections[0].blocks[0]" in message and f"U+{ord(char):04X}" in message
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "Ngay sau" in t)
    assert f"dòng {line}" in message


def test_json_route_refuses_a_lone_surrogate() -> None:
    data = _data()
    data["sections"][0]["blocks"][0] = "a\ud800b"
    with pytest.raises(InputError, match="U\\+D800"):
        baocao.validate(data)
    with pytest.raises(LoadError, match="U\\+D800"):
        import json

        baocao.loads(json.dumps(data, default=str), format="json")


@pytest.mark.parametrize("char", ["\x01", "\x1f"])
def test_raw_control_characters_in_yaml_get_their_line(tmp_path: Path, char: str) -> None:
    text = STATE.read_text(encoding="utf-8").replace("Ngay sau khi", f"Ngay sau{char}khi")
    source = tmp_path / "r.yaml"
    source.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.split("\n"), 1) if "Ngay sau" in t)
    with pytest.raises(LoadError, match=f"dòng {line}"):
        baocao.load(source)


@pytest.mark.parametrize(
    "where",
    [
        ("header", "subject"),
        ("header", "issuer", "parent"),
        ("header", "addressees", 0),
        ("sections", 0, "title"),
        ("sections", 0, "blocks", 1, "spans", 1, "text"),
        ("sections", 1, "sections", 1, "blocks", 1, "rows", 0, 1),
    ],
)
def test_forbidden_character_anywhere_is_refused(where: tuple[Any, ...]) -> None:
    data = _data()
    cur: Any = data
    for step in where[:-1]:
        cur = cur[step]
    cur[where[-1]] = "a\x01b"
    with pytest.raises(InputError, match="U\\+0001"):
        baocao.validate(data)


def test_a_rendered_body_with_a_forbidden_character_is_an_error_not_lost_text() -> None:
    """A template or hook that prints one: strict parse fails; nothing is silently dropped."""
    from tests.fixtures.engines.docx_templates import simple_template

    template = simple_template(["{{ a }}", "Sở Kế hoạch & Đầu tư <x>"])
    with pytest.raises(TemplateRenderError, match="not valid XML"):
        render_docx_bytes(template, {"a": "x\x01y"})


MARKS = [
    "a {_{ b }_} c",
    "{_% if x %_} y",
    "{{ 7*7 }}",
    "{% if true %}x{% endif %}",
    "{# chú thích #}",
    "%} }} #} {_ _} {_} __ _{_}_",
    "Sở Kế hoạch & Đầu tư <b> \"quoted\" 'single' &amp; &#95;",
    "{{r x }} {%p if %} {%tr for %}",
]


@pytest.mark.parametrize("payload", MARKS)
@pytest.mark.parametrize("fmt", ["docx", "txt", "md", "html"])
def test_marks_come_out_as_typed(payload: str, fmt: str) -> None:
    data = _data()
    data["sections"][0]["blocks"][0] = payload
    data["sections"][0]["title"] = f"Tiêu đề {payload}"
    data["sections"][1]["sections"][1]["blocks"][1]["rows"][0][1] = payload
    data["header"]["addressees"] = [payload]
    out = baocao.render_bytes(data, fmt)
    if fmt == "docx":
        text = _docx_text(out)
        assert payload in text.split("\n")
        assert f"Kính gửi: {payload}" in text or payload in text
        assert text.count(payload) >= 3
    elif fmt == "html":
        import html

        assert html.unescape(out.decode("utf-8")).count(payload) >= 3
    elif fmt == "md":
        assert out.decode("utf-8").count(payload) >= 1 or "\\" in out.decode("utf-8")
    else:
        assert out.decode("utf-8").count(payload) >= 3


def test_one_ampersand_after_another_paragraph_survives() -> None:
    """The original report: text after a strange character keeps its & < >."""
    data = _data()
    data["sections"][0]["blocks"][0] = "Ký tự lạ \u0085\u2028\u00a0\u200b\u202e đây"
    data["sections"][1]["blocks" if "blocks" in data["sections"][1] else "title"] = (
        data["sections"][1].get("blocks") or "Sở Kế hoạch & Đầu tư <x>"
    )
    data["header"]["addressees"] = ["Sở Kế hoạch & Đầu tư <tỉnh>"]
    text = _docx_text(baocao.render_bytes(data, "docx"))
    assert "Sở Kế hoạch & Đầu tư <tỉnh>" in text
    assert "Ký tự lạ \u0085\u2028\u00a0\u200b\u202e đây" in text


def test_nel_does_not_split_the_subject() -> None:
    data = _data()
    data["header"]["subject"] = "Kết quả\u0085công tác năm 2025"
    report = baocao.validate(data)
    for fmt in ("docx", "txt", "html"):
        out = baocao.render_bytes(report, fmt)
        text = _docx_text(out) if fmt == "docx" else out.decode("utf-8")
        assert "Kết quả\u0085công tác năm 2025" in text, fmt


def test_html_output_never_holds_a_raw_nul() -> None:
    data = _data()
    data["sections"][0]["blocks"][0] = "a\x00b"
    with pytest.raises(InputError):
        baocao.render_bytes(data, "html")


def test_docx_is_identical_for_text_without_marks() -> None:
    """keep_marks leaves every other value alone: the seed renders as before, byte for byte."""
    data = _data()
    first = baocao.render_bytes(data, "docx")
    assert "&#95;" not in zipfile.ZipFile(io.BytesIO(first)).read("word/document.xml").decode()
    assert baocao.render_bytes(copy.deepcopy(data), "docx") == first


def test_core_properties_are_text_not_escaped_xml() -> None:
    from docx import Document

    from tests.fixtures.engines.docx_templates import simple_template

    template = simple_template(["{{ a }}"], title="{{ a }}")
    out = render_docx_bytes(template, {"a": "Sở KH & ĐT {_{ x }_}"})
    assert Document(io.BytesIO(out)).core_properties.title == "Sở KH & ĐT {_{ x }_}"
    assert re.search(
        "Sở KH &amp; ĐT", zipfile.ZipFile(io.BytesIO(out)).read("docProps/core.xml").decode()
    )
