"""Import speed: every import test input, and the share the legacy-encoding pass takes.

Prints milliseconds per import by input kind (median over rounds), and for
the .docx inputs the reading alone against the whole import, measured in one
run. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "src"))

from baocao.importer import import_report, read_blocks  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "import"


def median_ms(func: object, rounds: int = 7) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def main() -> None:
    inputs = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".docx"))
    import_report(inputs[0])  # imports the modules, warms the caches
    by_kind: dict[str, list[float]] = {}
    for p in inputs:
        by_kind.setdefault(p.suffix, []).append(median_ms(lambda p=p: import_report(p)))
    for kind, values in sorted(by_kind.items()):
        print(f"{kind:6} {len(values):2} inputs  {statistics.median(values):6.1f} ms per import")
    docx = [p for p in inputs if p.suffix == ".docx"]
    read = statistics.median(median_ms(lambda p=p: read_blocks(p)) for p in docx)
    whole = statistics.median(by_kind[".docx"])
    print(f"docx reading {read:.1f} ms of {whole:.1f} ms ({100 * read / whole:.0f}%)")
    seed = ROOT / "tests" / "data" / "seed-report.txt"
    print(f"seed text    {median_ms(lambda: import_report(seed)):.1f} ms")


if __name__ == "__main__":
    main()
