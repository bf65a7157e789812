"""Errors as ``application/problem+json`` (RFC 9457), with field paths as ``loc`` arrays.

A client in any language reads ``status``, a stable ``code`` and, for a report
that does not validate, ``errors``: one entry per problem with ``loc`` (the
field path as a JSON array, ``["results", "sections", 4, "blocks", 0]``),
``code``, ``msg`` and ``line`` (in the YAML body, when it was YAML).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi.responses import JSONResponse

from ..errors import InputError, Problem

__all__ = ["PROBLEM_TYPE", "ServiceProblem", "problem_response", "problems_of"]

PROBLEM_TYPE = "urn:baocao:problem:"
"""Prefix of every problem ``type``; the code follows (``urn:baocao:problem:invalid-report``)."""

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


class ServiceProblem(Exception):
    """An answer other than success, raised anywhere in a handler."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}


def _loc(problem: Problem) -> list[str | int]:
    """The field path as a list, from the problem's own tuple or its dotted form."""
    loc = getattr(problem, "loc", None)
    if loc is not None:
        return list(loc)
    return [name if name else int(index) for name, index in _STEP.findall(problem.path)]


def problems_of(exc: InputError) -> list[dict[str, Any]]:
    """Each problem of ``exc`` as a JSON object with ``loc``, ``code``, ``msg``, ``line``."""
    return [
        {
            "loc": _loc(p),
            "code": getattr(p, "code", None) or "invalid",
            "msg": p.message,
            "line": p.line,
        }
        for p in exc.problems
    ]


def problem_response(problem: ServiceProblem, instance: str) -> JSONResponse:
    """The problem as the response a client receives."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE + problem.code,
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
        "instance": instance,
        "code": problem.code,
    }
    if problem.errors is not None:
        body["errors"] = problem.errors
    return JSONResponse(
        body,
        status_code=problem.status,
        media_type="application/problem+json",
        headers=problem.headers,
    )
