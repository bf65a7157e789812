"""A zip written from members already compressed, plus a few deflated per call.

Why: a .docx is a zip whose members, but for the rendered parts, are the same
for every document of a template. ``zipfile``'s append mode re-reads the central
directory and rewrites it per document; here the unchanged members are parsed
once into their local records (copied as they are) and central-directory
entries, and each document only deflates its own parts and writes one
directory. Entries carry a fixed timestamp, so the same input gives the same
bytes. No zip64: a template and its rendered parts stay far below 4 GB.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable

__all__ = ["RawZip"]

_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1
"""1980-01-01 00:00:00, the earliest DOS date, as ``zipfile.ZipInfo`` gives it."""
_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20
_ATTR = 0o644 << 16


def _deflate(data: bytes, level: int) -> bytes:
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


class RawZip:
    """The members of ``package`` but ``skip``, ready to be followed by new ones."""

    def __init__(self, package: bytes, skip: frozenset[str] = frozenset()) -> None:
        records: list[bytes] = []
        central: list[bytes] = []
        offset = 0
        with zipfile.ZipFile(io.BytesIO(package)) as z:
            for info in z.infolist():
                if info.filename in skip:
                    continue
                raw = self._compressed(package, info)
                if info.compress_type != zipfile.ZIP_DEFLATED:
                    raw = _deflate(z.read(info), 6)
                name = info.filename.encode("utf-8")
                local, entry = self._headers(name, info.CRC, len(raw), info.file_size, offset)
                records.append(local + raw)
                central.append(entry)
                offset += len(local) + len(raw)
        self._records = b"".join(records)
        self._central = b"".join(central)
        self._count = len(central)

    @staticmethod
    def _compressed(package: bytes, info: zipfile.ZipInfo) -> bytes:
        """The member's compressed bytes, found through its local header."""
        start = info.header_offset
        head = _LOCAL.unpack_from(package, start)
        data = start + _LOCAL.size + head[9] + head[10]
        return package[data : data + info.compress_size]

    @staticmethod
    def _headers(name: bytes, crc: int, size: int, usize: int, offset: int) -> tuple[bytes, bytes]:
        flags = 0x800 if any(b > 0x7F for b in name) else 0
        shared = (flags, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, crc, size, usize, len(name))
        local = _LOCAL.pack(b"PK\x03\x04", _VERSION, *shared, 0) + name
        entry = _CENTRAL.pack(b"PK\x01\x02", _VERSION, _VERSION, *shared, 0, 0, 0, 0, _ATTR, offset)
        return local, entry + name

    def build(self, members: Iterable[tuple[str, bytes]], level: int) -> bytes:
        """The package: the copied members, then ``members`` deflated at ``level``."""
        out = [self._records]
        central = [self._central]
        offset = len(self._records)
        count = self._count
        for member, data in members:
            raw = _deflate(data, level)
            local, entry = self._headers(
                member.encode("utf-8"), zlib.crc32(data), len(raw), len(data), offset
            )
            out += (local, raw)
            central.append(entry)
            offset += len(local) + len(raw)
            count += 1
        directory = b"".join(central)
        end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
        return b"".join((*out, directory, end))
