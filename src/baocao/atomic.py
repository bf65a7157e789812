"""Writing outputs atomically and without clobbering: a temporary file, then a link or rename.

A failure at any point leaves either the old file or no file, never half a file.

Two promises hold at the moment of writing, not only when the command starts:

* without ``overwrite`` an existing file is never replaced. The finished
  temporary file is hard-linked to the target name, which fails if the name
  exists, so two processes writing one folder cannot overwrite each other
  (where hard links are not supported, an exclusive create reserves the name);
* with ``overwrite`` only a regular file is replaced: a symlink, FIFO, device
  node, socket or folder at the target is an error (``-o /dev/null --force``
  must not replace ``/dev/null``).

Every error names the output the user asked for, never the temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError
from .i18n import _

__all__ = ["atomic_path", "atomic_write", "check_target"]

_KINDS = {
    stat.S_IFLNK: "liên kết tượng trưng (symlink)",
    stat.S_IFIFO: "FIFO (đường ống có tên)",
    stat.S_IFCHR: "thiết bị ký tự",
    stat.S_IFBLK: "thiết bị khối",
    stat.S_IFSOCK: "socket",
    stat.S_IFDIR: "thư mục",
}


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


def _cannot(dest: Path, exc: OSError) -> OutputError:
    if isinstance(exc, PermissionError):
        return _locked(dest)  # Windows: Word holds the file open
    return OutputError(
        _("không ghi được {out}: {why}").format(out=dest, why=exc.strerror or exc),
        code="output_failed",
    )


def _exists(dest: Path) -> OutputError:
    return OutputError(
        _("{out} đã có; dùng --force để ghi đè").format(out=dest), code="output_exists"
    )


def check_target(target: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    """The target as a path, refused if it names a folder, is not a regular file, or exists."""
    text = os.fspath(target)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    dest = Path(text)
    if text.endswith(("/", os.sep)) or text in ("", ".", ".."):
        raise OutputError(
            _("{out}: tên đầu ra kết thúc bằng '/', tức là một thư mục; hãy cho tên tệp").format(
                out=text
            )
        )
    try:
        info = os.lstat(dest)
    except FileNotFoundError:
        return dest
    except OSError as exc:  # a name too long, a loop of symlinks in the folder part
        raise _cannot(dest, exc) from None
    except ValueError as exc:  # a NUL in the name
        raise OutputError(_("không ghi được {out}: {why}").format(out=dest, why=exc)) from None
    kind = stat.S_IFMT(info.st_mode)
    if kind != stat.S_IFREG:
        raise OutputError(
            _(
                "{out} là {kind}, không phải tệp thường: baocao chỉ thay tệp thường, "
                "kể cả với --force; chọn tên đầu ra khác"
            ).format(out=dest, kind=_KINDS.get(kind, "một tệp đặc biệt"))
        )
    if not overwrite:
        raise _exists(dest)
    return dest


def _publish(tmp: Path, dest: Path, overwrite: bool) -> None:
    """Move the finished ``tmp`` to ``dest``, re-checking the promises at this moment."""
    check_target(dest, overwrite=overwrite)
    if overwrite:
        os.replace(tmp, dest)
        return
    try:
        os.link(tmp, dest)
    except FileExistsError:
        raise _exists(dest) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        try:  # no hard links here: reserve the name exclusively, then fill it
            os.close(os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            raise _exists(dest) from None
        os.replace(tmp, dest)
    else:
        tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path; on success it becomes ``target``, on error it is removed."""
    dest = check_target(target, overwrite=overwrite)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".baocao-", suffix=".tmp", dir=dest.parent)
    except OSError as exc:
        raise _cannot(dest, exc) from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        os.chmod(tmp_path, _file_mode(dest))
        yield tmp_path
        _publish(tmp_path, dest, overwrite)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        raise _cannot(dest, exc) from None
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
