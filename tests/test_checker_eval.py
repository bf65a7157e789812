"""The checker on its labelled evaluation set: the targets hold on a subset (not timed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from baocao import Diagnostic, check, validate
from baocao.checker.evaluation import Label, evaluate, expand, family_of, load_cases, matches

EVAL = Path(__file__).resolve().parent / "fixtures" / "checker" / "eval"
SUBSET = (
    "d01-tuyen-giao",
    "d02-kiem-tra",
    "d06-chi-bo",
    "n01-nong-thon-moi",
    "n03-cai-cach-hanh-chinh",
    "n06-ngan-sach",
)


def _check(data: dict[str, Any]) -> list[Diagnostic]:
    return check(validate(data))


def test_the_set_has_the_size_the_issue_asks_for() -> None:
    cases = load_cases(EVAL)
    families = {
        yaml.safe_load((EVAL / f"{c.name}.yaml").read_text("utf-8"))["header"]["family"]
        for c in cases
    }
    assert len(cases) >= 12 and families == {"dang", "nha_nuoc"}
    assert sum(len(c.labels) for c in cases) >= 150
    for c in cases:  # each clean copy is its report with the marks corrected: no mark left
        assert "[[" not in yaml.safe_dump(c.clean, allow_unicode=True)


def test_the_targets_hold_on_a_subset() -> None:
    cases = [c for c in load_cases(EVAL) if c.name in SUBSET]
    assert len(cases) == len(SUBSET)
    scores = evaluate(cases, _check)
    assert scores.recall() >= 0.8, scores.misses
    assert scores.precision() >= 0.9, scores.false_alarms
    assert scores.clean_by_severity.get("error", 0) == 0, scores.false_alarms


def test_expand_gives_labels_with_family_words_and_path() -> None:
    case = expand(
        {"sections": [{"blocks": ["Các chi bộ [[spelling|nổ lực|nỗ lực]] thực hiện."]}]}, "x"
    )
    assert case.labels == (Label("spelling", "nổ lực", "sections[0].blocks[0]", "nỗ lực"),)
    assert case.defective["sections"][0]["blocks"][0] == "Các chi bộ nổ lực thực hiện."
    assert case.clean["sections"][0]["blocks"][0] == "Các chi bộ nỗ lực thực hiện."


def test_a_finding_matches_a_label_by_family_place_and_words() -> None:
    label = Label("spelling", "nổ lực", "sections[0].blocks[0]", "nỗ lực")
    hit = Diagnostic("BC602", "warning", "sections[0].blocks[0]", "m", text="nổ lực")
    assert matches(hit, label)
    assert not matches(
        Diagnostic("BC604", "warning", "sections[0].blocks[0]", "m", text="nổ lực"), label
    )
    assert not matches(
        Diagnostic("BC602", "warning", "sections[1].blocks[0]", "m", text="nổ lực"), label
    )
    assert not matches(
        Diagnostic("BC602", "warning", "sections[0].blocks[0]", "m", text="chi bộ"), label
    )
    assert family_of("BC961") == "encoding" and family_of("BC951") == "consistency"
    assert family_of("BC305") == "citation" and family_of("BC304") == "date"
