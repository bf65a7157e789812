"""render_many on Windows and macOS: the spawn start method, the __main__ guard, the paths."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from baocao import render_many

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"
STATE = ROOT / "examples" / "bao-cao-ubnd-xa.yaml"


def test_batch_result_lists_the_paths_it_wrote_in_input_order(tmp_path: Path) -> None:
    result = render_many([STATE, SEED, tmp_path / "missing.yaml"], None, tmp_path, jobs=1)
    assert result.written == 2 and len(result.failures) == 1
    assert result.paths == [
        tmp_path / "bao-cao-ubnd-xa.docx",
        tmp_path / "bao-cao-quy-dinh-02.docx",
    ]
    assert all(p.is_file() for p in result.paths)


def test_render_many_with_jobs_under_spawn(tmp_path: Path) -> None:
    """The script the docs show: the guard, spawn forced, two workers."""
    script = tmp_path / "run.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import multiprocessing
            import baocao

            if __name__ == "__main__":
                multiprocessing.set_start_method("spawn", force=True)
                reports = [baocao.load({str(SEED)!r}), baocao.load({str(STATE)!r})] * 2
                result = baocao.render_many(reports, None, {str(tmp_path / "out")!r}, jobs=2)
                print(result.written, len(result.failures), len(result.paths))
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["4", "0", "4"]
