"""``--json``: one shape for every command that reports (docs/cli.md, "Machine output").

::

    {"command": "check", "ok": false,
     "summary": {"files": 2, "failed": 1, "errors": 3, "warnings": 1},
     "files": [{"file": "a.yaml", "ok": false, "error": null,
                "diagnostics": [{"code": "BC101", "severity": "error",
                                 "message": "…", "loc": ["header", "number"],
                                 "path": "header.number", "line": 7,
                                 "suggestion": null, "text": "12-KH/ĐU"}],
                "outputs": []}]}

``error`` is set when the file could not be used at all (it did not load, a
render failed): ``{"code", "message", "loc", "line", "problems"}``, and each
problem is also listed as an ``error`` diagnostic.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import BaocaoError, InputError, Problem, parse_loc

__all__ = ["diagnostic", "emit", "error_entry", "file_entry", "problem_diagnostic"]


def diagnostic(
    code: str,
    severity: str,
    message: str,
    path: str = "",
    line: int | None = None,
    suggestion: str | None = None,
    text: str | None = None,
) -> dict[str, Any]:
    """One finding, whichever command found it; ``text``: the exact words it is about."""
    return {
        "code": code,
        "severity": severity,
        "message": message,
        "loc": list(parse_loc(path)),
        "path": path,
        "line": line,
        "suggestion": suggestion,
        "text": text,
    }


def problem_diagnostic(p: Problem) -> dict[str, Any]:
    return diagnostic(p.code, "error", p.message, p.path, p.line)


def file_entry(
    file: str | Path,
    diagnostics: Sequence[dict[str, Any]] = (),
    outputs: Iterable[str | Path] = (),
    error: dict[str, Any] | None = None,
) -> dict[str, Any]:
    ok = error is None and not any(d["severity"] == "error" for d in diagnostics)
    return {
        "file": str(file),
        "ok": ok,
        "error": error,
        "diagnostics": list(diagnostics),
        "outputs": [str(o) for o in outputs],
    }


def error_entry(file: str | Path, exc: BaocaoError) -> dict[str, Any]:
    """A file that could not be used: the error, and its problems as diagnostics."""
    problems = exc.problems if isinstance(exc, InputError) else []
    found = [problem_diagnostic(p) for p in problems]
    if not found:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        found = [diagnostic(exc.code, "error", message, "", exc.line)]
    return file_entry(file, found, error=exc.to_dict())


def emit(command: str, files: Sequence[dict[str, Any]]) -> None:
    """Print the document on stdout."""
    severities = [d["severity"] for f in files for d in f["diagnostics"]]
    doc = {
        "command": command,
        "ok": all(f["ok"] for f in files),
        "summary": {
            "files": len(files),
            "failed": sum(not f["ok"] for f in files),
            "errors": severities.count("error"),
            "warnings": severities.count("warning"),
        },
        "files": list(files),
    }
    click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
