"""Reading a template .docx (a zip of XML parts) without trusting its sizes or its XML.

Why: a pack is downloaded from others. A 4 MB .docx can declare members that
inflate to gigabytes; an XML part can declare entities that expand without
end. Before a member is read, its declared uncompressed size and its
compression ratio are checked against ``Limits`` (the zip reader never returns
more than the declared size, so the check bounds the memory); XML is parsed
with entities left unexpanded and no network.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import TemplateError
from ..i18n import _
from ..limits import current_limits

__all__ = ["check_archive", "parse_part", "read_members"]

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

Source = Path | bytes


def _open(source: Source, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise TemplateError(
            _("{file}: không phải tệp .docx đọc được ({why})").format(file=name, why=exc)
        ) from None


def _check(archive: zipfile.ZipFile, name: str) -> None:
    limits = current_limits()
    total = 0
    for info in archive.infolist():
        size = info.file_size
        total += size
        ratio = size / max(info.compress_size, 1)
        squeezed = size > 1_000_000 and ratio > limits.template_ratio
        if size > limits.template_member_bytes or squeezed:
            raise TemplateError(
                _(
                    "{file}: phần {member} giải nén ra {size} byte (tỉ lệ nén {ratio:.0f}:1), "
                    "vượt giới hạn ({limit} byte, {max_ratio}:1): có thể là bom zip"
                ).format(
                    file=name,
                    member=info.filename,
                    size=size,
                    ratio=ratio,
                    limit=limits.template_member_bytes,
                    max_ratio=limits.template_ratio,
                )
            )
        if total > limits.template_total_bytes:
            raise TemplateError(
                _("{file}: các phần giải nén ra hơn {limit} byte: có thể là bom zip").format(
                    file=name, limit=limits.template_total_bytes
                )
            )


def check_archive(source: Source, name: str) -> None:
    """Refuse a template whose members are too large or too compressed, before reading them."""
    with _open(source, name) as archive:
        _check(archive, name)
        if "word/document.xml" not in archive.namelist():
            raise TemplateError(
                _("{file}: không có word/document.xml, nên không phải tài liệu Word").format(
                    file=name
                )
            )


def read_members(source: Source, name: str) -> dict[str, bytes]:
    """Every member of a checked template .docx, by name."""
    with _open(source, name) as archive:
        _check(archive, name)
        try:
            return {n: archive.read(n) for n in archive.namelist()}
        except (OSError, zipfile.BadZipFile, EOFError) as exc:
            raise TemplateError(
                _("{file}: không phải tệp .docx đọc được ({why})").format(file=name, why=exc)
            ) from None


def parse_part(data: bytes, name: str) -> etree._Element:
    """An XML part parsed without entity expansion; a broken part names the file."""
    try:
        return etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(_("{file}: XML hỏng ({why})").format(file=name, why=exc)) from None
