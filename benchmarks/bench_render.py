"""Render throughput: baocao's compiled templates against the plain docxtpl loop.

Usage (from the repository root, package installed or ``PYTHONPATH=src``)::

    python benchmarks/bench_render.py                  # seed-sized and 10x larger reports
    python benchmarks/bench_render.py --json           # the same, one JSON object
    python benchmarks/bench_render.py --batch 10000    # render_many, jobs=1 and jobs=2
    python benchmarks/bench_render.py --targets [--rust-venv /tmp/rdx] [--many 10000]
                                  # every target of docs/performance.md (bench_floor.py)

The reports are generated from the seed example (one per commune, names and
figures varied); ``--scale`` makes each one that many times longer. Both
engines render the same composed template with the same contexts; the plain
loop is what docxtpl's documentation shows: a new ``DocxTemplate``, ``render``,
``save``. Rounds alternate between the two engines so a busy machine slows both
alike; rates are medians over rounds. Peak RSS is this process's high-water
mark; in ``--batch`` mode it is the largest sum over the whole process tree
(parent and workers), sampled every 20 ms.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"
COMMUNES = ["Minh Tân", "Thanh Hà", "Đồng Xuân", "Phú Lộc", "Yên Bình", "Hòa Bình", "Tân Lập"]


def _scaled(base: dict[str, Any], scale: int) -> dict[str, Any]:
    """The report with its repeatable content (sections, blocks, items) ``scale`` times over."""
    if scale == 1:
        return base
    out = dict(base)
    if "sections" in base:  # kind: document
        out["sections"] = base["sections"] * scale
    if "results" in base:  # kind: bao_cao_thuc_hien
        out["results"] = {**base["results"], "sections": base["results"]["sections"] * scale}
        a = base["assessment"]
        out["assessment"] = {
            **a,
            "strengths": {**a["strengths"], "blocks": a["strengths"]["blocks"] * scale},
            "limitations": {**a["limitations"], "groups": a["limitations"]["groups"] * scale},
            "causes": {**a["causes"], "blocks": a["causes"]["blocks"] * scale},
        }
        out["tasks"] = {**base["tasks"], "items": base["tasks"]["items"] * scale}
    return out


def make_reports(n: int, scale: int = 1, seed: Path = SEED) -> Iterator[dict[str, Any]]:
    """``n`` reports like ``seed``, each ``scale`` times as long; built lazily, sharing the text."""
    base = _scaled(yaml.safe_load(seed.read_text(encoding="utf-8")), scale)
    issuer = base["header"]["issuer"]
    for i in range(n):
        commune = f"{COMMUNES[i % len(COMMUNES)]} {i // len(COMMUNES) + 1}"
        header = {
            **base["header"],
            "issuer": {**issuer, "parent": f"{issuer['parent']} – {commune.upper()}"},
            "place": commune,
        }
        yield {**base, "header": header}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _document_xml_size(docx: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.getinfo("word/document.xml").file_size


def _rate(fn: Callable[[], None], docs: int) -> float:
    start = time.perf_counter()
    fn()
    return docs / (time.perf_counter() - start)


def compare(
    n: int, scale: int, rounds: int, template: str | None, seed: Path = SEED
) -> dict[str, Any]:
    """docs/s of baocao and of the plain docxtpl loop on the same template and contexts."""
    from docxtpl import DocxTemplate

    import baocao
    from baocao.engines.docx import render_docx_bytes
    from baocao.engines.docx_context import docx_context
    from baocao.packs.environment import make_environment
    from baocao.rendering import resolve_template, template_bytes

    reports = [baocao.validate(d) for d in make_reports(n, scale, seed)]
    pack = resolve_template(reports[0], template)
    tpl_bytes = template_bytes(pack)
    contexts = [docx_context(r) for r in reports]
    env = make_environment()

    def plain() -> None:
        for ctx in contexts:
            tpl = DocxTemplate(io.BytesIO(tpl_bytes))
            tpl.render(ctx, jinja_env=env, autoescape=True)
            tpl.save(io.BytesIO())

    def compiled() -> None:
        for ctx in contexts:
            render_docx_bytes(tpl_bytes, ctx, name=pack.id)

    def end_to_end() -> None:
        for report in reports:
            baocao.render_bytes(report, "docx", template)

    start = time.perf_counter()
    first = render_docx_bytes(tpl_bytes, contexts[0], name=pack.id)
    cold_ms = (time.perf_counter() - start) * 1000
    reps = 10  # the compiled engine is fast: more documents per round for a steady time
    plain_rates, compiled_rates, e2e_rates = [], [], []
    for _ in range(rounds):
        plain_rates.append(_rate(plain, n))
        compiled_rates.append(_rate(lambda: [compiled() for _ in range(reps)] and None, n * reps))
        e2e_rates.append(_rate(lambda: [end_to_end() for _ in range(reps)] and None, n * reps))
    ours, theirs = statistics.median(compiled_rates), statistics.median(plain_rates)
    return {
        "template": pack.id,
        "documents": n,
        "scale": scale,
        "body_lines": len(contexts[0]["body"]),
        "document_xml_kb": round(_document_xml_size(first) / 1024, 1),
        "baocao_docs_per_s": round(ours, 1),
        "docxtpl_docs_per_s": round(theirs, 1),
        "ratio": round(ours / theirs, 1),
        "baocao_ms_per_doc": round(1000 / ours, 3),
        "docxtpl_ms_per_doc": round(1000 / theirs, 2),
        "end_to_end_docs_per_s": round(statistics.median(e2e_rates), 1),
        "first_render_ms": round(cold_ms, 1),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


def _tree_rss_kb(pid: int) -> int:
    """RSS of ``pid`` and all its descendants, from /proc."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, StopIteration):
            continue
    return total


