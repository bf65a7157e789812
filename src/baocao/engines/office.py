"""A persistent LibreOffice for PDF: started once, reused, restarted when it fails.

Why: a single ``soffice --convert-to pdf`` spends most of its time starting
LibreOffice (about 1.2 s of 1.6 s for the seed). Here LibreOffice is started
once per process and kept listening on a private named pipe; each conversion
is then a document load and a PDF export.

LibreOffice is driven through its UNO API, which needs the ``uno`` module of
LibreOffice's own Python (Debian: ``python3-uno``; Windows and macOS: the
``python`` in LibreOffice's ``program`` folder). That Python runs
``_uno_bridge.py``, which owns ``soffice``; this module talks to the bridge
over its standard input and output. Where no such Python is found, PDF
conversion keeps the one-call path of :mod:`baocao.engines.pdf`.

Guarantees: every conversion has a deadline, after which the bridge and
LibreOffice are killed and the next conversion starts them afresh; a bridge
or LibreOffice that died is restarted; nothing is left running when the
process exits (atexit, a closed pipe, and on Linux the parent-death signal).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from ..errors import OutputError

__all__ = [
    "UNO_PYTHON_ENV",
    "OfficeServer",
    "OfficeUnavailable",
    "dies_with_parent",
    "find_uno_python",
    "office_binary",
    "shared_office",
    "stop_shared",
]

UNO_PYTHON_ENV = "BAOCAO_UNO_PYTHON"
"""Environment variable naming a Python that can ``import uno``; ``0`` turns the server off."""

_BRIDGE = Path(__file__).with_name("_uno_bridge.py")


class OfficeUnavailable(OutputError):
    """LibreOffice could not be started as a server; callers fall back to the one-call path."""


def _can_import_uno(python: str) -> bool:
    try:
        done = subprocess.run(
            [python, "-c", "import uno"], capture_output=True, timeout=30, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def find_uno_python(soffice: Path | None = None) -> str | None:
    """A Python with LibreOffice's ``uno``: ``$BAOCAO_UNO_PYTHON``, LibreOffice's, the system's."""
    wanted = os.environ.get(UNO_PYTHON_ENV)
    if wanted == "0":
        return None
    candidates: list[str] = [wanted] if wanted else []
    if soffice is not None:
        program = soffice.resolve().parent
        candidates += [str(program / "python"), str(program / "python.exe")]
    candidates += ["/usr/bin/python3", "python3"]
    for candidate in candidates:
        found = shutil.which(candidate)
        if found and _can_import_uno(found):
            return found
    return None


def office_binary(program: Path) -> Path:
    """On Linux, ``soffice.bin`` beside the ``soffice`` launcher, when there.

    Run directly, it is the process that does the work and gets the
    parent-death signal; behind the launcher (oosplash) it would outlive a
    killed launcher and keep working unseen.
    """
    if sys.platform.startswith("linux"):
        direct = Path(program).resolve().with_name("soffice.bin")
        if direct.is_file() and os.access(direct, os.X_OK):
            return direct
    return Path(program)


def dies_with_parent(sig: int) -> Callable[[], None]:
    """A ``preexec_fn``: the child gets its own process group (killed as one) and, on
    Linux, signal ``sig`` when the process that started it dies."""

    def preexec() -> None:  # pragma: no cover - runs in the child
        os.setsid()
        if sys.platform.startswith("linux"):
            import ctypes

            with contextlib.suppress(OSError):
                ctypes.CDLL("libc.so.6").prctl(1, sig)  # PR_SET_PDEATHSIG

    return preexec


