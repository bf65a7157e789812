"""The persistent LibreOffice: reused, restarted when it dies or hangs, never left running.

These run the real LibreOffice through the UNO bridge; they skip where
LibreOffice or its Python UNO module is missing (``.ci/run`` installs
``libreoffice-writer-nogui`` and ``python3-uno``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from baocao import load, render_bytes
from baocao.engines.office import OfficeServer, find_uno_python
from baocao.engines.pdf import convert_to_pdf, docx_to_pdf, find_soffice
from baocao.errors import OutputError

from .conftest import SEED_YAML

try:
    SOFFICE: Path | None = find_soffice()
except OutputError:
    SOFFICE = None
PYTHON = find_uno_python(SOFFICE) if SOFFICE is not None else None

pytestmark = pytest.mark.skipif(
    PYTHON is None,
    reason="LibreOffice's Python UNO needed: apt-get install libreoffice-writer-nogui python3-uno",
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0): read its state.
    status = Path(f"/proc/{pid}/status")
    return not status.exists() or "State:\tZ" not in status.read_text()


def _gone(pid: int, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def docx() -> bytes:
    return render_bytes(load(SEED_YAML), "docx")


@pytest.fixture
def server() -> Iterator[OfficeServer]:
    assert SOFFICE is not None and PYTHON is not None
    office = OfficeServer(SOFFICE, PYTHON)
    try:
        yield office
    finally:
        office.close()


def test_started_once_and_reused(server: OfficeServer, docx: bytes) -> None:
    """Three conversions, one LibreOffice; each answer is a PDF."""
    for _ in range(3):
        assert server.convert_bytes(docx).startswith(b"%PDF")
    assert server.starts == 1 and server.running


def test_a_dead_libreoffice_is_restarted(server: OfficeServer, docx: bytes) -> None:
    """Killing LibreOffice between conversions costs a restart, not a failure."""
    server.convert_bytes(docx)
    assert server.office_pid is not None
    os.kill(server.office_pid, signal.SIGKILL)
    assert _gone(server.office_pid)
    assert server.convert_bytes(docx).startswith(b"%PDF")
    assert server.starts == 2


def test_a_conversion_past_its_deadline_is_killed_then_recovers(
    server: OfficeServer, docx: bytes
) -> None:
    """A deadline too short to meet raises OutputError, kills LibreOffice, and the next works."""
    server.convert_bytes(docx)
    first = server.office_pid
    assert first is not None
    with pytest.raises(OutputError, match="restarted"):
        server.convert_bytes(docx, timeout=0.001)
    assert _gone(first)
    assert server.convert_bytes(docx).startswith(b"%PDF") and server.starts == 2


def test_close_leaves_nothing_running(server: OfficeServer, docx: bytes) -> None:
    """After close() neither LibreOffice nor the bridge is running, and no profile remains."""
    server.convert_bytes(docx)
    pid = server.office_pid
    assert pid is not None
    server.close()
    assert _gone(pid) and not server.running


@pytest.mark.parametrize("ending", ["exit", "sigkill"])
def test_nothing_outlives_the_process(ending: str, tmp_path: Path) -> None:
    """A script that converts then exits, or is killed outright, leaves no LibreOffice behind."""
    script = tmp_path / "convert.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import os, signal, sys
            from baocao import load, render_bytes
            from baocao.engines.office import shared_office
            from baocao.engines.pdf import docx_to_pdf, find_soffice
            pdf = docx_to_pdf(render_bytes(load({str(SEED_YAML)!r}), "docx"))
            assert pdf.startswith(b"%PDF")
            print(shared_office(find_soffice()).office_pid, flush=True)
            if {ending!r} == "sigkill":
                os.kill(os.getpid(), signal.SIGKILL)
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip(), done.stderr
    pid = int(done.stdout.strip())
    assert _gone(pid), f"LibreOffice {pid} still running after the script's {ending}"


def test_render_pdf_and_batch_use_the_server(docx: bytes, tmp_path: Path) -> None:
    """docx_to_pdf and convert_to_pdf go through the persistent path and agree with one call."""
    warm = docx_to_pdf(docx)
    sources = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(docx)
        sources.append(path)
    through_server = convert_to_pdf(sources, tmp_path / "server", persistent=True)
    one_call = convert_to_pdf(sources, tmp_path / "one", persistent=False)
    assert not through_server.failed and not one_call.failed
    for path in [*through_server.converted.values(), *one_call.converted.values()]:
        assert path.read_bytes().startswith(b"%PDF")
    pages = [_pages(p.read_bytes()) for p in [*through_server.converted.values()]]
    assert (
        pages == [_pages(warm)] * 2 == [_pages(p.read_bytes()) for p in one_call.converted.values()]
    )


def _pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") or pdf.count(
        b"/Type/Page"
    ) - pdf.count(b"/Type/Pages")
