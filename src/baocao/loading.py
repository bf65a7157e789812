"""Reading report files (YAML or JSON) into the model, with errors that point home.

Every validation problem is reported at once with its field path
(``sections[1].blocks[0].spans[3]``) and, for a file, the line it sits on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import core_schema

from .errors import InputError, LoadError, Problem, format_loc
from .i18n import N_, _, language
from .limits import current_limits
from .model import REPORT_ADAPTER, AnyReport, kinds
from .model.forms import FORM_RULES, lenient_mode
from .xmlchars import find_forbidden
from .yamlread import ReportLoader, check_tree, line_of

__all__ = [
    "decode_text",
    "format_path",
    "json_schema",
    "load",
    "load_with_lines",
    "loads",
    "loads_with_lines",
    "validate",
]

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


def _problems(exc: ValidationError, data: Any, lines: dict[Path_, int]) -> list[Problem]:
    out = []
    for err in exc.errors():
        path = _data_path(data, tuple(err["loc"]))
        code = str(err.get("type", ""))
        ctx = err.get("ctx") or {}
        if err.get("type") == "union_tag_invalid":
            path = (*path, _tag_field(data, path))
        elif code in FORM_RULES and ctx.get("field"):
            path = (*path, ctx["field"])
        line = _line_of(path, lines)
        form = code if code in FORM_RULES else None
        message = str(err.get("msg", "")) if form else _message(err)
        out.append(Problem(path, message, line, _code(err)))
    return out


def _data_problems(data: dict[str, Any]) -> list[tuple[Path_, str, str]]:
    """Problems found before validation: nesting beyond the limit, forbidden characters.

    Why first: a report nested 300 sections deep would exhaust Python's stack in
    validation or layout; refused here, it is a message with the path.
    """
    limit = current_limits().nesting
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        path, item = stack.pop()
        if len(path) > limit:
            message = _("lồng sâu hơn {n} cấp (giới hạn BAOCAO_MAX_NESTING)").format(n=limit)
            return [(path, message, "too_deep")]
        if isinstance(item, dict):
            stack.extend(((*path, k), v) for k, v in item.items())
        elif isinstance(item, (list, tuple)):
            stack.extend(((*path, i), v) for i, v in enumerate(item))
    return [(path, message, "forbidden_character") for path, message in find_forbidden(data)]


def _line_of(path: Path_, lines: dict[Path_, int]) -> int | None:
    """The line of ``path``, or of its nearest parent that has one."""
    for n in range(len(path), -1, -1):
        if path[:n] in lines:
            return lines[path[:n]]
    return None


def validate(
    data: Any,
    *,
    source: str | None = None,
    lines: dict[Path_, int] | None = None,
    lenient: bool = False,
) -> AnyReport:
    """Validate plain data (dicts, lists) as a report of any kind.

    ``lenient``: hold deviations from the official form as written (see
    :mod:`baocao.model.forms`) instead of refusing them.
    """
    if isinstance(data, AnyReport):
        return data
    where = f"{source}: " if source else ""
    if not isinstance(data, (dict, BaseModel)):
        raise InputError(
            _("{where}một báo cáo là một mục có các trường (mapping), không phải {kind}").format(
                where=where, kind=type(data).__name__
            )
        )
    bad = [
        Problem(path, message, _line_of(path, lines or {}), code)
        for path, message, code in (_data_problems(data) if isinstance(data, dict) else ())
    ]
    if bad:
        raise InputError(f"{where}dữ liệu báo cáo có {len(bad)} lỗi", bad)
    try:
        with lenient_mode(lenient):
            report: AnyReport = REPORT_ADAPTER.validate_python(data)
            return report
    except ValidationError as exc:
        problems = _problems(exc, data, lines or {})
        where = f"{source}: " if source else ""
        head = _("dữ liệu báo cáo có {n} lỗi").format(n=len(problems))
        raise InputError(where + head, problems) from None


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """The parser's own description of what is wrong, not its context line.

    A character no YAML file may hold (a reader error) is said in the user's
    language with its code point: it is what a clerk pasting from Word meets.
    """
    character = getattr(exc, "character", None)
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(character, int):
        return _(
            "ký tự điều khiển U+{code:04X} không được có trong báo cáo; xóa ký tự này "
            "(thường gặp khi dán từ Word)"
        ).format(code=character)
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    if problem and context:
        return f"{problem} ({context})"
    return str(problem or exc).splitlines()[0]


def _yaml_with_lines(text: str, source: str) -> tuple[Any, dict[Path_, int]]:
    loader = ReportLoader(text)
    try:
        node = loader.get_single_node()
        check_tree(node)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        head = _("{source}: không đọc được YAML").format(source=source)
        problem = Problem((), _yaml_problem(exc), line_of(exc, text), "yaml_syntax")
        raise LoadError(head, [problem]) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}

    def walk(n: Any, path: Path_) -> None:
        lines.setdefault(path, n.start_mark.line + 1)
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                sub = (*path, k.value)
                lines[sub] = k.start_mark.line + 1
                walk(v, sub)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, (*path, i))

    if node is not None:
        walk(node, ())
    return data, lines


def loads_with_lines(
    text: str, *, format: str = "yaml", source: str = "<input>", lenient: bool = False
) -> tuple[AnyReport, dict[Path_, int]]:
    """Like :func:`loads`, also returning each field path's line (YAML only; JSON: empty).

    The checker uses the lines to point a diagnostic at the input file.
    """
    if len(text) > current_limits().input_bytes:
        raise LoadError(
            _("{file}: dữ liệu dài hơn {n} ký tự (giới hạn BAOCAO_MAX_INPUT_BYTES)").format(
                file=source, n=current_limits().input_bytes
            )
        )
    if format == "json":
        try:
            data = json.loads(text)
        except RecursionError:
            raise LoadError(_("{file}: JSON lồng quá sâu").format(file=source)) from None
        except json.JSONDecodeError as exc:
            head = _("{source}: không đọc được JSON").format(source=source)
            raise LoadError(head, [Problem((), exc.msg, exc.lineno, "json_syntax")]) from None
        lines: dict[Path_, int] = {}
    elif format == "yaml":
        data, lines = _yaml_with_lines(text, source)
    else:
        raise LoadError(
            _("{source}: không biết định dạng đầu vào {format!r} (yaml hoặc json)").format(
                source=source, format=format
            ),
            code="unknown_input_format",
        )
    if not isinstance(data, dict):
        raise LoadError(
            _("{source}: tệp báo cáo phải là một mục có các trường ở cấp đầu").format(
                source=source
            ),
            code="not_a_mapping",
        )
    try:
        return validate(data, source=source, lines=lines, lenient=lenient), lines
    except InputError as exc:
        raise LoadError(str(exc).splitlines()[0], exc.problems, code=exc.code) from None


def loads(
    text: str, *, format: str = "yaml", source: str = "<input>", lenient: bool = False
) -> AnyReport:
    """Parse and validate report text; ``format`` is ``yaml`` or ``json``.

    ``lenient=True`` loads a report that deviates from the official form;
    :func:`baocao.deviations` then lists the deviations.
    """
    return loads_with_lines(text, format=format, source=source, lenient=lenient)[0]


def decode_text(raw: bytes, source: str | Path) -> str:
    """UTF-8 (a BOM allowed) or a :class:`LoadError` naming the byte and its line.

    A Word or other binary file gets the advice that fits it: ``baocao import``.
    """
    if raw[:4] == b"PK\x03\x04" or raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise LoadError(
            _(
                "{file}: là tệp Word (.docx/.doc), không phải tệp báo cáo YAML/JSON; "
                "đọc nó bằng: baocao import {file} -o bao-cao.yaml (baocao check đọc thẳng "
                "tệp Word)"
            ).format(file=source),
            code="word_file",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(
            _(
                "{file}: không phải tệp văn bản UTF-8 (byte {offset} là 0x{byte:02x}); "
                "lưu lại tệp với mã hóa UTF-8"
            ).format(file=source, offset=exc.start, byte=raw[exc.start]),
            code="not_utf8",
            line=raw[: exc.start].count(b"\n") + 1,
        ) from None


def load_with_lines(
    path: str | Path, *, lenient: bool = False
) -> tuple[AnyReport, dict[Path_, int]]:
    """Like :func:`load`, also returning ``{field path: line}`` for a YAML file."""
    if not isinstance(path, (str, os.PathLike)):
        raise LoadError(
            _("load() cần đường dẫn tệp (str hoặc Path), không phải {kind}").format(
                kind=type(path).__name__
            )
        )
    p = Path(path)
    limit = current_limits().input_bytes
    try:
        with open(p, "rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as exc:
        raise LoadError(
            _("{file}: không mở được tệp ({reason})").format(file=p, reason=exc.strerror),
            code="file_unreadable",
        ) from None
    except ValueError as exc:  # a NUL in the path
        raise LoadError(_("{file}: không mở được tệp ({why})").format(file=p, why=exc)) from None
    if len(raw) > limit:
        raise LoadError(
            _("{file}: tệp lớn hơn {n} byte (giới hạn BAOCAO_MAX_INPUT_BYTES)").format(
                file=p, n=limit
            )
        )
    text = decode_text(raw, p)
    fmt = "json" if p.suffix.lower() == ".json" else "yaml"
    return loads_with_lines(text, format=fmt, source=str(p), lenient=lenient)


def load(path: str | Path, *, lenient: bool = False) -> AnyReport:
    """Read a ``.yaml``/``.yml`` or ``.json`` report file into the model.

    Strict by default: a deviation from the official form is a load error with
    its code. ``lenient=True`` holds it as written (:func:`baocao.deviations`).
    """
    return load_with_lines(path, lenient=lenient)[0]


def json_schema(kind: str | None = None) -> dict[str, Any]:
    """JSON Schema of the input as written (shorthands included): see :mod:`baocao.schema`."""
    from .schema import input_schema

    return input_schema(kind)
