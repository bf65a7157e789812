"""The Diagnostic value: plain-text line and JSON form (baocao.checker.diagnostic)."""

from __future__ import annotations

import json

from baocao import Diagnostic
from baocao.checker import RULES, SEVERITIES

D = Diagnostic(
    code="BC601",
    severity="error",
    path="tasks.items[0]",
    message='viết sai "thực đẩy mạnh"',
    suggestion="đẩy mạnh",
    line=110,
)


def test_text_form_is_one_plain_line() -> None:
    """``FILE:LINE: CODE severity: message (path) → suggestion``."""
    assert D.format("bao-cao.yaml") == (
        'bao-cao.yaml:110: BC601 error: viết sai "thực đẩy mạnh" (tasks.items[0]) → đẩy mạnh'
    )


def test_text_form_leaves_out_missing_parts() -> None:
    """No line, no suggestion, no file: those parts are dropped, the rest stays in order."""
    bare = Diagnostic("BC801", "error", "signer", "báo cáo không có người ký")
    assert bare.format() == "<report>: BC801 error: báo cáo không có người ký (signer)"


def test_json_form_round_trips() -> None:
    """``to_dict`` holds every field and survives JSON with Vietnamese intact."""
    data = json.loads(json.dumps(D.to_dict(), ensure_ascii=False))
    assert Diagnostic(**data) == D


def test_every_rule_has_a_stable_code_and_a_known_severity() -> None:
    """Codes are BC + three digits, unique, and each severity is error, warning or hint."""
    for code, rule in RULES.items():
        assert code == rule.code and len(code) == 5 and code.startswith("BC")
        assert code[2:].isdigit()
        assert rule.severity in SEVERITIES and rule.title
