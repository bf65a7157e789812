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

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import publish
from ..errors import OutputError
from ..i18n import _
from .office import (
    OfficeServer,
    OfficeUnavailable,
    dies_with_parent,
    office_binary,
    shared_office,
)
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


_RESTART = 81
"""soffice.bin's exit status asking to be started again (after making a fresh profile);
the launcher, oosplash, does that when it is used."""


def _run(cmd: list[str], timeout: float, tmp: str | None = None) -> tuple[int, str]:
    """Run ``cmd`` in its own process group, ended with it: on timeout, Ctrl-C or SIGTERM
    the group is killed (soffice forks) before the error goes on, so no LibreOffice is
    left writing into a folder being removed; on Linux it also dies with its parent."""
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        # SIGKILL: oosplash, LibreOffice's launcher, outlives a SIGTERM while soffice.bin works.
        preexec_fn=dies_with_parent(signal.SIGKILL) if os.name == "posix" else None,
        env=None if tmp is None else {**os.environ, "TMPDIR": tmp, "TMP": tmp, "TEMP": tmp},
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
    except BaseException:  # the timeout, KeyboardInterrupt, SystemExit
        if hasattr(os, "killpg"):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
        proc.communicate()
        raise
    return proc.returncode, out.decode("utf-8", "replace")


def _server(program: Path, persistent: bool | None) -> OfficeServer | None:
    """The persistent LibreOffice, unless turned off or unavailable (no ``uno``)."""
    if persistent is False:
        return None
    return shared_office(program)


def _through_server(
    server: OfficeServer,
    todo: Sequence[Path],
    staging: Path,
    limit: float,
    tick: Callable[[], None] = lambda: None,
) -> dict[Path, str]:
    """Each file through the persistent LibreOffice; per-file failures collected."""
    problems: dict[Path, str] = {}
    deadline = time.monotonic() + limit
    for s in todo:
        left = deadline - time.monotonic()
        if left <= 0:
            problems[s] = f"LibreOffice did not convert every file in {limit:.0f} s"
            continue
        try:
            server.convert(s, staging / f"{s.stem}.pdf", timeout=left)
        except OfficeUnavailable:
            raise
        except OutputError as exc:
            problems[s] = str(exc)
        tick()
    return problems


@contextlib.contextmanager
def _ticking(tick: Callable[[], None], every: float = 0.25) -> Iterator[None]:
    """Call ``tick`` from a thread every ``every`` seconds while the block runs."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every):
            tick()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _one_call(
    program: Path,
    todo: Sequence[Path],
    staging: str,
    limit: float,
    tick: Callable[[], None] = lambda: None,
) -> dict[Path, str]:
    """Every file in one ``soffice --convert-to pdf`` run with a private profile.

    ``tick`` is called about four times a second while it runs (the PDFs
    appear one by one in ``staging``: a determinate progress bar).
    """
    with tempfile.TemporaryDirectory(prefix="baocao-lo-profile-") as profile, _ticking(tick):
        cmd = [
            str(office_binary(program)),
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
        try:
            code, log = _run(cmd, limit, tmp=profile)  # its own temporary files go too
            if code == _RESTART:
                code, log = _run(cmd, limit, tmp=profile)
        except subprocess.TimeoutExpired:
            raise OutputError(
                f"LibreOffice did not finish converting {len(todo)} file(s) in {limit:.0f} s; "
                "no PDF was written"
            ) from None
        except OSError as exc:
            raise OutputError(f"could not start LibreOffice ({program}): {exc}") from None
    tail = " ".join(log.split()[-40:])
    why = f"LibreOffice produced no PDF (exit status {code})"
    return {
        s: f"{why}: {tail}" if tail else why
        for s in todo
        if not (Path(staging) / f"{s.stem}.pdf").is_file()
    }


def convert_to_pdf(
    sources: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    soffice: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
    overwrite: bool = True,
    persistent: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Conversion:
    """Convert many .docx files to ``out_dir/<stem>.pdf``.

    Through the persistent LibreOffice of :mod:`baocao.engines.office` when
    it is available (``persistent=None``, the default) or asked for
    (``True``), else in one LibreOffice invocation (``persistent=False``, or
    no ``uno``). Per-file failures are collected in the result; a missing
    LibreOffice, a timeout of the one-call path or two sources with the same
    stem raise :class:`OutputError`. ``progress(done, total)`` is called as the
    PDFs appear, for a determinate progress bar.
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
    server = _server(program, persistent)
    with tempfile.TemporaryDirectory(prefix=".baocao-pdf-", dir=dest) as staging:

        def tick() -> None:
            if progress is not None:
                with contextlib.suppress(OSError):  # a file renamed while counted
                    done = sum(1 for p in Path(staging).glob("*.pdf") if p.stat().st_size > 0)
                    progress(done, len(todo))

        try:
            if server is None:
                raise OfficeUnavailable("no persistent LibreOffice")
            problems = _through_server(server, todo, Path(staging), limit, tick)
        except OfficeUnavailable:
            problems = _one_call(program, todo, staging, limit, tick)
        for s in todo:
            staged = Path(staging) / f"{s.stem}.pdf"
            if s not in problems and staged.is_file() and staged.stat().st_size > 0:
                target = dest / staged.name
                try:  # never replaced without overwrite, checked at this moment
                    publish(staged, target, overwrite)
                except OutputError as exc:
                    failed[s] = str(exc)
                    continue
                converted[s] = target
            else:
                failed[s] = problems.get(s) or "LibreOffice produced no PDF"
    if progress is not None:
        progress(len(converted), len(todo))
    return Conversion(converted, failed, time.perf_counter() - started)


def docx_to_pdf(
    docx: bytes,
    *,
    soffice: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
    persistent: bool | None = None,
) -> bytes:
    """One .docx (bytes) to PDF bytes, through the persistent LibreOffice when it is there."""
    program = find_soffice(soffice)
    server = _server(program, persistent)
    if server is not None:
        try:
            return server.convert_bytes(docx, timeout=timeout or default_timeout(1))
        except OfficeUnavailable:
            pass  # the one-call path below
    with tempfile.TemporaryDirectory(prefix="baocao-pdf-") as tmp:
        src = Path(tmp) / "report.docx"
        src.write_bytes(docx)
        done = convert_to_pdf(
            [src], Path(tmp) / "out", soffice=program, timeout=timeout, persistent=False
        )
        if src.resolve() in done.failed:
            raise OutputError(f"PDF conversion failed: {done.failed[src.resolve()]}")
        return done.converted[src.resolve()].read_bytes()
