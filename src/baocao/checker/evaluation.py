"""Measure the checker on labelled reports: precision and recall per rule family.

A labelled report is written once, its defects marked inline as
``[[family|as written|correct]]``. :func:`expand` gives two copies: the
*defective* one keeps the words as written, and each mark becomes a
:class:`Label` (family, the exact words, the field path where they stand); the
*clean* one puts the correct words in their place. The set shipped for the
checker's own measurement is ``tests/fixtures/checker/eval/``; run
``python benchmarks/bench_checker.py``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..loading import format_path
from .diagnostic import Diagnostic

__all__ = [
    "FAMILIES",
    "Case",
    "Label",
    "Scores",
    "evaluate",
    "expand",
    "family_of",
    "load_cases",
]

_MARK = re.compile(r"\[\[(?P<family>[a-z]+)\|(?P<wrong>[^|\]]*)\|(?P<right>[^\]]*)\]\]")

_CODE_FAMILIES: tuple[tuple[str, str], ...] = (
    ("BC1", "citation"),
    ("BC2", "citation"),
    ("BC305", "citation"),
    ("BC301", "citation"),
    ("BC3", "date"),
    ("BC4", "number"),
    ("BC5", "capitalization"),
    ("BC604", "doubled"),
    ("BC6", "spelling"),
    ("BC7", "abbreviation"),
    ("BC8", "structure"),
    ("BC95", "consistency"),
    ("BC96", "encoding"),
    ("BC9", "form"),
    ("BC0", "configuration"),
)
"""Code prefix → rule family, most specific first."""

FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(f for _, f in _CODE_FAMILIES))


def family_of(code: str) -> str:
    """The rule family of a diagnostic code: ``BC604`` → ``doubled``."""
    for prefix, family in _CODE_FAMILIES:
        if code.startswith(prefix):
            return family
    return "other"


@dataclass(frozen=True)
class Label:
    """One defect: its rule family, the words as written, and where they stand."""

    family: str
    words: str
    path: str
    correct: str


@dataclass(frozen=True)
class Case:
    """A labelled report: the defective copy, its labels, and the clean copy."""

    name: str
    defective: dict[str, Any]
    clean: dict[str, Any]
    labels: tuple[Label, ...]


def expand(data: Any, name: str = "") -> Case:
    """The two copies of a marked-up report and the labels of its defects."""
    labels: list[Label] = []

    def walk(node: Any, loc: tuple[str | int, ...], wrong: bool) -> Any:
        if isinstance(node, dict):
            return {k: walk(v, (*loc, k), wrong) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, (*loc, i), wrong) for i, v in enumerate(node)]
        if isinstance(node, str):
            if wrong:
                for m in _MARK.finditer(node):
                    labels.append(Label(m["family"], m["wrong"], format_path(loc), m["right"]))
            return _MARK.sub(lambda m: m["wrong" if wrong else "right"], node)
        return node

    defective = walk(data, (), True)
    clean = walk(data, (), False)
    return Case(name, defective, clean, tuple(labels))


def load_cases(folder: Path) -> list[Case]:
    """Every ``*.yaml`` report of ``folder``, expanded, by file name."""
    return [
        expand(yaml.safe_load(p.read_text(encoding="utf-8")), p.stem)
        for p in sorted(folder.glob("*.yaml"))
    ]


def _related(a: str, b: str) -> bool:
    """One path is the other or lies under it (``sections[0].blocks[1].spans[2]``)."""
    return a == b or a.startswith((b + ".", b + "[")) or b.startswith((a + ".", a + "["))


def _overlaps(text: str | None, words: str) -> bool:
    if text is None:
        return True
    a, b = text.casefold(), words.casefold()
    return a in b or b in a


def matches(d: Diagnostic, label: Label) -> bool:
    """The diagnostic reports the labelled defect: same family, place and words."""
    return (
        family_of(d.code) == label.family
        and _related(d.path, label.path)
        and _overlaps(d.text, label.words)
    )


@dataclass
class Scores:
    """Counts per family: labels found, labels missed, findings matching no label."""

    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    false: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    true: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    clean_by_severity: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[tuple[str, Label]] = field(default_factory=list)
    false_alarms: list[tuple[str, Diagnostic]] = field(default_factory=list)

    def families(self) -> list[str]:
        seen = {*self.found, *self.missed, *self.false, *self.true}
        return [f for f in (*FAMILIES, "other") if f in seen]

    def recall(self, family: str | None = None) -> float:
        found = self._sum(self.found, family)
        total = found + self._sum(self.missed, family)
        return found / total if total else 1.0

    def precision(self, family: str | None = None) -> float:
        true = self._sum(self.true, family)
        total = true + self._sum(self.false, family)
        return true / total if total else 1.0

    @staticmethod
    def _sum(counts: dict[str, int], family: str | None) -> int:
        return sum(counts.values()) if family is None else counts.get(family, 0)


def evaluate(
    cases: Iterable[Case], check: Callable[[dict[str, Any]], Sequence[Diagnostic]]
) -> Scores:
    """Run ``check`` on both copies of every case and count against the labels.

    A label is found when some diagnostic matches it; a diagnostic on the
    defective copy that matches no label, and every diagnostic on the clean copy,
    is a false alarm of its family.
    """
    scores = Scores()
    for case in cases:
        found = list(check(case.defective))
        for label in case.labels:
            if any(matches(d, label) for d in found):
                scores.found[label.family] += 1
            else:
                scores.missed[label.family] += 1
                scores.misses.append((case.name, label))
        for d in found:
            family = family_of(d.code)
            if any(matches(d, label) for label in case.labels):
                scores.true[family] += 1
            else:
                scores.false[family] += 1
                scores.false_alarms.append((case.name, d))
        for d in check(case.clean):
            scores.false[family_of(d.code)] += 1
            scores.false_alarms.append((f"{case.name} (clean)", d))
            scores.clean_by_severity[d.severity] += 1
    return scores
