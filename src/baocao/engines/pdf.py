"""PDF through LibreOffice: the rendered .docx, converted by ``soffice --headless``.

LibreOffice is the one converter that lays out a .docx the way Word does and is
free to install on a server. Starting it costs a second or more, so many files
are converted in one invocation (:func:`convert_to_pdf`); each invocation gets a
private profile folder (``-env:UserInstallation``) so parallel runs, or a
desktop LibreOffice the user has open, never collide. The PDFs land in a
staging folder beside the target and are renamed into place one by one: a
failed or timed-out conversion leaves no partial file.

Fonts: the templates ask for Times New Roman; where it is not installed
LibreOffice substitutes the metric-compatible Liberation Serif, which has every
Vietnamese glyph (package ``fonts-liberation2``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError
from ..i18n import _
from .soffice import install_hint, standard_locations

__all__ = [
    "INSTALL_HINT",
    "SOFFICE_ENV",
    "Conversion",
    "convert_to_pdf",
    "default_timeout",
    "docx_to_pdf",
    "find_soffice",
]

SOFFICE_ENV = "BAOCAO_SOFFICE"
"""Environment variable naming the LibreOffice program, when it is not on PATH."""

INSTALL_HINT = "apt-get install -y libreoffice-writer-nogui fonts-liberation2"
"""The Debian/Ubuntu command that installs what PDF output needs."""

_NAMES = ("soffice", "libreoffice", "soffice.exe")


def find_soffice(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The LibreOffice program: ``explicit``, else ``$BAOCAO_SOFFICE``, else on PATH."""
    wanted = explicit if explicit is not None else os.environ.get(SOFFICE_ENV) or None
    if wanted is not None:
        found = shutil.which(os.fspath(wanted))
        if found is None:
            raise OutputError(
                f"LibreOffice not found at {os.fspath(wanted)!r} "
                f"(from {'--soffice' if explicit is not None else '$' + SOFFICE_ENV}); "
                "give the path of the soffice program"
            )
        return Path(found)
    for name in _NAMES:
        found = shutil.which(name)
        if found is not None:
            return Path(found)
    for candidate in standard_locations():
        if candidate.is_file():
            return candidate
    raise OutputError(
        _(
            "PDF cần LibreOffice nhưng không tìm thấy chương trình soffice (trên PATH và nơi cài "
            "thường gặp).\n  Cài đặt: {hint}\n  hoặc chỉ đường dẫn: --soffice ĐƯỜNG_DẪN "
            "hoặc biến môi trường {env}=ĐƯỜNG_DẪN"
        ).format(hint=install_hint(debian=INSTALL_HINT), env=SOFFICE_ENV),
        code="soffice_missing",
    )


def default_timeout(n_files: int) -> float:
    """Seconds to allow one invocation: start-up plus a generous share per document."""
    return 60.0 + 10.0 * n_files


@dataclass(frozen=True)
class Conversion:
    """What one LibreOffice run did: each source's PDF, or why there is none."""

    converted: dict[Path, Path] = field(default_factory=dict)
    failed: dict[Path, str] = field(default_factory=dict)
    seconds: float = 0.0


def _run(
    cmd: list[str], timeout: float, poll: Callable[[], None] | None = None
) -> tuple[int, str]:
    """Run ``cmd`` in its own process group; on timeout kill that group (soffice forks).

    ``poll`` is called about four times a second while it runs (progress); the
    output goes to a temporary file, so a chatty program cannot fill a pipe.
    """
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            cmd,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    proc.wait(timeout=max(0.0, min(0.25, deadline - time.monotonic())))
                    break
                except subprocess.TimeoutExpired:
                    if time.monotonic() >= deadline:
                        raise
                    if poll is not None:
                        poll()
        except subprocess.TimeoutExpired:
            if hasattr(os, "killpg"):
                os.killpg(proc.pid, signal.SIGKILL)
            else:  # pragma: no cover - Windows
                proc.kill()
            proc.wait()
            raise
        log.seek(0)
        return proc.returncode, log.read().decode("utf-8", "replace")


def convert_to_pdf(
    sources: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    soffice: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
    overwrite: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Conversion:
    """Convert many .docx files to ``out_dir/<stem>.pdf`` in one LibreOffice invocation.

    Per-file failures are collected in the result; a missing LibreOffice, a
    timeout or two sources with the same stem raise :class:`OutputError`.
    ``progress(done, total)`` is called as the PDFs appear (one run converts
    them one after the other), for a determinate progress bar.
    """
    program = find_soffice(soffice)
    srcs = [Path(s).resolve() for s in sources]
    stems: dict[str, Path] = {}
    for s in srcs:
        if s.stem in stems:
            raise OutputError(f"{stems[s.stem]} and {s} would both become {s.stem}.pdf")
        stems[s.stem] = s
    dest = Path(out_dir)
    dest.mkdir(parents=True, exist_ok=True)
    converted: dict[Path, Path] = {}
    failed: dict[Path, str] = {}
    todo = []
    for s in srcs:
        target = dest / f"{s.stem}.pdf"
        if not overwrite and target.exists():
            failed[s] = f"{target} already exists (use --force to replace it)"
        else:
            todo.append(s)
    if not todo:
        return Conversion(converted, failed)
    limit = timeout if timeout is not None else default_timeout(len(todo))
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="baocao-lo-profile-") as profile,
        tempfile.TemporaryDirectory(prefix=".baocao-pdf-", dir=dest) as staging,
    ):
        cmd = [
            str(program),
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            staging,
            *map(str, todo),
        ]
        def poll() -> None:
            if progress is not None:
                done = sum(1 for p in Path(staging).glob("*.pdf") if p.stat().st_size > 0)
                progress(done, len(todo))

        try:
            code, log = _run(cmd, limit, poll)
        except subprocess.TimeoutExpired:
            raise OutputError(
                f"LibreOffice did not finish converting {len(todo)} file(s) in {limit:.0f} s; "
                "no PDF was written"
            ) from None
        except OSError as exc:
            raise OutputError(f"could not start LibreOffice ({program}): {exc}") from None
        tail = " ".join(log.split()[-40:])
        for s in todo:
            staged = Path(staging) / f"{s.stem}.pdf"
            if staged.is_file() and staged.stat().st_size > 0:
                target = dest / staged.name
                os.replace(staged, target)
                converted[s] = target
            else:
                why = f"LibreOffice produced no PDF (exit status {code})"
                failed[s] = f"{why}: {tail}" if tail else why
    if progress is not None:
        progress(len(converted), len(todo))
    return Conversion(converted, failed, time.perf_counter() - started)


def docx_to_pdf(
    docx: bytes, *, soffice: str | os.PathLike[str] | None = None, timeout: float | None = None
) -> bytes:
    """One .docx (bytes) to PDF bytes; for single renders, batches use :func:`convert_to_pdf`."""
    program = find_soffice(soffice)
    with tempfile.TemporaryDirectory(prefix="baocao-pdf-") as tmp:
        src = Path(tmp) / "report.docx"
        src.write_bytes(docx)
        done = convert_to_pdf([src], Path(tmp) / "out", soffice=program, timeout=timeout)
        if src.resolve() in done.failed:
            raise OutputError(f"PDF conversion failed: {done.failed[src.resolve()]}")
        return done.converted[src.resolve()].read_bytes()
