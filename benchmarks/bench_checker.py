"""The checker on its labelled evaluation set: precision and recall per rule family.

Each report of ``tests/fixtures/checker/eval/`` is checked twice: the defective
copy (every inline mark is a labelled defect) and the clean copy (the marks
corrected). Prints, per rule family and overall, the labels found and missed,
the findings that match no label, precision and recall, and the findings by
severity on the clean copies (the target is no error there).

Usage::

    PYTHONPATH=src python benchmarks/bench_checker.py
    PYTHONPATH=src python benchmarks/bench_checker.py --json
    PYTHONPATH=src python benchmarks/bench_checker.py --verbose   # list misses and false alarms
    PYTHONPATH=src python benchmarks/bench_checker.py --heldout   # reports written after the rules
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from baocao import check, validate
from baocao.checker import Diagnostic
from baocao.checker.evaluation import evaluate, load_cases

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "fixtures" / "checker" / "eval"
HELDOUT = ROOT / "tests" / "fixtures" / "checker" / "eval-heldout"


def _check(data: dict[str, Any]) -> list[Diagnostic]:
    return check(validate(data))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument(
        "--heldout", action="store_true", help="the held-out reports (never used to tune rules)"
    )
    args = parser.parse_args()
    cases = load_cases(HELDOUT if args.heldout else EVAL)
    start = time.perf_counter()
    scores = evaluate(cases, _check)
    seconds = time.perf_counter() - start
    families = scores.families()
    rows = {
        f: {
            "labels": scores.found.get(f, 0) + scores.missed.get(f, 0),
            "found": scores.found.get(f, 0),
            "false_alarms": scores.false.get(f, 0),
            "precision": round(scores.precision(f), 3),
            "recall": round(scores.recall(f), 3),
        }
        for f in families
    }
    overall = {
        "reports": len(cases),
        "labels": sum(r["labels"] for r in rows.values()),
        "found": sum(scores.found.values()),
        "false_alarms": sum(scores.false.values()),
        "precision": round(scores.precision(), 3),
        "recall": round(scores.recall(), 3),
        "clean_by_severity": dict(scores.clean_by_severity),
        "seconds": round(seconds, 2),
    }
    if args.json:
        print(json.dumps({"families": rows, "overall": overall}, ensure_ascii=False, indent=2))
        return
    print(
        f"{len(cases)} reports, {overall['labels']} labelled defects, "
        f"{len(cases)} clean copies; checked in {seconds:.2f} s"
    )
    print(f"{'family':<16}{'labels':>7}{'found':>7}{'false':>7}{'precision':>11}{'recall':>8}")
    for f, r in rows.items():
        print(
            f"{f:<16}{r['labels']:>7}{r['found']:>7}{r['false_alarms']:>7}"
            f"{r['precision']:>11.3f}{r['recall']:>8.3f}"
        )
    print(
        f"{'overall':<16}{overall['labels']:>7}{overall['found']:>7}"
        f"{overall['false_alarms']:>7}{overall['precision']:>11.3f}{overall['recall']:>8.3f}"
    )
    clean = ", ".join(f"{k}: {v}" for k, v in sorted(scores.clean_by_severity.items())) or "none"
    print(
        f"findings on the clean copies by severity: {clean}"
        f" (errors: {scores.clean_by_severity.get('error', 0)})"
    )
    if args.verbose:
        for name, label in scores.misses:
            print(f"MISS {name}: {label.family} {label.words!r} at {label.path}")
        for name, d in scores.false_alarms:
            print(f"FALSE {name}: {d.code} {d.severity} {d.text!r} at {d.path}: {d.message}")


if __name__ == "__main__":
    main()
