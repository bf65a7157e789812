"""render_many past one machine: a real ``dask.distributed`` cluster as the executor.

A ``LocalCluster`` has worker processes of their own, talking to a scheduler
over TCP on loopback, exactly as a cluster across machines does; what works
here works there given a shared output folder. (The ``dask`` extra; the
README's test command installs it.)
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="pip install '.[dask]'")

from baocao import render_many  # noqa: E402

from .conftest import EXAMPLES, SEED_YAML  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=40,
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_render_many_on_a_dask_cluster(client: object, tmp_path: Path) -> None:
    """Twelve reports rendered by the cluster's workers are the documents render_many writes."""
    inputs = [SEED_YAML, EXAMPLES / "bao-cao-ubnd-xa.yaml"] * 6
    with client.get_executor() as pool:  # type: ignore[attr-defined]
        result = render_many(
            inputs,
            None,
            tmp_path / "dask",
            executor=pool,
            jobs=2,
            name=lambda i, report: f"{i:02d}",
        )
    assert result.ok and result.written == 12
    local = render_many(inputs, None, tmp_path / "local", jobs=1, name=lambda i, report: f"{i:02d}")
    assert local.ok
    for i in range(12):
        with (
            zipfile.ZipFile(tmp_path / "dask" / f"{i:02d}.docx") as a,
            zipfile.ZipFile(tmp_path / "local" / f"{i:02d}.docx") as b,
        ):
            assert a.read("word/document.xml") == b.read("word/document.xml")


def test_a_bad_input_fails_alone_on_the_cluster(client: object, tmp_path: Path) -> None:
    """A broken report among good ones is one failure, named, the rest are written."""
    bad = tmp_path / "hong.yaml"
    bad.write_text("kind: document\nheader: {}\n", encoding="utf-8")
    with client.get_executor() as pool:  # type: ignore[attr-defined]
        result = render_many(
            [SEED_YAML, bad, SEED_YAML],
            None,
            tmp_path / "o",
            executor=pool,
            jobs=2,
            name=lambda i, report: f"{i}",
        )
    assert result.written == 2
    assert [f.input for f in result.failures] == [str(bad)] or [
        Path(str(f.input)) for f in result.failures
    ] == [bad]
