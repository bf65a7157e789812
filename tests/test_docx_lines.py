"""A line's template data makes its costly fields when read, and is otherwise a plain dict."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest
from docxtpl import RichText

import baocao
from baocao.engines.docx_lines import LINE_FIELDS, LineData
from baocao.layout import Line, Run, layout

from .fixtures.examples import UBND_YAML

WIDTH = 9354


def _rich(runs: tuple[Run, ...]) -> str:
    rt = RichText()
    for run in runs:
        rt.add(run.text, bold=run.bold or None, italic=run.italic or None)
    return str(rt.xml)


def _expected(line: Line) -> dict[str, Any]:
    """Every field, made the long way (docxtpl's RichText.add), for comparison."""
    label = (Run(line.label + " ", line.bold, line.italic),) if line.label else ()
    return {
        "role": line.role,
        "label": line.label,
        "level": line.level,
        "text": line.text,
        "body_text": "".join(r.text for r in line.runs),
        "rich": _rich((*label, *line.runs)),
        "rich_body": _rich(line.runs),
        "bold": line.bold,
        "italic": line.italic,
        "path": line.path,
        "kind": line.kind,
        "indent": line.indent,
        "run_in": line.run_in,
        "printed": [_rich(r) for r in line.printed_lines()] if line.role == "heading" else [],
    }


def _plain(value: Any) -> Any:
    if isinstance(value, RichText):
        return value.xml
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _lines() -> list[Line]:
    lay = layout(baocao.load(UBND_YAML))
    return [*lay.preamble, *lay.body]


def test_every_field_is_what_the_line_holds() -> None:
    lines = _lines()
    assert any(ln.role == "heading" for ln in lines) and any(ln.table for ln in lines)
    for line in lines:
        data = LineData(line, WIDTH)
        expected = _expected(line)
        assert list(data) == list(LINE_FIELDS)
        for key in expected:
            assert _plain(data[key]) == expected[key], (line.path, key)
        assert (data["table"] is None) == (line.table is None)


def test_a_field_is_made_only_when_read() -> None:
    line = next(ln for ln in _lines() if ln.role == "paragraph")
    data = LineData(line, WIDTH)
    assert not dict.__contains__(data, "rich")
    assert data["rich"].xml == _expected(line)["rich"]
    assert dict.__contains__(data, "rich")
    assert not dict.__contains__(data, "rich_body") and not dict.__contains__(data, "path")


def test_a_template_reading_a_field_as_an_attribute_gets_it() -> None:
    from baocao.packs.environment import make_environment

    line = next(ln for ln in _lines() if ln.role == "heading")
    data = LineData(line, WIDTH)
    env = make_environment()
    out = env.from_string("{{ line.path }}|{{ line['body_text'] }}|{{ line|length }}").render(
        line=data
    )
    assert out == f"{line.path}|{line.body_text}|{len(LINE_FIELDS)}"


def test_looking_at_the_whole_sees_every_field() -> None:
    line = _lines()[0]
    assert "text" in LineData(line, WIDTH)
    assert len(LineData(line, WIDTH)) == len(LINE_FIELDS)
    assert sorted(LineData(line, WIDTH).keys()) == sorted(LINE_FIELDS)
    assert dict(LineData(line, WIDTH))["path"] == line.path
    assert {**LineData(line, WIDTH)}["body_text"] == line.body_text
    one, other = LineData(line, WIDTH), LineData(line, WIDTH)
    for shared in ("rich", "rich_body", "printed"):  # RichText compares by identity
        other[shared] = one[shared]
    assert one == other  # the other's unread fields made to compare
    assert copy.copy(one) == one
    assert LineData(line, WIDTH).get("text") == line.text
    copied = copy.deepcopy(LineData(line, WIDTH))
    assert type(copied) is dict and copied["text"] == line.text
    unpickled = pickle.loads(pickle.dumps(LineData(line, WIDTH)))
    assert unpickled["rich"].xml == _expected(line)["rich"]
    no_rich = {k: v for k, v in LineData(line, WIDTH).items() if k not in ("rich", "rich_body")}
    assert json.loads(json.dumps({**no_rich, "printed": []}))["text"] == line.text


def test_a_hook_may_change_and_delete_fields() -> None:
    line = next(ln for ln in _lines() if ln.role == "paragraph")
    data = LineData(line, WIDTH)
    data["text"] = "Đã sửa"
    del data["rich_body"]
    data["extra"] = 1
    assert data["text"] == "Đã sửa"
    with pytest.raises(KeyError):
        data["rich_body"]
    assert "rich_body" not in data and data["extra"] == 1
    assert data.pop("path") == line.path and "path" not in data
