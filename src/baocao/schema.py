"""The JSON Schema of report files as people write them, for editors and form builders.

Pydantic describes each model as an object, but many models also accept a
shorthand (a document symbol ``"12-BC/BTCHU"``, a date ``"2025-12-__"``, a
citation, a paragraph or a recipient written as one string). Which models do
is found by asking them, not listed by hand, so a shorthand added later shows
up in the schema by itself; tests/test_schema.py validates every example and
starter against the result.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import InputError
from .i18n import _
from .model import REPORT_ADAPTER, kinds
from .model.types import Model

__all__ = ["input_schema", "shorthand_forms"]

_SHAPE_ERRORS = {"model_type", "model_attributes_type", "dict_type"}
_SAMPLES: dict[str, tuple[Any, dict[str, Any]]] = {
    "string": ("x", {"type": "string"}),
    "lines": (["x"], {"type": "array", "items": {"type": "string"}}),
}


def _models(root: type[BaseModel] = Model) -> Iterator[type[BaseModel]]:
    for sub in root.__subclasses__():
        yield sub
        yield from _models(sub)


def _accepts(cls: type[BaseModel], sample: Any) -> bool:
    """Whether the model reads ``sample``'s shape at all (a bad value still counts)."""
    try:
        cls.model_validate(sample)
    except ValidationError as exc:
        return not any(e["type"] in _SHAPE_ERRORS and not e["loc"] for e in exc.errors())
    except (ValueError, TypeError, NotImplementedError):
        return False
    return True


@cache
def shorthand_forms() -> dict[str, tuple[str, ...]]:
    """Model name → the shorthand shapes it accepts besides an object (``string``, ``lines``)."""
    out: dict[str, tuple[str, ...]] = {}
    for cls in _models():
        forms = tuple(name for name, (sample, _s) in _SAMPLES.items() if _accepts(cls, sample))
        if forms:
            out[cls.__name__] = forms
    return out


def _widen(schema: dict[str, Any], forms: tuple[str, ...]) -> dict[str, Any]:
    """``{object}`` → ``{anyOf: [string…, object]}``, title and description kept on top."""
    head: dict[str, Any] = {
        k: schema.pop(k) for k in ("title", "description", "examples") if k in schema
    }
    return {**head, "anyOf": [*(dict(_SAMPLES[f][1]) for f in forms), schema]}


def _object(schema: dict[str, Any]) -> dict[str, Any]:
    """The object alternative of a (possibly widened) model schema."""
    alts: list[dict[str, Any]] = schema.get("anyOf", [schema])
    return next((alt for alt in alts if alt.get("type") == "object"), schema)


def _string_items(prop: dict[str, Any]) -> None:
    """A list whose items may also be written as plain strings."""
    prop["items"] = {"anyOf": [{"type": "string"}, prop["items"]]}


def _flat_row(prop: dict[str, Any]) -> None:
    """``header: [A, B]``, one row written flat, besides a list of rows."""
    row = prop["items"]
    prop["items"] = {"anyOf": [row, *row["items"].get("anyOf", [row["items"]])]}


_FIELD_FORMS = {
    ("Paragraph", "spans"): _string_items,  # _paragraph_data: a span as its text
    ("ListItem", "spans"): _string_items,
    ("Table", "header"): _flat_row,  # Table._flat_header
    ("Issuer", "lines"): _string_items,  # Issuer._from_lines: a line as its text
}
"""Shorthands a parent model reads in one of its fields (its before-validator)."""


def _one_of_fields(obj: dict[str, Any], *names: str) -> None:
    """Any one of ``names`` is enough (the before-validator fills the others)."""
    obj["required"] = [r for r in obj.get("required", []) if r not in names]
    obj["anyOf"] = [{"required": [n]} for n in names]


def _text_for_spans(obj: dict[str, Any]) -> None:
    """``{text: …}`` is one plain span (_paragraph_data)."""
    obj["properties"]["text"] = {
        "type": "string",
        "description": "Viết tắt cho một đoạn chữ thường (thay cho spans).",
    }
    _one_of_fields(obj, "spans", "text")


def _pattern_for_fields(obj: dict[str, Any]) -> None:
    """``{pattern: "a)", bold: true}``: the label pattern read into the style (_from_pattern)."""
    obj["properties"]["pattern"] = {
        "type": "string",
        "description": "Mẫu nhãn như I-, 1., a), -: thay cho format, suffix, upper.",
        "examples": ["I-", "1.", "a)", "-"],
    }
    obj.pop("required", None)


def _lines_for_name(obj: dict[str, Any]) -> None:
    """``lines`` alone: ``name`` is taken from the bold line (Issuer._from_lines)."""
    _one_of_fields(obj, "name", "lines")


_OBJECT_FORMS = {
    "Paragraph": _text_for_spans,
    "ListItem": _text_for_spans,
    "LevelStyle": _pattern_for_fields,
    "Issuer": _lines_for_name,
}
"""Other field names an object may be written with, read by its model's before-validator."""


def _levels_as_list(defs: dict[str, Any]) -> None:
    """``numbering: ["I-", "1.", {pattern: "a)"}]``: the list of level styles itself."""
    scheme = defs.get("NumberingScheme")
    if scheme is None:
        return
    levels = _object(scheme)["properties"]["levels"]
    for alt in scheme.get("anyOf", []):
        if alt.get("type") == "array":
            alt["items"] = levels["items"]


def _clean(node: Any) -> None:
    """Descriptions for an editor's tooltip: no doctest lines, no reST double backquotes."""
    if isinstance(node, dict):
        text = node.get("description")
        if isinstance(text, str):
            kept = []
            for line in text.splitlines():
                if line.lstrip().startswith(">>>"):
                    break
                kept.append(line)
            node["description"] = "\n".join(kept).strip().replace("``", "`")
        for value in node.values():
            _clean(value)
    elif isinstance(node, list):
        for value in node:
            _clean(value)


def input_schema(kind: str | None = None) -> dict[str, Any]:
    """JSON Schema of the input: every kind, or one (``document``, ``bao_cao_thuc_hien``)."""
    if kind is None:
        schema = REPORT_ADAPTER.json_schema()
    elif kind in kinds():
        schema = kinds()[kind].schema.model_json_schema()
    else:
        raise InputError(
            _("không có loại báo cáo {kind!r}; có: {known}").format(
                kind=kind, known=", ".join(sorted(kinds()))
            ),
            code="unknown_kind",
        )
    defs = schema.get("$defs", {})
    for name, forms in shorthand_forms().items():
        if name in defs:
            defs[name] = _widen(defs[name], forms)
    for (model, field), widen in _FIELD_FORMS.items():
        if model in defs:
            widen(_object(defs[model])["properties"][field])
    for model, patch in _OBJECT_FORMS.items():
        if model in defs:
            patch(_object(defs[model]))
    _levels_as_list(defs)
    _clean(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", "baocao report")
    return schema
