"""render_many: streamed inputs, outputs written atomically, failures collected, any executor."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

import baocao
from baocao.batch import CHUNK, BatchProgress, render_many
from baocao.errors import OutputError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"
UBND = ROOT / "examples" / "bao-cao-ubnd-xa.yaml"


def _reports(n: int, *, broken: set[int] = frozenset()) -> Iterator[dict[str, Any]]:  # type: ignore[assignment]
    base = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    for i in range(n):
        data = copy.deepcopy(base)
        data["header"]["issuer"]["name"] = f"BAN TỔ CHỨC SỐ {i + 1}"
        if i in broken:
            data["header"]["family"] = "không-có"
        yield data


def test_writes_one_document_per_report(tmp_path: Path) -> None:
    """Each report becomes a .docx named by its position; the result counts them."""
    result = render_many(_reports(3), None, tmp_path, jobs=1)
    assert result.ok and result.written == result.total == 3
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["00001.docx", "00002.docx", "00003.docx"]
    assert baocao.render_bytes(next(_reports(1))) == (tmp_path / "00001.docx").read_bytes()


def test_failures_are_collected_and_the_run_goes_on(tmp_path: Path) -> None:
    """A bad report is a failure naming the input and the field; the others are written."""
    progress: list[BatchProgress] = []
    result = render_many(_reports(5, broken={1}), None, tmp_path, jobs=1, progress=progress.append)
    assert result.written == 4 and len(result.failures) == 1
    failure = result.failures[0]
    assert failure.input == "reports[1]" and "header.family" in failure.message
    assert not (tmp_path / "00002.docx").exists()
    assert [p.index for p in progress] == [0, 1, 2, 3, 4]
    assert progress[-1].done == 4 and progress[-1].failed == 1
    assert [p.error is None for p in progress] == [True, False, True, True, True]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_paths_are_loaded_and_named_by_stem(tmp_path: Path) -> None:
    """Report files are loaded where they are rendered; the output keeps the file's stem."""
    missing = tmp_path / "không-có.yaml"
    result = render_many([SEED, str(UBND), missing], None, tmp_path / "out", jobs=1, format="txt")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "bao-cao-quy-dinh-02.txt",
        "bao-cao-ubnd-xa.txt",
    ]
    assert [f.input for f in result.failures] == [str(missing)]


def test_name_patterns_clashes_and_escapes(tmp_path: Path) -> None:
    """A name pattern is formatted per input; a clash or a path outside out_dir is a failure."""
    result = render_many(_reports(2), None, tmp_path, jobs=1, name="xa-{number:03d}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xa-001.docx", "xa-002.docx"]
    clash = render_many(_reports(2), None, tmp_path / "c", jobs=1, name="cung-ten")
    assert clash.written == 1 and "already written for reports[0]" in clash.failures[0].message
    out = render_many(_reports(1), None, tmp_path / "d", jobs=1, name=lambda i, stem: "../x")
    assert out.written == 0 and "outside" in out.failures[0].message
    assert result.ok
    with pytest.raises(OutputError, match="output name pattern"):
        render_many(_reports(1), None, tmp_path / "e", jobs=1, name="{unknown}")


def test_existing_files_are_kept_without_overwrite(tmp_path: Path) -> None:
    """With overwrite=False an existing output is a failure and keeps its content."""
    (tmp_path / "00001.docx").write_bytes(b"old")
    result = render_many(_reports(1), None, tmp_path, jobs=1, overwrite=False)
    assert result.written == 0 and "đã có" in result.failures[0].message
    assert (tmp_path / "00001.docx").read_bytes() == b"old"


def test_inputs_are_read_lazily(tmp_path: Path) -> None:
    """Inputs are pulled a unit at a time, not all at once: memory stays flat."""
    pulled = 0

    def source() -> Iterator[dict[str, Any]]:
        nonlocal pulled
        for report in _reports(3 * CHUNK):
            pulled += 1
            yield report

    seen: list[int] = []
    render_many(source(), None, tmp_path, jobs=1, progress=lambda p: seen.append(pulled))
    assert seen[0] == CHUNK and seen[-1] == 3 * CHUNK


def test_any_executor_can_do_the_work(tmp_path: Path) -> None:
    """A given executor renders the documents and is left open for its owner."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        result = render_many(_reports(CHUNK + 3, broken={2}), None, tmp_path, executor=pool)
        assert pool.submit(lambda: 1).result() == 1
    assert result.written == CHUNK + 2 and len(result.failures) == 1


def test_process_pool_by_default(tmp_path: Path) -> None:
    """With jobs above one, worker processes render and write the documents."""
    result = render_many(_reports(CHUNK + 1), "dang", tmp_path, jobs=2)
    assert result.ok and result.written == CHUNK + 1
    first = (tmp_path / "00001.docx").read_bytes()
    assert first == baocao.render_bytes(next(_reports(1)), "docx", "dang")


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    """jobs=0 is refused with a clear error."""
    with pytest.raises(OutputError, match="jobs must be at least 1"):
        render_many(_reports(1), None, tmp_path, jobs=0)


def test_a_broken_executor_is_one_clear_error(tmp_path: Path) -> None:
    """When the executor breaks, render_many says so and how many documents it wrote."""

    class Broken(ThreadPoolExecutor):
        def submit(self, *args: Any, **kwargs: Any) -> Any:
            raise BrokenExecutor("mất kết nối")

    with Broken() as pool, pytest.raises(OutputError, match=r"workers stopped .*0 documents"):
        render_many(_reports(1), None, tmp_path, executor=pool)


def test_work_units_cross_process_boundaries(tmp_path: Path) -> None:
    """What an executor receives pickles (as spawn, Dask and Ray workers need) and still runs."""
    captured: list[tuple[Any, ...]] = []

    class Capturing(ThreadPoolExecutor):
        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
            fn, args = pickle.loads(pickle.dumps((fn, args)))
            captured.append(args)
            return super().submit(fn, *args, **kwargs)

    with Capturing(max_workers=1) as pool:
        result = render_many([SEED], baocao.get_pack("dang"), tmp_path, executor=pool)
    assert result.ok and len(captured) == 1
    assert (tmp_path / "bao-cao-quy-dinh-02.docx").stat().st_size > 0
