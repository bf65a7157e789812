"""PDF through LibreOffice: the persistent server against the one-call path.

Renders the seed report to .docx once, then measures in one run:

* ``single, cold``: one ``render(… .pdf)`` in a fresh process, as ``baocao
  render x.pdf`` does it: server path (start LibreOffice as a server, convert)
  and one-call path (``soffice --convert-to pdf``);
* ``single, warm``: a further single conversion in a process whose server is
  already running (a script or the HTTP service rendering one PDF after another);
  the one-call path has no warm state, so its figure is a fresh call again;
* ``batch``: N files, through the running server one by one, and in a single
  soffice invocation (what ``baocao batch`` did before the server).

Each figure is the median of ``--rounds`` rounds. Targets (issue: performance):
a warm single PDF ≤ 0.5 s; batches take whichever path is faster.

Usage::

    python benchmarks/bench_pdf.py -n 10 --rounds 3
    python benchmarks/bench_pdf.py --json
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from baocao import load, render_bytes
from baocao.engines.office import shared_office, stop_shared
from baocao.engines.pdf import convert_to_pdf, docx_to_pdf, find_soffice

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"

_COLD = """
import sys, time
from pathlib import Path
from baocao.engines.pdf import docx_to_pdf
data = Path(sys.argv[1]).read_bytes()
started = time.perf_counter()
pdf = docx_to_pdf(data, persistent=sys.argv[2] == "server")
assert pdf.startswith(b"%PDF")
print(time.perf_counter() - started)
"""


def _cold(docx: Path, path: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _COLD, str(docx), path],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return float(done.stdout.strip().splitlines()[-1])


def _timed(run: object) -> float:
    started = time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10, help="documents in the batch (default 10)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds per figure (median; default 3)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    soffice = find_soffice()
    server = shared_office(soffice)
    if server is None:
        raise SystemExit(
            "no persistent LibreOffice here (python3-uno missing?): nothing to compare"
        )
    data = render_bytes(load(SEED), "docx")
    figures: dict[str, list[float]] = {}

    def add(name: str, seconds: float) -> None:
        figures.setdefault(name, []).append(seconds)

    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        work = Path(tmp)
        docx = work / "seed.docx"
        docx.write_bytes(data)
        sources = []
        for i in range(args.n):
            p = work / f"bao-cao-{i:04d}.docx"
            p.write_bytes(data)
            sources.append(p)
        docx_to_pdf(data)  # start the server in this process
        for r in range(args.rounds):
            add("single_cold_server_s", _cold(docx, "server"))
            add("single_cold_one_call_s", _cold(docx, "one-call"))
            add("single_warm_server_s", _timed(lambda: docx_to_pdf(data)))
            add("single_warm_one_call_s", _timed(lambda: docx_to_pdf(data, persistent=False)))
            for name, persistent in (("batch_server_s", True), ("batch_one_call_s", False)):
                out = work / f"{name}-{r}"
                add(
                    name,
                    _timed(functools.partial(convert_to_pdf, sources, out, persistent=persistent)),
                )
    stop_shared()
    med = {k: statistics.median(v) for k, v in figures.items()}
    result = {
        "documents": args.n,
        "rounds": args.rounds,
        **{k: round(v, 3) for k, v in med.items()},
        "ratio_single_cold": round(med["single_cold_one_call_s"] / med["single_cold_server_s"], 2),
        "ratio_single_warm": round(med["single_warm_one_call_s"] / med["single_warm_server_s"], 2),
        "ratio_batch": round(med["batch_one_call_s"] / med["batch_server_s"], 2),
        "warm_single_target_met": med["single_warm_server_s"] <= 0.5,
    }
    if args.json:
        print(json.dumps(result))
        return
    n = args.n
    print(f"seed report, LibreOffice {soffice}, medians of {args.rounds} rounds")
    print(f"{'':24}{'server':>10}{'one call':>10}{'ratio':>8}")
    for label, key, ratio in (
        ("single PDF, cold", "single_cold", "ratio_single_cold"),
        ("single PDF, warm", "single_warm", "ratio_single_warm"),
        (f"batch of {n}", "batch", "ratio_batch"),
    ):
        print(
            f"{label:24}{med[key + '_server_s']:9.2f}s{med[key + '_one_call_s']:9.2f}s"
            f"{result[ratio]:7.1f}x"
        )
    print(
        f"per file in the batch: {med['batch_server_s'] / n:.3f} s (server), "
        f"{med['batch_one_call_s'] / n:.3f} s (one call)"
    )
    verdict = "met" if result["warm_single_target_met"] else "NOT met"
    print(f"target warm single PDF <= 0.5 s: {med['single_warm_server_s']:.2f} s, {verdict}")
    faster = "server" if med["batch_server_s"] < med["batch_one_call_s"] else "one call"
    print(f"batches: the {faster} path is faster here")


if __name__ == "__main__":
    main()
