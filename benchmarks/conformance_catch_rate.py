"""Print the conformance checker's catch rate on the mutation suite: rules caught / rules.

For each built-in example (the Party seed, the State commune report) it renders
the example, builds one mutated copy per rule the checker reports on it
(``tests/fixtures/mutations.py``: an edit of the .docx XML that breaks that rule
only), runs the checker on each and counts a rule as caught when the copy fails
exactly that rule (and the consequences the mutant declares). Run from the
repository root: ``python benchmarks/conformance_catch_rate.py [--json]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from tests.fixtures.docx_edit import apply  # noqa: E402
from tests.fixtures.examples import SEED_YAML, UBND_YAML, rendered  # noqa: E402
from tests.fixtures.mutations import mutants  # noqa: E402

from baocao.conformance import check_docx  # noqa: E402

EXAMPLES = {"dang-hd36": SEED_YAML, "nha-nuoc-nd30": UBND_YAML}
MISSES = ["page.header_distance", "layout.number_date_line", "number.prefix", "font.color",
          "heading1.align", "layout.signature_space", "issuer_rule.length"]  # fmt: skip


def main() -> int:
    out: dict[str, dict[str, object]] = {}
    for pid, path in EXAMPLES.items():
        data = rendered(path)
        ids, found = mutants(data, pid)
        baseline = [r.rule_id for r in check_docx(data, None, pid).failures()]
        caught, missed = [], []
        for rule in ids:
            m = found.get(rule)
            failing = set()
            if m is not None:
                failing = {r.rule_id for r in check_docx(apply(data, m.edit), None, pid).failures()}
            (caught if m is not None and failing == {rule} | m.also else missed).append(rule)
        out[pid] = {"rules": len(ids), "caught": len(caught), "missed": missed,
                    "baseline_failures": baseline,
                    "review_misses_caught": [r for r in MISSES if r in caught]}  # fmt: skip
    if "--json" in sys.argv:
        print(json.dumps(out, indent=2))
        return 0
    total = sum(int(str(v["rules"])) for v in out.values())
    got = sum(int(str(v["caught"])) for v in out.values())
    for pid, v in out.items():
        print(f"{pid}: {v['caught']}/{v['rules']} rules caught; unmutated example fails "
              f"{len(v['baseline_failures'])}; missed: {v['missed'] or 'none'}")  # fmt: skip
        print(f"  review misses caught: {', '.join(v['review_misses_caught'])}")  # type: ignore[arg-type]
    distinct = len({r for pid in EXAMPLES for r in mutants(rendered(EXAMPLES[pid]), pid)[0]})
    print(f"total: {got}/{total} ({got / total:.0%}); {distinct} distinct rule ids")
    return 0


if __name__ == "__main__":
    sys.exit(main())
