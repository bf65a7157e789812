"""The request body: read within its size limit, then parsed as a report (JSON or YAML)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from ..errors import InputError
from ..i18n import _
from ..loading import loads_with_lines
from ._problems import ServiceProblem, problems_of

__all__ = ["IMPORT_TYPES", "JSON_TYPES", "YAML_TYPES", "import_suffix", "read_body", "report_from"]

JSON_TYPES = ("application/json",)
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
IMPORT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/msword": "doc",
    "text/plain": "txt",
    "text/markdown": "md",
}
"""Media type of an old report → the importer's kind of file."""


def import_suffix(content_type: str | None) -> str:
    """The kind of file an import body is, from its media type; 415 for any other."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media in IMPORT_TYPES:
        return IMPORT_TYPES[media]
    raise ServiceProblem(
        415,
        "unsupported-media-type",
        _("Kiểu nội dung không được hỗ trợ"),
        _("Gửi tệp Word (.docx, .doc) hoặc văn bản (.txt, .md), không phải {media}").format(
            media=media or "?"
        ),
    )


def _too_large(limit: int) -> ServiceProblem:
    return ServiceProblem(
        413,
        "body-too-large",
        _("Nội dung gửi lên quá lớn"),
        _("Nội dung gửi lên vượt quá {limit} byte").format(limit=limit),
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _format_of(content_type: str | None) -> str:
    media = (content_type or "application/json").split(";")[0].strip().lower()
    if media in JSON_TYPES or media.endswith("+json"):
        return "json"
    if media in YAML_TYPES:
        return "yaml"
    raise ServiceProblem(
        415,
        "unsupported-media-type",
        _("Kiểu nội dung không được hỗ trợ"),
        _(
            "Gửi báo cáo dạng JSON (application/json) hoặc YAML (application/yaml), "
            "không phải {media}"
        ).format(media=media),
    )


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ServiceProblem(
            400,
            "not-utf8",
            _("Nội dung không phải UTF-8"),
            _("Byte {at} (0x{byte:02x}) không phải UTF-8; gửi văn bản mã hóa UTF-8").format(
                at=exc.start, byte=body[exc.start]
            ),
        ) from None


def report_from(
    body: bytes, content_type: str | None, *, lenient: bool = False
) -> tuple[Any, dict[Any, int]]:
    """The validated report and its YAML lines, or a 400/415/422 problem.

    ``lenient``: hold what deviates from the official form as written (the
    checker then reports it), as ``baocao validate --lenient`` does.
    """
    fmt = _format_of(content_type)
    text = _text(body)
    if fmt == "json":
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise ServiceProblem(
                400,
                "malformed-json",
                _("JSON không đọc được"),
                _("JSON sai ở dòng {line}, cột {col}: {msg}").format(
                    line=exc.lineno, col=exc.colno, msg=exc.msg
                ),
            ) from None
    try:
        return loads_with_lines(text, format=fmt, source="body", lenient=lenient)
    except InputError as exc:
        raise ServiceProblem(
            422,
            "invalid-report",
            _("Dữ liệu báo cáo không hợp lệ"),
            str(exc).splitlines()[0],
            errors=problems_of(exc),
        ) from None
