"""Mutation tests: for every conformance rule, a copy of a rendered example broken in that
rule only, and the checker reports exactly that rule.

The catch rate (rules caught / rules) is printed by
``python benchmarks/conformance_catch_rate.py``; this file holds it at 100 %.
"""

from __future__ import annotations

from typing import Any

import pytest

import baocao
from baocao.conformance import check_docx

from .fixtures.docx_edit import Parts, W, apply, body, note, of, styled, w
from .fixtures.examples import SEED_YAML, UBND_YAML, rendered
from .fixtures.mutations import Mutant, mutants

EXAMPLES = {"dang-hd36": SEED_YAML, "nha-nuoc-nd30": UBND_YAML}
CASES = {pid: mutants(rendered(path), pid) for pid, path in EXAMPLES.items()}

REVIEW_MISSES = {
    "page.header_distance": "the page header moved to 25 mm",
    "layout.number_date_line": "a State date moved off the Số line, still centred",
    "number.prefix": '"Số:" with a colon in a Party document',
    "font.color": "all text coloured red",
    "heading1.align": "headings centred",
    "layout.signature_space": "no space left for the signature",
    "issuer_rule.length": "the issuer rule at 74 % of its line",
}
"""The seven mutations of the outside review the checker used to miss."""


def _failing(data: bytes, profile_id: str) -> dict[str, str]:
    return {r.rule_id: r.measured for r in check_docx(data, None, profile_id).failures()}


@pytest.mark.parametrize("profile_id", sorted(EXAMPLES))
def test_unmutated_example_passes(profile_id: str) -> None:
    """The rendered example passes every rule its mutants break."""
    assert _failing(rendered(EXAMPLES[profile_id]), profile_id) == {}


@pytest.mark.parametrize("profile_id", sorted(EXAMPLES))
def test_every_rule_has_a_mutant(profile_id: str) -> None:
    """No rule the checker reports on the example lacks a mutation that breaks it."""
    ids, found = CASES[profile_id]
    assert [i for i in ids if i not in found] == []
    assert len(ids) >= 90


@pytest.mark.parametrize(
    ("profile_id", "rule"),
    [(pid, rule) for pid, (ids, _) in CASES.items() for rule in ids],
)
def test_mutant_fails_exactly_its_rule(profile_id: str, rule: str) -> None:
    """The mutant for a rule fails that rule and nothing it does not declare."""
    mutant: Mutant = CASES[profile_id][1][rule]
    failing = _failing(apply(rendered(EXAMPLES[profile_id]), mutant.edit), profile_id)
    assert set(failing) == {rule} | mutant.also, (mutant.what, failing)


@pytest.mark.parametrize("rule", sorted(REVIEW_MISSES))
def test_the_review_misses_are_caught(rule: str) -> None:
    """Each of the seven misses of the review has its mutant and is caught, in either family."""
    caught = [
        pid
        for pid, (ids, found) in CASES.items()
        if rule in found and rule in _failing(apply(rendered(EXAMPLES[pid]), found[rule].edit), pid)
    ]
    assert caught, REVIEW_MISSES[rule]


def test_party_colon_and_state_missing_colon_both_fail() -> None:
    """Colons by family: "Số:" fails in a Party document, "Số" without it in a State one."""
    for pid, shown in (("dang-hd36", '"Số:'), ("nha-nuoc-nd30", '"Số 2')):
        failing = _failing(apply(rendered(EXAMPLES[pid]), CASES[pid][1]["number.prefix"].edit), pid)
        assert failing["number.prefix"].startswith(shown)


# ---------------------------------------------------------------- locating by role


def _signer_note(parts: Parts) -> None:
    """A pack's extra line in the signer column: "(Đã ký)" in place of one blank line."""
    blank = next(
        p
        for p in styled(parts, "BCSignerTitle", nonempty=False)
        if not "".join(t.text or "" for t in p.iter(f"{W}t")).strip()
    )
    blank.addprevious(note("(Đã ký)"))
    blank.getparent().remove(blank)


