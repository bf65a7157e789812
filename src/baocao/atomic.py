"""Writing outputs atomically: a temporary file beside the target, then a rename.

A failure at any point leaves either the old file or no file, never half a file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError
from .i18n import _

__all__ = ["atomic_path", "atomic_write"]


def _file_mode(dest: Path) -> int:
    """The mode a plain ``open()`` would give: the old file's, else 0o666 less the umask.

    ``mkstemp`` makes private 0o600 files; a report must stay readable by the others
    who could read it before.
    """
    try:
        return stat.S_IMODE(dest.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``target``, on error it is removed."""
    dest = Path(target)
    if not overwrite and dest.exists():
        raise OutputError(
            _("{file} đã có; dùng --force (hoặc overwrite=True) để ghi đè").format(file=dest),
            code="output_exists",
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    except PermissionError:
        raise _locked(dest) from None
    os.close(fd)
    tmp_path = Path(tmp)
    os.chmod(tmp_path, _file_mode(dest))
    try:
        yield tmp_path
        os.replace(tmp_path, dest)
    except PermissionError:
        tmp_path.unlink(missing_ok=True)
        raise _locked(dest) from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def _locked(dest: Path) -> OutputError:
    """Windows refuses to replace a file Word has open: say so, naming the file."""
    return OutputError(
        _(
            "{file}: không ghi được tệp (đang mở trong Word hoặc không có quyền ghi); "
            "đóng tệp rồi chạy lại"
        ).format(file=dest),
        code="output_locked",
    )


def atomic_write(target: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` to ``target`` atomically and return the target path."""
    with atomic_path(target, overwrite=overwrite) as tmp:
        tmp.write_bytes(data)
    return Path(target)
