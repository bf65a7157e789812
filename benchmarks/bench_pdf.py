"""PDF through LibreOffice: one soffice call for N documents against N calls.

Renders the seed report to .docx once, copies it N times, then converts:

* ``one call``: all N files in a single invocation (what ``baocao batch`` does);
* ``N calls``: one invocation per file, each with its own fresh profile (what N
  separate ``baocao render x.pdf`` runs do);
* ``N calls, warm profile``: one invocation per file sharing one profile that has
  already been created (the best a per-file loop can do).

Usage::

    PYTHONPATH=src python benchmarks/bench_pdf.py -n 10
    PYTHONPATH=src python benchmarks/bench_pdf.py -n 10 --json
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from baocao import load, render_bytes
from baocao.engines.pdf import convert_to_pdf, find_soffice

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"


def _sources(folder: Path, n: int) -> list[Path]:
    data = render_bytes(load(SEED), "docx")
    out = []
    for i in range(n):
        p = folder / f"bao-cao-{i:04d}.docx"
        p.write_bytes(data)
        out.append(p)
    return out


def one_call(sources: list[Path], out: Path) -> float:
    started = time.perf_counter()
    done = convert_to_pdf(sources, out)
    assert len(done.converted) == len(sources), done.failed
    return time.perf_counter() - started


def n_calls(sources: list[Path], out: Path) -> float:
    started = time.perf_counter()
    for s in sources:
        done = convert_to_pdf([s], out)
        assert len(done.converted) == 1, done.failed
    return time.perf_counter() - started


def n_calls_warm(sources: list[Path], out: Path, soffice: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-lo-profile-") as profile:
        base = [
            str(soffice),
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
        ]
        subprocess.run([*base, str(sources[0])], capture_output=True, check=True)  # warm-up
        started = time.perf_counter()
        for s in sources:
            subprocess.run([*base, str(s)], capture_output=True, check=True, timeout=120)
        return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10, help="number of documents (default 10)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        work = Path(tmp)
        sources = _sources(work, args.n)
        times = {}
        for name, run in (
            ("one_call_s", lambda out: one_call(sources, out)),
            ("n_calls_s", lambda out: n_calls(sources, out)),
            ("n_calls_warm_profile_s", lambda out: n_calls_warm(sources, out, soffice)),
        ):
            out = work / name
            out.mkdir()
            times[name] = run(out)
            shutil.rmtree(out)
    result = {
        "documents": args.n,
        **{k: round(v, 2) for k, v in times.items()},
        "ratio": round(times["n_calls_s"] / times["one_call_s"], 2),
        "ratio_warm": round(times["n_calls_warm_profile_s"] / times["one_call_s"], 2),
    }
    if args.json:
        print(json.dumps(result))
        return
    n = args.n
    print(f"{n} documents (seed report), LibreOffice {soffice}")
    print(
        f"  one soffice call for {n} files:       {times['one_call_s']:7.2f} s "
        f"({times['one_call_s'] / n:.2f} s/doc)"
    )
    print(
        f"  {n} soffice calls, fresh profile each: {times['n_calls_s']:7.2f} s "
        f"({times['n_calls_s'] / n:.2f} s/doc)"
    )
    print(
        f"  {n} soffice calls, warm profile:       {times['n_calls_warm_profile_s']:7.2f} s "
        f"({times['n_calls_warm_profile_s'] / n:.2f} s/doc)"
    )
    print(f"  ratio N calls / one call: {result['ratio']}x (warm profile: {result['ratio_warm']}x)")


if __name__ == "__main__":
    main()
