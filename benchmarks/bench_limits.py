"""Load under the hardening checks: many renders in one process, and one very large report.

Prints (no assertion, figures of one run):

* ``--count`` renders (default 10,000) of the seed report to .docx in this process,
  with the resident memory after each tenth: flat memory means the sandbox's
  budget, the marks filter and the caches keep nothing per document;
* a report of ``--paragraphs`` paragraphs (default 40,000) and ``--rows`` table rows
  (default 4,000), rendered at a quarter, a half and the whole size: the time
  ratios show whether rendering grows linearly, and the largest render shows
  that the default limits leave room for it.

    python benchmarks/bench_limits.py
    python benchmarks/bench_limits.py --count 2000 --paragraphs 10000 --rows 1000
"""

from __future__ import annotations

import argparse
import copy
import os
import time
from pathlib import Path
from typing import Any

import yaml

import baocao

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"
STATE = ROOT / "examples" / "bao-cao-ubnd-xa.yaml"


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def many(count: int) -> None:
    report = baocao.load(SEED)
    baocao.render_bytes(report, "docx")  # compile once
    step = max(count // 10, 1)
    start = time.perf_counter()
    marks = []
    for i in range(1, count + 1):
        baocao.render_bytes(report, "docx")
        if i % step == 0:
            marks.append((i, rss_mb()))
    took = time.perf_counter() - start
    print(f"{count} renders in one process: {took:.1f} s, {count / took:.0f} documents/s")
    print("  resident memory (MB) after: " + ", ".join(f"{i}: {m:.0f}" for i, m in marks))
    print(f"  growth from the first tenth to the end: {marks[-1][1] - marks[0][1]:+.1f} MB")


def big(paragraphs: int, rows: int) -> dict[str, Any]:
    data = yaml.safe_load(STATE.read_text(encoding="utf-8"))
    table = copy.deepcopy(data["sections"][1]["sections"][1]["blocks"][1])
    table["rows"] = [
        [str(i + 1), f"Lĩnh vực {i} & thủ tục <{i % 7}>", str(i), str(i), "0"] for i in range(rows)
    ]
    per = 100
    data["sections"] = [
        {
            "title": f"Mục {s + 1}",
            "blocks": [
                f"Đoạn {s}.{k}: Ủy ban nhân dân xã triển khai nhiệm vụ số {k} — “đúng hạn”."
                for k in range(per)
            ],
        }
        for s in range(paragraphs // per)
    ]
    data["sections"][0]["blocks"].append(table)
    return data  # type: ignore[no-any-return]


def xml_mb(docx: bytes) -> float:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return len(z.read("word/document.xml")) / 1e6


def linear(paragraphs: int, rows: int) -> None:
    baocao.render_bytes(baocao.validate(big(200, 20)), "docx")  # compile the template first
    results = []
    for part in (4, 2, 1):
        data = big(paragraphs // part, rows // part)
        report = baocao.validate(data)
        start = time.perf_counter()
        out = baocao.render_bytes(report, "docx")
        took = time.perf_counter() - start
        results.append((paragraphs // part, rows // part, took, xml_mb(out)))
    base = results[0][2]
    print("large report (paragraphs, rows): seconds, ratio to the quarter size, body XML")
    for p, r, t, n in results:
        print(f"  {p:>6}, {r:>5}: {t:6.2f} s  x{t / base:4.2f}  {n:.1f} MB")
    print("  linear growth is x2 then x4")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--paragraphs", type=int, default=40_000)
    parser.add_argument("--rows", type=int, default=4_000)
    args = parser.parse_args()
    linear(args.paragraphs, args.rows)
    many(args.count)


if __name__ == "__main__":
    main()