def _appendix_with_recipients(parts: Parts) -> None:
    """An appendix after the signature: a table with a "Nơi nhận" column and dash lines."""
    b = body(parts)
    tbl = w("tbl")
    for cells in (["Văn bản", "Nơi nhận:"], ["Kế hoạch 12", "- Các xã;"]):
        tr = w("tr")
        for text in cells:
            tc = w("tc")
            p = w("p")
            r = w("r")
            t = w("t")
            t.text = text
            r.append(t)
            p.append(r)
            tc.append(p)
            tr.append(tc)
        tbl.append(tr)
    b.find(f"{W}sectPr").addprevious(tbl)


def _foreign(parts: Parts) -> None:
    """Styles renamed as an office's own Word file would have them: no BC role left."""
    for st in parts["word/styles.xml"].iter(f"{W}style"):
        name = st.find(f"{W}name")
        if name is not None and name.get(f"{W}val", "").startswith("BC "):
            name.set(f"{W}val", "Office " + name.get(f"{W}val")[3:])


@pytest.mark.parametrize("profile_id", sorted(EXAMPLES))
def test_signer_note_fails_no_signer_rule(profile_id: str) -> None:
    """ "(Đã ký)" in the signer column is neither a title nor a name, by role and by text."""
    data = apply(rendered(EXAMPLES[profile_id]), _signer_note)
    assert _failing(data, profile_id) == {}
    assert _failing(apply(data, _foreign), profile_id) == {}


@pytest.mark.parametrize("profile_id", sorted(EXAMPLES))
def test_recipients_in_an_appendix_table_do_not_move_the_signature(profile_id: str) -> None:
    """A "Nơi nhận" column in an appendix table after the signature confuses neither locator."""
    data = apply(rendered(EXAMPLES[profile_id]), _appendix_with_recipients)
    assert _failing(data, profile_id) == {}
    assert _failing(apply(data, _foreign), profile_id) == {}


@pytest.mark.parametrize("profile_id", sorted(EXAMPLES))
def test_foreign_document_is_found_by_its_text(profile_id: str) -> None:
    """Without the BC style names the checker falls back to text search and still passes."""
    data = apply(rendered(EXAMPLES[profile_id]), _foreign)
    assert _failing(data, profile_id) == {}


def _closing(path: object, **change: Any) -> bytes:
    data = baocao.load(path).model_dump(mode="json")  # type: ignore[arg-type]
    data["signer"].update(change.pop("signer", {}))
    data.update(change)
    return baocao.render_bytes(data)


@pytest.mark.parametrize("profile_id", sorted(EXAMPLES))
def test_signed_mark_and_digital_line_fail_no_signer_rule(profile_id: str) -> None:
    """A copy's "(Đã ký)" and the digital-signature line under the name pass, by role and text."""
    digital = "Ký bởi: Nguyễn Văn A. Thời gian: 20/12/2025 09:15"
    data = _closing(EXAMPLES[profile_id], signer={"signed": True, "digital_signature": digital})
    assert _failing(data, profile_id) == {}
    assert _failing(apply(data, _foreign), profile_id) == {}


def test_joint_signers_side_by_side_pass_by_role_and_by_text() -> None:
    """Two signers in one row, Nơi nhận below them: the placement rules follow that layout."""
    report = baocao.load(UBND_YAML).model_dump(mode="json")
    first = report.pop("signer")
    report["signers"] = [first, {**first, "name": "Trần Thị Lan"}]
    data = baocao.render_bytes(report)
    for doc in (data, apply(data, _foreign)):
        results = {r.rule_id: r for r in check_docx(doc, None, "nha-nuoc-nd30").results}
        assert [r.rule_id for r in results.values() if not r.passed] == []
        assert results["layout.signer_right"].measured == "cột 1, 2 trên 2"
        assert results["layout.signature_space"].measured == "22.72 mm, 22.72 mm"


@pytest.mark.parametrize(
    ("profile_id", "element"),
    [
        (pid, e)
        for pid in sorted(EXAMPLES)
        for e in ("issuer_name", "number", "place_date", "title", "subject", "signer_name")
    ],
)
def test_a_missing_element_fails_its_presence_rule(profile_id: str, element: str) -> None:
    """An element's text deleted: "<element>.present" fails (a rule reported only when missing)."""

    def drop(parts: Parts) -> None:
        for p in of(element)(parts):
            for t in p.iter(f"{W}t"):
                t.text = ""

    failing = _failing(apply(rendered(EXAMPLES[profile_id]), drop), profile_id)
    assert f"{element}.present" in failing
