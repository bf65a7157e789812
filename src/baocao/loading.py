"""Reading report files (YAML or JSON) into the model, with errors that point home.

Every validation problem is reported at once with its field path
(``sections[1].blocks[0].spans[3]``) and, for a file, the line it sits on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import InputError, LoadError, Problem
from .model import REPORT_ADAPTER, REPORT_KINDS, Document, ImplementationReport
from .model.forms import FORM_RULES, lenient_mode
from .yamlread import ReportLoader

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
        code = str(err.get("type", ""))
        ctx = err.get("ctx") or {}
        if err.get("type") == "union_tag_invalid":
            path = (*path, _tag_field(data, path))
        elif code in FORM_RULES and ctx.get("field"):
            path = (*path, ctx["field"])
        line = None
        for n in range(len(path), -1, -1):
            if path[:n] in lines:
                line = lines[path[:n]]
                break
        form = code if code in FORM_RULES else None
        message = str(err.get("msg", "")) if form else _message(err)
        out.append(Problem(format_path(path), message, line, form, path))
    return out


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
    if isinstance(data, (Document, ImplementationReport)):
        return data
    try:
        with lenient_mode(lenient):
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
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise LoadError(
            f"{source}: không đọc được YAML", [Problem("", _yaml_problem(exc), line)]
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
    text: str, *, format: str = "yaml", source: str = "<input>", lenient: bool = False
) -> tuple[AnyReport, dict[Path_, int]]:
    """Like :func:`loads`, also returning each field path's line (YAML only; JSON: empty).

    The checker uses the lines to point a diagnostic at the input file.
    """
    if format == "json":
        try:
            data = json.loads(text)
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
        return validate(data, source=source, lines=lines, lenient=lenient), lines
    except InputError as exc:
        raise LoadError(str(exc).splitlines()[0], exc.problems) from None


def loads(
    text: str, *, format: str = "yaml", source: str = "<input>", lenient: bool = False
) -> AnyReport:
    """Parse and validate report text; ``format`` is ``yaml`` or ``json``.

    ``lenient=True`` loads a report that deviates from the official form;
    :func:`baocao.deviations` then lists the deviations.
    """
    return loads_with_lines(text, format=format, source=source, lenient=lenient)[0]


def load_with_lines(
    path: str | Path, *, lenient: bool = False
) -> tuple[AnyReport, dict[Path_, int]]:
    """Like :func:`load`, also returning ``{field path: line}`` for a YAML file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise LoadError(f"{p}: không mở được tệp ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"{p}: không phải tệp văn bản UTF-8 (not UTF-8 text: byte {exc.start} "
            f"is 0x{exc.object[exc.start]:02x}); lưu lại tệp với mã hóa UTF-8"
        ) from None
    fmt = "json" if p.suffix.lower() == ".json" else "yaml"
    return loads_with_lines(text, format=fmt, source=str(p), lenient=lenient)


def load(path: str | Path, *, lenient: bool = False) -> AnyReport:
    """Read a ``.yaml``/``.yml`` or ``.json`` report file into the model.

    Strict by default: a deviation from the official form is a load error with
    its code. ``lenient=True`` holds it as written (:func:`baocao.deviations`).
    """
    return load_with_lines(path, lenient=lenient)[0]


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
