"""`baocao schema` accepts the project's own files: every example and every starter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from baocao.cli import main
from baocao.cli.init import starter_families, starter_kinds, starter_text
from baocao.loading import json_schema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml")) + sorted((ROOT / "examples").rglob("*.json"))


class _EditorLoader(yaml.SafeLoader):
    """YAML as an editor's schema check sees it: dates stay strings, as in JSON."""


_EditorLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def _reports() -> list[tuple[str, Any]]:
    found = []
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.load(text, _EditorLoader)
        # A report, not a pack manifest nor the roll-up's list of assigned teams
        # (examples/to-huyen/phan-cong.yaml: teams, due date and the summary's header).
        if isinstance(data, dict) and "header" in data and "teams" not in data:
            found.append((str(path.relative_to(ROOT)), data))
    found += [
        (f"starter {k} {f}", yaml.load(starter_text(k, f), _EditorLoader))
        for k in starter_kinds()
        for f in starter_families(k)
    ]
    return found


REPORTS = _reports()


def _errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:120]}"
        for e in validator.iter_errors(data)
    ]


def test_the_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_examples_are_found() -> None:
    assert len([n for n, _d in REPORTS if n.startswith("examples")]) >= 3


@pytest.mark.parametrize(("name", "data"), REPORTS, ids=[n for n, _d in REPORTS])
def test_every_example_and_starter_validates(name: str, data: Any) -> None:
    assert _errors(json_schema(), data) == []


@pytest.mark.parametrize("kind", starter_kinds())
def test_the_kind_schema_accepts_its_starter(kind: str) -> None:
    data = yaml.load(starter_text(kind), _EditorLoader)
    assert _errors(json_schema(kind), data) == []


def test_shorthands_are_strings_or_objects() -> None:
    defs = json_schema()["$defs"]
    for name in ("DocumentSymbol", "Citation", "Paragraph", "Recipient", "IssueDate"):
        kinds = [alt.get("type") for alt in defs[name]["anyOf"]]
        assert "string" in kinds and "object" in kinds, name


def test_a_wrong_field_is_still_refused() -> None:
    data = yaml.load(starter_text("document"), _EditorLoader)
    data["header"]["nmuber"] = "12-BC/BTCHU"
    assert _errors(json_schema(), data)


def test_descriptions_have_no_doctest_lines() -> None:
    text = json.dumps(json_schema(), ensure_ascii=False)
    assert not re.search(r">>> ", text)


def test_schema_command_prints_it() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and json.loads(result.stdout) == json_schema()


def test_fields_carry_the_starters_vietnamese_notes_and_examples() -> None:
    """The tooltip an editor shows is the comment the starter gives that field."""
    defs = json_schema()["$defs"]
    number = defs["Header"]["properties"]["number"]
    assert "số và ký hiệu" in number["description"] and number["examples"]
    for field in ("family", "place", "date", "doc_type", "addressees"):
        assert defs["Header"]["properties"][field].get("description"), field
    described = sum(
        "description" in prop
        for d in defs.values()
        for alt in d.get("anyOf", [d])
        if alt.get("type") == "object"
        for prop in alt.get("properties", {}).values()
    )
    assert described >= 95
