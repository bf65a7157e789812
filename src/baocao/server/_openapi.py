"""The OpenAPI document: the report's own JSON Schema as the request body, with the seed as example.

The handlers read the raw body (to bound its size and accept YAML too), so
FastAPI cannot infer the body's schema; it is added here from
:func:`baocao.json_schema`, its ``$defs`` moved into ``components``.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from ..loading import json_schema

__all__ = ["report_body", "with_report_schema"]

_REF = "#/components/schemas/Report"


def report_body() -> dict[str, Any]:
    """The ``requestBody`` of an endpoint that takes a report."""
    schema = {"$ref": _REF}
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": schema},
                "application/yaml": {"schema": schema},
            },
        }
    }


@functools.lru_cache(maxsize=1)
def _seed_example() -> Any:
    try:
        from ..testing import example_path

        path = example_path()
    except (ImportError, FileNotFoundError):
        return None
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))  # dates as the ISO text JSON carries


def _components() -> dict[str, Any]:
    schema = json_schema()
    defs = schema.pop("$defs", {})
    schema.pop("$schema", None)
    text = json.dumps({"Report": schema, **defs}).replace('"#/$defs/', '"#/components/schemas/')
    components: dict[str, Any] = json.loads(text)
    return components


def with_report_schema(app: FastAPI) -> None:
    """Make ``app.openapi()`` describe the report body, once, on first request."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
            )
            doc.setdefault("components", {}).setdefault("schemas", {}).update(_components())
            example = _seed_example()
            if example is not None:
                for item in doc["paths"].values():
                    for op in item.values():
                        body = op.get("requestBody", {}).get("content", {})
                        if "application/json" in body:
                            body["application/json"]["example"] = example
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
