"""Reading report files (YAML or JSON) into the model, with errors that point home.

Every validation problem is reported at once with its field path
(``sections[1].blocks[0].spans[3]``) and, for a file, the line it sits on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import InputError, LoadError, Problem
from .i18n import _
from .limits import current_limits
from .model import REPORT_ADAPTER, REPORT_KINDS, Document, ImplementationReport
from .xmlchars import find_forbidden
from .yamlread import ReportLoader, check_tree, line_of

__all__ = [
    "format_path",
    "json_schema",
    "load",
    "load_with_lines",
    "loads",
    "loads_with_lines",
    "validate",
]

AnyReport = Document | ImplementationReport
Path_ = tuple[str | int, ...]

_MESSAGES = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không có trong mẫu (gõ sai tên?)",
    "string_type": "phải là chuỗi văn bản",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "bool_type": "phải là true/false",
    "bool_parsing": "phải là true/false",
    "list_type": "phải là danh sách",
    "dict_type": "phải là một mục có các trường",
    "model_type": "phải là một mục có các trường",
    "too_short": "danh sách không được rỗng",
    "literal_error": "giá trị không hợp lệ",
    "union_tag_invalid": "loại (type/kind) không hợp lệ",
    "date_from_datetime_parsing": "không phải ngày hợp lệ",
    "date_parsing": "không phải ngày hợp lệ",
    "greater_than_equal": "giá trị quá nhỏ",
    "greater_than": "giá trị quá nhỏ",
    "less_than_equal": "giá trị quá lớn",
    "finite_number": "phải là một số hữu hạn (không phải nan hay inf)",
    "float_type": "phải là một số",
    "float_parsing": "phải là một số",
    "recursion_loop": "lồng nhau quá sâu",
}


def format_path(loc: Iterable[str | int]) -> str:
    """``('sections', 1, 'title')`` → ``sections[1].title``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


_NON_DATA_STEPS = {
    *REPORT_KINDS,
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
            if part in _NON_DATA_STEPS:
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
    msg = str(err.get("msg", ""))
    kind = str(err.get("type", ""))
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    if kind in _MESSAGES:
        viet = _MESSAGES[kind]
        if kind == "literal_error":
            return f"{viet}: {msg}"
        if kind == "union_tag_invalid":
            ctx = err.get("ctx") or {}
            return f"{viet} {ctx.get('tag', '')!r}; cần một trong: {ctx.get('expected_tags', '')}"
        return viet
    return msg


def _problems(exc: ValidationError, data: Any, lines: dict[Path_, int]) -> list[Problem]:
    out = []
    for err in exc.errors():
        path = _data_path(data, tuple(err["loc"]))
        if err.get("type") == "union_tag_invalid":
            path = (*path, _tag_field(data, path))
        out.append(Problem(format_path(path), _message(err), _line_of(path, lines)))
    return out


def _data_problems(data: dict[str, Any]) -> list[tuple[Path_, str]]:
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
            return [(path, message)]
        if isinstance(item, dict):
            stack.extend(((*path, k), v) for k, v in item.items())
        elif isinstance(item, (list, tuple)):
            stack.extend(((*path, i), v) for i, v in enumerate(item))
    return list(find_forbidden(data))


def _line_of(path: Path_, lines: dict[Path_, int]) -> int | None:
    """The line of ``path``, or of its nearest parent that has one."""
    for n in range(len(path), -1, -1):
        if path[:n] in lines:
            return lines[path[:n]]
    return None


def validate(
    data: Any, *, source: str | None = None, lines: dict[Path_, int] | None = None
) -> AnyReport:
    """Validate plain data (dicts, lists) as a report of any kind."""
    if isinstance(data, (Document, ImplementationReport)):
        return data
    where = f"{source}: " if source else ""
    if not isinstance(data, (dict, BaseModel)):
        raise InputError(
            _("{where}một báo cáo là một mục có các trường (mapping), không phải {kind}").format(
                where=where, kind=type(data).__name__
            )
        )
    bad = [
        Problem(format_path(path), message, _line_of(path, lines or {}))
        for path, message in (_data_problems(data) if isinstance(data, dict) else ())
    ]
    if bad:
        raise InputError(f"{where}dữ liệu báo cáo có {len(bad)} lỗi", bad)
    try:
        return REPORT_ADAPTER.validate_python(data)
    except ValidationError as exc:
        problems = _problems(exc, data, lines or {})
        where = f"{source}: " if source else ""
        n = len(problems)
        raise InputError(f"{where}dữ liệu báo cáo có {n} lỗi", problems) from None


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """The parser's own description of what is wrong, not its context line."""
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
        raise LoadError(
            f"{source}: không đọc được YAML", [Problem("", _yaml_problem(exc), line_of(exc, text))]
        ) from None
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
    text: str, *, format: str = "yaml", source: str = "<input>"
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
            raise LoadError(
                _("{file}: JSON lồng quá sâu").format(file=source)
            ) from None
        except json.JSONDecodeError as exc:
            raise LoadError(
                f"{source}: không đọc được JSON", [Problem("", exc.msg, exc.lineno)]
            ) from None
        lines: dict[Path_, int] = {}
    elif format == "yaml":
        data, lines = _yaml_with_lines(text, source)
    else:
        raise LoadError(f"{source}: unknown input format {format!r} (yaml or json)")
    if not isinstance(data, dict):
        raise LoadError(f"{source}: a report file holds one mapping at the top level")
    try:
        return validate(data, source=source, lines=lines), lines
    except InputError as exc:
        raise LoadError(str(exc).splitlines()[0], exc.problems) from None


def loads(text: str, *, format: str = "yaml", source: str = "<input>") -> AnyReport:
    """Parse and validate report text; ``format`` is ``yaml`` or ``json``."""
    return loads_with_lines(text, format=format, source=source)[0]


def load_with_lines(path: str | Path) -> tuple[AnyReport, dict[Path_, int]]:
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
        raise LoadError(f"{p}: không mở được tệp ({exc.strerror})") from None
    except ValueError as exc:  # a NUL in the path
        raise LoadError(_("{file}: không mở được tệp ({why})").format(file=p, why=exc)) from None
    if len(raw) > limit:
        raise LoadError(
            _("{file}: tệp lớn hơn {n} byte (giới hạn BAOCAO_MAX_INPUT_BYTES)").format(
                file=p, n=limit
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"{p}: không phải tệp văn bản UTF-8 (not UTF-8 text: byte {exc.start} "
            f"is 0x{exc.object[exc.start]:02x}); lưu lại tệp với mã hóa UTF-8"
        ) from None
    fmt = "json" if p.suffix.lower() == ".json" else "yaml"
    return loads_with_lines(text, format=fmt, source=str(p))


def load(path: str | Path) -> AnyReport:
    """Read a ``.yaml``/``.yml`` or ``.json`` report file into the model."""
    return load_with_lines(path)[0]


def json_schema(kind: str | None = None) -> dict[str, Any]:
    """JSON Schema of the input: every kind, or one (``document``, ``bao_cao_thuc_hien``)."""
    if kind is None:
        schema = REPORT_ADAPTER.json_schema()
    elif kind in REPORT_KINDS:
        schema = REPORT_KINDS[kind].model_json_schema()
    else:
        raise InputError(f"unknown report kind {kind!r}; known: {', '.join(REPORT_KINDS)}")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", "baocao report")
    return schema
