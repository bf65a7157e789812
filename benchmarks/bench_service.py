"""Load check of ``baocao serve``: bounded request loops against 127.0.0.1 only.

Starts the service on a free loopback port, sends N render requests at
concurrency C (threads, one HTTP client each), and prints errors, latency
p50/p99, throughput and the server's resident memory before and after, so a
leak shows as growth. A smaller PDF run follows when LibreOffice is installed.

    python benchmarks/bench_service.py                 # 2,000 .docx at concurrency 8, 20 PDF
    python benchmarks/bench_service.py -n 200 --pdf 0  # quicker
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "bao-cao-quy-dinh-02.yaml").read_bytes()


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _start(port: int, concurrency: int) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable,
        "-m",
        "baocao",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--concurrency",
        str(concurrency),
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    raise SystemExit("baocao serve did not start")


def _run(base: str, fmt: str, n: int, concurrency: int) -> tuple[list[float], int, float]:
    def worker(count: int) -> tuple[list[float], int]:
        times: list[float] = []
        errors = 0
        with httpx.Client(base_url=base, timeout=300) as client:
            for _ in range(count):
                started = time.perf_counter()
                answer = client.post(
                    "/v1/render",
                    params={"format": fmt},
                    content=SEED,
                    headers={"content-type": "application/yaml"},
                )
                times.append(time.perf_counter() - started)
                errors += answer.status_code != 200 or not answer.content
        return times, errors

    shares = [n // concurrency + (i < n % concurrency) for i in range(concurrency)]
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(worker, shares))
    wall = time.perf_counter() - started
    return [t for r in results for t in r[0]], sum(r[1] for r in results), wall


def _report(label: str, times: list[float], errors: int, wall: float) -> None:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(
        f"{label}: {len(times)} requests, {errors} errors, "
        f"p50 {statistics.median(ordered) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
        f"{len(times) / wall:.1f} req/s over {wall:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help=".docx requests (default 2000)")
    parser.add_argument("-c", "--concurrency", type=int, default=8)
    parser.add_argument("--pdf", type=int, default=20, help="PDF requests (0: none)")
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    proc = _start(port, min(args.concurrency, 4))
    base = f"http://127.0.0.1:{port}"
    try:
        _run(base, "docx", 20, 2)  # warm-up: compiled templates, imports
        before = _rss_mb(proc.pid)
        half = args.n // 2
        times, errors, wall = _run(base, "docx", half, args.concurrency)
        middle = _rss_mb(proc.pid)
        more, more_errors, more_wall = _run(base, "docx", args.n - half, args.concurrency)
        after = _rss_mb(proc.pid)
        _report(
            f"docx at concurrency {args.concurrency}",
            times + more,
            errors + more_errors,
            wall + more_wall,
        )
        print(
            f"server RSS: {before:.1f} MB after warm-up, {middle:.1f} MB at half, "
            f"{after:.1f} MB at the end (growth over the second half: {after - middle:+.1f} MB)"
        )
        if args.pdf and shutil.which("soffice"):
            pdf_times, pdf_errors, pdf_wall = _run(base, "pdf", args.pdf, 2)
            _report("pdf at concurrency 2", pdf_times, pdf_errors, pdf_wall)
        elif args.pdf:
            print("pdf: skipped, LibreOffice (soffice) not installed")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
