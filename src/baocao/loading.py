"""Reading report files (YAML or JSON) into the model, with errors that point home.

Every validation problem is reported at once with its field path
(``sections[1].blocks[0].spans[3]``) and, for a file, the line it sits on.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import InputError, LoadError, Problem
from .i18n import _
from .limits import current_limits, pinned_limits
from .model import REPORT_ADAPTER, AnyReport
from .model.forms import lenient_mode
from .model.types import checked_input, normalized
from .problems import Path_, data_problems, format_path, line_in, problems_of
from .yamlread import ReportLoader, line_of, read_document

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
        Problem(path, message, line_in(path, lines or {}), code)
        for path, message, code in (data_problems(data) if isinstance(data, dict) else ())
    ]
    if bad:
        raise InputError(f"{where}dữ liệu báo cáo có {len(bad)} lỗi", bad)
    checked: contextlib.AbstractContextManager[bool | None] = contextlib.nullcontext()
    if isinstance(data, dict):
        data = normalized(data)  # checked just above: NFC once, and no model walks it again
        checked = checked_input()
    try:
        with lenient_mode(lenient), checked:
            report: AnyReport = REPORT_ADAPTER.validate_python(data)
            return report
    except ValidationError as exc:
        problems = problems_of(exc, data, lines or {})
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
        data, lines = read_document(loader, node)
    except yaml.YAMLError as exc:
        head = _("{source}: không đọc được YAML").format(source=source)
        problem = Problem((), _yaml_problem(exc), line_of(exc, text), "yaml_syntax")
        raise LoadError(head, [problem]) from None
    finally:
        loader.dispose()
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
    with pinned_limits():
        return load_with_lines(path, lenient=lenient)[0]


def json_schema(kind: str | None = None) -> dict[str, Any]:
    """JSON Schema of the input as written (shorthands included): see :mod:`baocao.schema`."""
    from .schema import input_schema

    return input_schema(kind)