def batch_child(n: int, jobs: int, out_dir: str, template: str | None) -> dict[str, Any]:
    """One ``render_many`` run over ``n`` generated reports, with the tree's peak RSS."""
    from baocao import render_many

    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_kb(os.getpid()))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    result = render_many(make_reports(n), template, out_dir, jobs=jobs)
    stop.set()
    sampler.join()
    return {
        "jobs": jobs,
        "documents": result.written,
        "failures": len(result.failures),
        "seconds": round(result.seconds, 2),
        "docs_per_s": round(result.written / result.seconds, 1),
        "peak_tree_rss_mb": round(peak / 1024, 1),
    }


def batch(n: int, jobs_list: list[int], template: str | None) -> dict[str, Any]:
    """``render_many`` over ``n`` documents for each jobs value, each in a fresh process."""
    runs = []
    for jobs in jobs_list:
        with tempfile.TemporaryDirectory(prefix="baocao-bench-") as out:
            cmd = [
                sys.executable,
                __file__,
                "--batch-child",
                "--batch",
                str(n),
                "--jobs",
                str(jobs),
                "--out",
                out,
            ]
            if template:
                cmd += ["--template", template]
            proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
            runs.append(json.loads(proc.stdout))
    report: dict[str, Any] = {"documents": n, "runs": runs}
    by_jobs = {r["jobs"]: r for r in runs}
    if 1 in by_jobs and 2 in by_jobs:
        report["speedup_2_over_1"] = round(by_jobs[2]["docs_per_s"] / by_jobs[1]["docs_per_s"], 2)
    return report


def _print_compare(r: dict[str, Any]) -> None:
    print(
        f"{r['template']}, scale {r['scale']}x ({r['body_lines']} body lines, "
        f"document.xml {r['document_xml_kb']} KB), {r['documents']} reports:\n"
        f"  baocao        {r['baocao_docs_per_s']:9.1f} docs/s "
        f"({r['baocao_ms_per_doc']} ms/doc)\n"
        f"  docxtpl loop  {r['docxtpl_docs_per_s']:9.1f} docs/s "
        f"({r['docxtpl_ms_per_doc']} ms/doc)\n"
        f"  ratio         {r['ratio']:9.1f}x\n"
        f"  render_bytes() from the report object: {r['end_to_end_docs_per_s']} docs/s\n"
        f"  first render (compiles the template): {r['first_render_ms']} ms\n"
        f"  peak RSS      {r['peak_rss_mb']} MB"
    )


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--targets"]:
        # Every render target of docs/performance.md, with its ratio and met or not.
        floor = Path(__file__).resolve().parent / "bench_floor.py"
        raise SystemExit(subprocess.run([sys.executable, str(floor), *argv[1:]]).returncode)
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        epilog="--targets [bench_floor.py options]: print every render target instead",
    )
    parser.add_argument("-n", type=int, default=40, help="reports per size (default 40)")
    parser.add_argument("--scale", type=int, default=10, help="size of the large report (10)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds (5)")
    parser.add_argument("--template", default=None, help="pack id or folder (default: family's)")
    parser.add_argument(
        "--seed", type=Path, default=SEED, help="report the others are made from (the seed example)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--batch", type=int, default=0, help="render_many over this many docs")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="jobs values (1 2)")
    parser.add_argument("--batch-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.batch_child:
        print(json.dumps(batch_child(args.batch, args.jobs[0], args.out, args.template)))
        return
    if args.batch:
        report = batch(args.batch, args.jobs, args.template)
        if args.json:
            print(json.dumps(report))
            return
        print(f"render_many over {report['documents']} generated reports:")
        for run in report["runs"]:
            print(
                f"  jobs={run['jobs']}: {run['docs_per_s']:7.1f} docs/s, {run['seconds']} s, "
                f"peak RSS of the process tree {run['peak_tree_rss_mb']} MB, "
                f"{run['failures']} failures"
            )
        if "speedup_2_over_1" in report:
            print(f"  jobs=2 / jobs=1: {report['speedup_2_over_1']}x")
        return

    seed = compare(args.n, 1, args.rounds, args.template, args.seed)
    large = compare(max(args.n // args.scale, 4), args.scale, args.rounds, args.template, args.seed)
    growth = large["baocao_ms_per_doc"] / seed["baocao_ms_per_doc"]
    content = large["document_xml_kb"] / seed["document_xml_kb"]
    if args.json:
        print(
            json.dumps(
                {
                    "baocao_docs_per_s": seed["baocao_docs_per_s"],
                    "docxtpl_docs_per_s": seed["docxtpl_docs_per_s"],
                    "ratio": seed["ratio"],
                    "peak_rss_mb": max(seed["peak_rss_mb"], large["peak_rss_mb"]),
                    "seed": seed,
                    "large": large,
                    "large_time_growth": round(growth, 2),
                    "large_content_growth": round(content, 2),
                }
            )
        )
        return
    _print_compare(seed)
    _print_compare(large)
    print(
        f"{args.scale}x report: time per document x{growth:.2f} for content x{content:.2f} "
        "(document.xml size)"
    )


if __name__ == "__main__":
    main()
