"""Attack suite, classes 4, 5 and 8 (outputs): what may be replaced, and when.

``--force`` replaces only regular files; without it nothing is ever replaced,
checked at the moment of writing, even between two processes; every error
names the output asked for.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import stat
from pathlib import Path

import pytest

import baocao
from baocao.atomic import atomic_write
from baocao.errors import BaocaoError, OutputError
from tests.conftest import SEED_YAML


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return baocao.load(SEED_YAML)


def _special(tmp_path: Path, kind: str) -> Path:
    target = tmp_path / f"{kind}.docx"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "victim.txt").write_text("keep me", encoding="utf-8")
        target.symlink_to(tmp_path / "victim.txt")
    elif kind == "dangling":
        target.symlink_to(tmp_path / "nowhere")
    elif kind == "folder":
        target.mkdir()
    return target


@pytest.mark.parametrize("kind", ["fifo", "symlink", "dangling", "folder"])
@pytest.mark.parametrize("force", [True, False])
def test_only_regular_files_are_replaced(tmp_path: Path, report, kind: str, force: bool) -> None:  # type: ignore[no-untyped-def]
    target = _special(tmp_path, kind)
    before = os.lstat(target)
    with pytest.raises(OutputError, match="không phải tệp thường"):
        baocao.render(report, target, overwrite=force)
    after = os.lstat(target)
    assert (
        stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode) and after.st_ino == before.st_ino
    )
    if kind == "symlink":
        assert (tmp_path / "victim.txt").read_text(encoding="utf-8") == "keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".baocao-")]


def test_device_nodes_are_not_replaced(tmp_path: Path, report) -> None:  # type: ignore[no-untyped-def]
    """A character device like /dev/null, made in tmp (the real one is only asked, never written:
    a broken build must not be able to destroy it while its tests run)."""
    from baocao.atomic import check_target

    with pytest.raises(OutputError, match="thiết bị ký tự"):
        check_target("/dev/null", overwrite=True)
    try:
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device node here (not root)")
    before = os.lstat(device)
    with pytest.raises(OutputError, match="thiết bị ký tự"):
        baocao.render(report, device, overwrite=True)
    with pytest.raises(OutputError):
        atomic_write(device, b"x", overwrite=True)
    assert os.lstat(device).st_ino == before.st_ino and stat.S_ISCHR(os.lstat(device).st_mode)


def test_cli_force_on_a_fifo_is_an_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from baocao.cli import main

    fifo = _special(tmp_path, "fifo")
    result = CliRunner().invoke(main, ["render", str(SEED_YAML), "-o", str(fifo), "--force"])
    assert result.exit_code == 1 and "không phải tệp thường" in result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_trailing_slash_is_a_folder_not_a_file(tmp_path: Path, report) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(OutputError, match="thư mục"):
        baocao.render(report, f"{tmp_path}/x.docx/")
    assert not (tmp_path / "x.docx").exists()


def _write_once(args: tuple[str, bytes]) -> str:
    target, data = args
    try:
        atomic_write(target, data, overwrite=False)
    except OutputError:
        return "refused"
    return "written"


def test_exclusive_at_the_moment_of_writing(tmp_path: Path) -> None:
    """A file appearing after the start check is still not replaced (the link fails)."""
    target = tmp_path / "a.docx"
    from baocao.atomic import atomic_path

    with pytest.raises(OutputError, match="đã có"), atomic_path(target, overwrite=False) as tmp:
        tmp.write_bytes(b"mine")
        target.write_bytes(b"theirs")  # another process got there first
    assert target.read_bytes() == b"theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_concurrent_writers_never_overwrite(tmp_path: Path) -> None:
    """Many processes race for the same names: each name is written exactly once."""
    jobs = [(str(tmp_path / f"{i % 5}.docx"), f"writer {i}".encode()) for i in range(40)]
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        outcomes = pool.map(_write_once, jobs)
    assert outcomes.count("written") == 5 and outcomes.count("refused") == 35
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{i}.docx" for i in range(5)]


def test_two_batches_into_one_folder(tmp_path: Path) -> None:
    """Two overlapping render_many runs without overwrite: every file written once, none lost."""
    from concurrent.futures import ThreadPoolExecutor

    inputs = [SEED_YAML] * 1
    names = [lambda i, s, k=k: f"doc-{k}.docx" for k in range(6)]

    def run(_: int) -> int:
        written = 0
        for rule in names:
            result = baocao.render_many(inputs, None, tmp_path, jobs=1, name=rule, overwrite=False)
            written += result.written
        return written

    with ThreadPoolExecutor(2) as pool:
        totals = list(pool.map(run, range(2)))
    assert sum(totals) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"doc-{k}.docx" for k in range(6)]


def test_read_only_folder_names_the_output(tmp_path: Path, report, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if os.geteuid() == 0:  # root writes into read-only folders: refuse the temporary file instead
        import tempfile

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(tmp_path / "ro" / ".baocao-x.tmp"))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError) as caught:
            baocao.render(report, folder / "out.docx")
        assert str(folder / "out.docx") in str(caught.value) and ".tmp" not in str(caught.value)
    finally:
        folder.chmod(0o700)


def test_too_long_name_and_symlink_loop(tmp_path: Path, report) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(OutputError, match="không ghi được"):
        baocao.render(report, tmp_path / ("a" * 300 + ".docx"))
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    with pytest.raises(BaocaoError):
        baocao.render(report, tmp_path / "loop" / "x.docx")
    with pytest.raises(BaocaoError):
        baocao.load(tmp_path / "loop")


def test_a_long_name_that_fits_is_written(tmp_path: Path, report) -> None:  # type: ignore[no-untyped-def]
    """The temporary name is short: a 250-character output name still works."""
    target = tmp_path / ("b" * 245 + ".docx")
    baocao.render(report, target)
    assert target.stat().st_size > 0


@pytest.mark.parametrize("stream", ["closed", "text", "none"])
def test_bad_streams_are_output_errors(report, stream: str) -> None:  # type: ignore[no-untyped-def]
    if stream == "closed":
        sink: object = io.BytesIO()
        sink.close()  # type: ignore[attr-defined]
    elif stream == "text":
        sink = io.StringIO()
    else:
        sink = object()
    with pytest.raises(OutputError):
        baocao.render(report, sink, format="txt")  # type: ignore[arg-type]
