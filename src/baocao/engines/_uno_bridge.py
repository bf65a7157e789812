"""The far side of the persistent LibreOffice: runs under a Python that has ``uno``.

Not imported by baocao: :mod:`baocao.engines.office` starts it as a script with
LibreOffice's own Python (Debian's ``python3-uno``, or the ``python`` shipped
in LibreOffice's ``program`` folder on Windows and macOS). It starts
``soffice`` listening on a private named pipe (no network port), then reads
one JSON request a line on standard input and answers one JSON line on
standard output::

    → {"src": "/tmp/a.docx", "dst": "/tmp/a.pdf", "filter": "writer_pdf_Export"}
    ← {"ok": true}   or   {"ok": false, "error": "…"}

End of input (the parent closed the pipe or died) or SIGTERM ends LibreOffice
and the bridge, so nothing outlives the program that started it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from typing import Any

import uno
from com.sun.star.beans import PropertyValue


def _prop(name: str, value: Any) -> Any:
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _say(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _die_with_bridge() -> None:  # runs in LibreOffice's process, before it starts
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError):
            ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


_RESTART = 81
"""soffice.bin's exit status asking to be started again (it made a fresh profile)."""


def _connect(soffice: str, profile: str, pipe: str) -> tuple[subprocess.Popen[bytes], Any]:
    url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--invisible",
        "--norestore",
        "--nolockcheck",
        "--nodefault",
        "--nologo",
        f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
    ]

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_bridge if os.name == "posix" else None,
        )

    office = start()
    restarts = 0
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + float(os.environ.get("BAOCAO_UNO_START_SECONDS", "60"))
    while True:
        try:
            context = resolver.resolve(url)
            break
        except Exception:  # NoConnectException until LibreOffice listens
            if office.poll() == _RESTART and restarts < 2:  # a first start: fresh profile
                restarts += 1
                office = start()
                continue
            if office.poll() is not None or time.monotonic() > deadline:
                office.kill()
                raise
            time.sleep(0.05)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    return office, desktop


def _convert(desktop: Any, request: dict[str, Any]) -> None:
    hidden = (_prop("Hidden", True), _prop("ReadOnly", True), _prop("UpdateDocMode", 0))
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(request["src"]), "_blank", 0, hidden)
    if doc is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        filter_data = tuple(_prop(k, v) for k, v in request.get("options", {}).items())
        store = [_prop("FilterName", request.get("filter", "writer_pdf_Export"))]
        target = uno.systemPathToFileUrl(request["dst"])
        if filter_data:
            typed = uno.Any("[]com.sun.star.beans.PropertyValue", filter_data)
            store.append(_prop("FilterData", typed))
            uno.invoke(doc, "storeToURL", (target, tuple(store)))
        else:
            doc.storeToURL(target, tuple(store))
    finally:
        doc.close(True)


def main() -> int:
    soffice, profile, pipe = sys.argv[1:4]
    office: subprocess.Popen[bytes] | None = None

    def stop(*_: object) -> None:
        if office is not None and office.poll() is None:
            office.terminate()
            try:
                office.wait(10)
            except subprocess.TimeoutExpired:
                office.kill()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        office, desktop = _connect(soffice, profile, pipe)
    except Exception as exc:
        _say({"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return 1
    _say({"ready": True, "pid": office.pid})
    try:
        for line in sys.stdin:
            if office.poll() is not None:
                break  # LibreOffice died: end, so the parent starts both afresh
            try:
                _convert(desktop, json.loads(line))
                _say({"ok": True})
            except Exception as exc:
                # A dead LibreOffice shows as a disposed bridge, sometimes before
                # its process is seen to end: either way, end so the parent restarts.
                if office.poll() is not None or "Disposed" in type(exc).__name__:
                    break
                _say({"ok": False, "error": f"{type(exc).__name__}: {exc}"})
    finally:
        with contextlib.suppress(Exception):
            desktop.terminate()
        stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
