"""Attack suite, class 9: a batch with PDF interrupted (Ctrl-C, SIGTERM, kill -9) leaves nothing.

A real ``baocao batch … --format docx,pdf`` is started in its own session with a
private TMPDIR, interrupted while LibreOffice converts, and then: the message
says what is done and what is not and names ``--skip-existing``; no LibreOffice
is left running; no temporary folder is left in the output or in TMPDIR
(after kill -9 only LibreOffice's profile folder can remain: nothing of ours runs).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice is needed (apt-get install libreoffice-writer-nogui)",
)


def _left(marker: str) -> list[str]:
    ps = subprocess.run(["ps", "-eww", "-o", "pid,args"], capture_output=True, text=True).stdout
    return [line for line in ps.splitlines() if marker in line and "ps -eww" not in line]


def _batch(tmp_path: Path, how: signal.Signals) -> tuple[int, str, Path, Path]:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(60):
        shutil.copy(EXAMPLES / "bao-cao-ubnd-xa.yaml", inputs / f"r{i}.yaml")
    private = tmp_path / "tmp"
    private.mkdir()
    out = tmp_path / "out"
    env = {**os.environ, "TMPDIR": str(private), "BAOCAO_UNO_PYTHON": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "baocao", "batch", str(inputs), "-o", str(out),
         "--format", "docx,pdf", "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not _left(str(private)) and time.monotonic() < deadline:  # wait for LibreOffice
        if proc.poll() is not None:
            pytest.skip("the batch finished before LibreOffice could be interrupted")
        time.sleep(0.1)
    time.sleep(0.5)
    if how == signal.SIGINT:
        os.killpg(proc.pid, how)  # Ctrl-C reaches the whole foreground group
    else:
        os.kill(proc.pid, how)
    _, err = proc.communicate(timeout=120)
    time.sleep(2)
    return proc.returncode, err, out, private


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_batch_says_what_is_done_and_leaves_nothing(
    tmp_path: Path, how: signal.Signals
) -> None:
    code, err, out, private = _batch(tmp_path, how)
    assert code == 130
    assert "Đã dừng" in err and "--skip-existing" in err and "chưa xong" in err
    assert "Traceback" not in err
    assert _left(str(private)) == [] and _left(str(out)) == []
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert list(private.iterdir()) == []
    assert not [p for p in out.iterdir() if p.suffix == ".pdf" and p.stat().st_size == 0]


def test_kill_9_takes_libreoffice_down_too(tmp_path: Path) -> None:
    code, _, out, private = _batch(tmp_path, signal.SIGKILL)
    assert code == -9
    assert _left(str(private)) == [] and _left(str(out)) == []
