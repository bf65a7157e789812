"""Pydantic's validation errors as the problems a user reads: path, line, code, message.

Why apart from :mod:`baocao.loading`: turning one library's error records into
our messages (in the user's language, pointing at the input as written) is a
job of its own; loading only calls :func:`problems_of`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, get_args

from pydantic import ValidationError
from pydantic_core import core_schema

from .errors import Problem, format_loc
from .i18n import N_, _, language
from .limits import current_limits
from .model import kinds
from .model.forms import FORM_RULES
from .xmlchars import find_forbidden

__all__ = ["Path_", "data_problems", "format_path", "line_in", "problems_of"]

Path_ = tuple[str | int, ...]

_MESSAGES = {
    "missing": N_("thiếu trường bắt buộc"),
    "extra_forbidden": N_("trường không có trong mẫu (gõ sai tên?)"),
    "string_type": N_("phải là chuỗi văn bản"),
    "string_too_short": N_("không được để trống"),
    "int_type": N_("phải là số nguyên"),
    "int_parsing": N_("phải là số nguyên"),
    "int_from_float": N_("phải là số nguyên"),
    "float_type": N_("phải là số"),
    "float_parsing": N_("phải là số"),
    "bool_type": N_("phải là true/false"),
    "bool_parsing": N_("phải là true/false"),
    "list_type": N_("phải là danh sách"),
    "tuple_type": N_("phải là danh sách"),
    "dict_type": N_("phải là một mục có các trường"),
    "model_type": N_("phải là một mục có các trường"),
    "model_attributes_type": N_("phải là một mục có các trường"),
    "too_short": N_("danh sách không được rỗng"),
    "too_long": N_("danh sách quá dài"),
    "literal_error": N_("giá trị không hợp lệ"),
    "enum": N_("giá trị không hợp lệ"),
    "union_tag_invalid": N_("loại (type/kind) không hợp lệ"),
    "union_tag_not_found": N_("thiếu trường chọn loại (type/kind)"),
    "date_type": N_("không phải ngày hợp lệ"),
    "date_from_datetime_parsing": N_("không phải ngày hợp lệ"),
    "date_from_datetime_inexact": N_("không phải ngày hợp lệ"),
    "date_parsing": N_("không phải ngày hợp lệ"),
    "greater_than_equal": N_("giá trị quá nhỏ"),
    "greater_than": N_("giá trị quá nhỏ"),
    "less_than_equal": N_("giá trị quá lớn"),
    "less_than": N_("giá trị quá lớn"),
    "string_pattern_mismatch": N_("không đúng dạng quy định"),
    "finite_number": N_("phải là một số hữu hạn (không phải nan hay inf)"),
    "recursion_loop": N_("lồng nhau quá sâu"),
}
"""Pydantic's error types in the user's language; any other type gets a generic line."""

_BUILTIN_TYPES = frozenset(get_args(core_schema.ErrorType))


def format_path(loc: Iterable[str | int]) -> str:
    """``('sections', 1, 'title')`` → ``sections[1].title``."""
    return format_loc(loc)


_NON_DATA_STEPS = {
    *("span", "tally", "ratio", "paragraph", "bullets", "numbered", "table"),
    *("function-after", "function-before", "function-wrap"),
}


def _data_path(data: Any, loc: tuple[str | int, ...]) -> Path_:
    """Drop union tags and other non-data steps from a Pydantic error location."""
    path: list[str | int] = []
    cur = data
    for part in loc:
        in_dict = isinstance(cur, dict) and part in cur
        in_list = isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur)
        if in_dict or in_list:
            path.append(part)
            cur = cur[part]
        elif isinstance(cur, (dict, list)) or cur is None:
            if part in _NON_DATA_STEPS or (not path and part in kinds()):
                continue
            path.append(part)
            cur = None
    return tuple(path)


def _tag_field(data: Any, path: Path_) -> str:
    """The field that chose the union member (``kind`` for reports, ``type`` for blocks)."""
    cur = data
    for part in path:
        cur = cur[part]
    return "kind" if isinstance(cur, dict) and "kind" in cur else "type"


def _message(err: Any) -> str:
    """Pydantic's message in the user's language; our own validators' as raised."""
    msg = str(err.get("msg", ""))
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind not in _MESSAGES:
        # A custom error (PydanticCustomError) is written through _() already;
        # any other built-in type must not leak English into a Vietnamese run.
        if kind in _BUILTIN_TYPES and language() != "en":
            return _("giá trị không hợp lệ (mã {code})").format(code=kind)
        return msg
    text = _(_MESSAGES[kind])
    if kind == "literal_error":
        return _("{text}: cần một trong {expected}").format(
            text=text, expected=ctx.get("expected", "")
        )
    if kind == "union_tag_invalid":
        return _("{text} {tag!r}; cần một trong: {expected}").format(
            text=text, tag=ctx.get("tag", ""), expected=ctx.get("expected_tags", "")
        )
    return text


def _code(err: Any) -> str:
    """The stable code of one problem: Pydantic's error type, or a custom error's own."""
    return str(err.get("type", "invalid"))


def problems_of(exc: ValidationError, data: Any, lines: dict[Path_, int]) -> list[Problem]:
    out = []
    for err in exc.errors():
        path = _data_path(data, tuple(err["loc"]))
        code = str(err.get("type", ""))
        ctx = err.get("ctx") or {}
        if err.get("type") == "union_tag_invalid":
            path = (*path, _tag_field(data, path))
        elif code in FORM_RULES and ctx.get("field"):
            path = (*path, ctx["field"])
        line = line_in(path, lines)
        form = code if code in FORM_RULES else None
        message = str(err.get("msg", "")) if form else _message(err)
        out.append(Problem(path, message, line, _code(err)))
    return out


def data_problems(data: dict[str, Any]) -> list[tuple[Path_, str, str]]:
    """Problems found before validation: nesting beyond the limit, forbidden characters.

    Why first: a report nested 300 sections deep would exhaust Python's stack in
    validation or layout; refused here, it is a message with the path.
    """
    found: list[tuple[Path_, str, str]] = []
    limit = current_limits().nesting
    for path, message in find_forbidden(data, deeper_than=limit):
        if message is None:
            message = _("lồng sâu hơn {n} cấp (giới hạn BAOCAO_MAX_NESTING)").format(n=limit)
            return [(path, message, "too_deep")]
        found.append((path, message, "forbidden_character"))
    return found


def line_in(path: Path_, lines: dict[Path_, int]) -> int | None:
    """The line of ``path``, or of its nearest parent that has one."""
    for n in range(len(path), -1, -1):
        if path[:n] in lines:
            return lines[path[:n]]
    return None