def _wait_gone(pid: int, seconds: float = 10.0) -> None:
    """Wait until process ``pid`` has ended (it is not our child: poll, don't wait)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:  # gone (or, on Windows, not ours to ask)
            return
        status = Path(f"/proc/{pid}/status")
        try:
            if "State:\tZ" in status.read_text():
                return  # a zombie waiting for a parent that will not reap it
        except OSError:
            return
        time.sleep(0.05)


class OfficeServer:
    """One LibreOffice kept running for conversions; thread-safe, one conversion at a time."""

    def __init__(self, soffice: Path, python: str, *, start_timeout: float = 60.0) -> None:
        self.soffice = soffice
        self.python = python
        self.start_timeout = start_timeout
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[str] | None = None
        self._replies: queue.Queue[str | None] = queue.Queue()
        self._profile: tempfile.TemporaryDirectory[str] | None = None
        self.starts = 0
        """How many times LibreOffice was started (1 while it never failed)."""
        self.office_pid: int | None = None
        """The running LibreOffice's process id."""
        self.unusable: str | None = None
        """Why starting failed, once it has: the process then stops asking this server."""

    # -- process management --------------------------------------------------
    def _read(self, stream: IO[str], replies: queue.Queue[str | None]) -> None:
        for line in stream:
            replies.put(line)
        replies.put(None)

    def _reply(self, timeout: float) -> dict[str, Any]:
        try:
            line = self._replies.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError from None
        if line is None:
            raise ConnectionError("the LibreOffice bridge ended")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def _start(self) -> None:
        self._profile = tempfile.TemporaryDirectory(
            prefix="baocao-lo-server-", ignore_cleanup_errors=True
        )
        pipe = f"baocao-{os.getpid()}-{uuid.uuid4().hex[:12]}"
        self._replies = queue.Queue()
        self._proc = subprocess.Popen(
            [
                self.python,
                str(_BRIDGE),
                str(office_binary(self.soffice)),
                Path(self._profile.name).as_uri(),
                pipe,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            # SIGTERM: the bridge then ends LibreOffice before it goes.
            preexec_fn=dies_with_parent(signal.SIGTERM) if os.name == "posix" else None,
            env={**os.environ, "BAOCAO_UNO_START_SECONDS": str(self.start_timeout)},
        )
        assert self._proc.stdout is not None
        threading.Thread(
            target=self._read, args=(self._proc.stdout, self._replies), daemon=True
        ).start()
        self.starts += 1
        try:
            ready = self._reply(self.start_timeout + 5)
        except (TimeoutError, ConnectionError) as exc:
            ready = {"ready": False, "error": str(exc) or "timeout"}
        if not ready.get("ready"):
            self._kill()
            self.unusable = f"LibreOffice did not start as a server: {ready.get('error')}"
            raise OfficeUnavailable(self.unusable)
        self.office_pid = int(ready["pid"])

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                try:
                    if os.name == "posix":
                        os.killpg(proc.pid, signal.SIGKILL)
                    else:  # pragma: no cover - Windows
                        proc.kill()
                except ProcessLookupError:
                    pass
            proc.wait()
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    stream.close()
        pid, self.office_pid = self.office_pid, None
        if pid is not None:
            _wait_gone(pid)  # it may still be writing into the profile
        if self._profile is not None:
            self._profile.cleanup()
            self._profile = None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def close(self) -> None:
        """End LibreOffice and the bridge (a later conversion starts them again)."""
        with self._lock:
            proc = self._proc
            if proc is not None and proc.poll() is None and proc.stdin is not None:
                try:
                    proc.stdin.close()  # the bridge ends LibreOffice and exits
                    proc.wait(timeout=10)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            self._kill()

    # -- conversions ---------------------------------------------------------
    def convert(
        self, src: Path, dst: Path, *, timeout: float = 60.0, options: dict[str, Any] | None = None
    ) -> None:
        """``src`` (.docx) to ``dst`` (PDF); restarts LibreOffice once if it had died."""
        request = json.dumps({"src": str(src), "dst": str(dst), "options": options or {}})
        with self._lock:
            for attempt in (1, 2):
                if not self.running:
                    self._kill()
                    self._start()
                assert self._proc is not None and self._proc.stdin is not None
                try:
                    self._proc.stdin.write(request + "\n")
                    self._proc.stdin.flush()
                    answer = self._reply(timeout)
                except TimeoutError:
                    self._kill()
                    raise OutputError(
                        f"LibreOffice did not convert {src.name} in {timeout:.0f} s; "
                        "it was restarted, no PDF was written"
                    ) from None
                except (ConnectionError, BrokenPipeError, OSError):
                    self._kill()
                    if attempt == 2:
                        raise OutputError(
                            "LibreOffice stopped while converting; no PDF written"
                        ) from None
                    continue
                if not answer.get("ok"):
                    raise OutputError(
                        f"LibreOffice could not convert {src.name}: {answer.get('error')}"
                    )
                return

    def convert_bytes(self, docx: bytes, *, timeout: float = 60.0) -> bytes:
        """PDF bytes of a .docx given as bytes."""
        with tempfile.TemporaryDirectory(prefix="baocao-pdf-") as tmp:
            src, dst = Path(tmp) / "report.docx", Path(tmp) / "report.pdf"
            src.write_bytes(docx)
            self.convert(src, dst, timeout=timeout)
            if not dst.is_file() or dst.stat().st_size == 0:
                raise OutputError("LibreOffice produced no PDF")
            return dst.read_bytes()


_shared: dict[Path, OfficeServer | None] = {}
_shared_lock = threading.Lock()


def shared_office(soffice: Path) -> OfficeServer | None:
    """The process's persistent LibreOffice for ``soffice``, or ``None`` where UNO is missing."""
    with _shared_lock:
        if soffice not in _shared:
            python = find_uno_python(soffice)
            _shared[soffice] = OfficeServer(soffice, python) if python else None
        server = _shared[soffice]
        return None if server is None or server.unusable else server


def stop_shared() -> None:
    """End every persistent LibreOffice this process started."""
    with _shared_lock:
        servers = [s for s in _shared.values() if s is not None]
    for server in servers:
        server.close()


atexit.register(stop_shared)
