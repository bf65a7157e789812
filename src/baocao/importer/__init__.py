"""Reading existing reports (.docx, .doc, .txt/.md) into the model, held as written.

::

    result = import_report("bao-cao-cu.docx")
    result.report        # the model, loaded in lenient mode (None if it cannot be)
    result.data          # the same as plain input data, what ``baocao import`` writes
    result.diagnostics   # what was converted, guessed, split or kept as it was
    result.sources       # field path → where in the source it came from

Readers turn a file into blocks (:mod:`.source`); recognizers find the header,
body and tail; :mod:`.mapping` alone knows the model's field names.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, LoadError
from ..i18n import _
from .body import recognize_appendices, recognize_body, recognize_tail, split_tail
from .diagnostics import CODES, ImportDiagnostic
from .encodings import repair_encodings
from .header import recognize_header
from .mapping import PLACEHOLDER, to_data
from .parts import Recognized
from .source import Block, Where
from .text_reader import decode_bytes, read_text

__all__ = ["CODES", "ImportDiagnostic", "ImportResult", "Where", "import_report", "read_blocks"]

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d|21\d\d)\b")


@dataclass
class ImportResult:
    """An imported report: the model, its input data, what happened, where fields came from."""

    data: dict[str, Any]
    diagnostics: list[ImportDiagnostic]
    sources: dict[str, Where]
    report: Any = None
    """The model (``Document``) loaded leniently; ``None`` when even that fails (see IM601)."""
    source_text: str = ""
    """Every text of the source, in order, after legacy decoding (for the no-text-lost check)."""
    blocks: list[Block] = field(default_factory=list)


def read_blocks(
    source: str | Path | IO[bytes] | bytes, *, suffix: str | None = None
) -> tuple[list[Block], list[ImportDiagnostic]]:
    """The blocks of a file of any supported kind (``.docx``, ``.doc``, ``.txt``, ``.md``)."""
    diagnostics: list[ImportDiagnostic] = []
    name = str(source) if isinstance(source, (str, Path)) else ""
    kind = (suffix or Path(name).suffix or "").lower().lstrip(".")
    if isinstance(source, (str, Path)):
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise LoadError(
                _("{path}: không mở được tệp ({why})").format(path=source, why=exc.strerror)
            ) from None
    elif isinstance(source, bytes):
        data = source
    else:
        data = source.read()
    if not kind:
        kind = "docx" if data[:2] == b"PK" else "doc" if data[:4] == b"\xd0\xcf\x11\xe0" else "txt"
    if kind == "doc":
        from .legacy_word import doc_to_docx

        data = doc_to_docx(data)
        diagnostics.append(
            ImportDiagnostic("IM501", "hint", _("tệp Word cũ (.doc) đã chuyển qua LibreOffice"))
        )
        kind = "docx"
    if kind == "docx":
        from .docx_reader import read_docx

        try:
            blocks = read_docx(io.BytesIO(data))
        except Exception as exc:  # python-docx raises several kinds for a broken package
            raise LoadError(
                _("{path}: không đọc được tệp Word ({why})").format(
                    path=name or "<docx>", why=type(exc).__name__
                )
            ) from None
    elif kind in ("txt", "md", "markdown", "text"):
        text, _codec = decode_bytes(data)
        blocks = read_text(text)
    else:
        raise LoadError(
            _("{path}: không nhập được loại tệp .{kind} (nhận .docx, .doc, .txt, .md)").format(
                path=name, kind=kind
            )
        )
    return blocks, diagnostics


def import_report(
    source: str | Path | IO[bytes] | bytes, *, suffix: str | None = None
) -> ImportResult:
    """Import a report file: a path, a binary stream or bytes (``suffix`` names a stream's kind)."""
    blocks, diagnostics = read_blocks(source, suffix=suffix)
    blocks = repair_encodings(blocks, diagnostics)
    header, start = recognize_header(blocks, diagnostics)
    years = [int(y) for b in blocks for y in _YEAR.findall(b.text)]
    header.latest_year = max(years) if years else None
    closing, tail, appendix = split_tail(blocks, start)
    preamble, body = recognize_body(blocks[start:closing], diagnostics)
    tail_parts = recognize_tail(blocks, closing, tail, appendix, diagnostics)
    tail_parts.appendices = recognize_appendices(blocks[appendix:], diagnostics)
    rec = Recognized(header, preamble, body, tail_parts)
    data, sources = to_data(rec, diagnostics)
    result = ImportResult(
        data=data,
        diagnostics=diagnostics,
        sources=sources,
        source_text="\n".join(_all_text(b) for b in blocks),
        blocks=blocks,
    )
    _placeholders(data, diagnostics)
    result.report = _load(data, diagnostics)
    if result.report is not None:
        _deviations(result.report, sources, diagnostics)
    return result


def _deviations(
    report: Any, sources: dict[str, Where], diagnostics: list[ImportDiagnostic]
) -> None:
    """The model's form deviations (BC9xx), held as written, reported at their source place."""
    from ..loading import format_path
    from ..model import deviations

    for dev in deviations(report):
        path = format_path(dev.loc)
        where = next((sources[p] for p in _prefixes(path) if p in sources), None)
        message = f"{dev.message} → {dev.suggestion}" if dev.suggestion else dev.message
        diagnostics.append(ImportDiagnostic(dev.code, "warning", message, where, path))


def _prefixes(path: str) -> list[str]:
    """``header.date.written`` → itself, ``header.date``, ``header``: the nearest known source."""
    out = [path]
    while True:
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return out
        path = path[:cut]
        out.append(path)


def _all_text(block: Block) -> str:
    if block.rows:
        return "\n".join("\t".join(r) for r in block.rows)
    return f"{block.auto_marker} {block.text}".strip()


def _placeholders(data: dict[str, Any], diagnostics: list[ImportDiagnostic]) -> None:
    header = data["header"]
    for name in ("place", "subject"):
        if header.get(name) == PLACEHOLDER:
            diagnostics.append(
                ImportDiagnostic(
                    "IM201",
                    "warning",
                    _('văn bản không có {field}: điền "{ph}" để sửa tay').format(
                        field=name, ph=PLACEHOLDER
                    ),
                    path=f"header.{name}",
                )
            )


def _load(data: dict[str, Any], diagnostics: list[ImportDiagnostic]) -> Any:
    from ..loading import validate

    try:
        return validate(data, source="import", lenient=True)
    except InputError as exc:
        for problem in exc.problems:
            diagnostics.append(
                ImportDiagnostic(
                    "IM601", "error", f"{problem.path}: {problem.message}", path=problem.path
                )
            )
        return None
