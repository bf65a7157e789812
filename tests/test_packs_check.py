"""The static check: every problem in every tag of every part, with its paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.packs import TemplateIssue, check_pack, get_pack
from baocao.packs.check import errors_only
from baocao.testing import check_pack as full_check
from baocao.testing import sample_contexts
from tests.fixtures.packs.builder import (
    hyperlinked,
    p,
    split,
    standalone_pack,
    table,
    write_docx,
    write_pack,
)


def _check(tmp_path: Path, body: str, **docx: object) -> list[TemplateIssue]:
    folder = standalone_pack(tmp_path / "pk", body, **docx)
    return check_pack(folder, contexts=sample_contexts(get_pack(folder)))


def _codes(issues: list[TemplateIssue]) -> list[tuple[str, str, int | None]]:
    return [(i.severity, i.code, i.paragraph) for i in issues if i.severity != "note"]


def test_seeded_errors_are_all_reported_at_once_with_their_paragraph(tmp_path: Path) -> None:
    """A syntax error, an unknown variable and a sandbox escape: three issues, three paragraphs."""
    issues = _check(
        tmp_path,
        p("Số: {{ header.symbol }") + p("{{ header.symbl }}") + p("{{ ''.__class__.__mro__ }}"),
    )
    assert _codes(issues) == [
        ("error", "split-paragraph", 1),
        ("error", "unknown-variable", 2),
        ("error", "sandbox", 3),
    ]
    first, second, third = errors_only(issues)
    assert first.file == "main.docx (thu)" and first.part == "word/document.xml"
    assert first.text == "Số: {{ header.symbol }"
    assert "'header.symbl'" in second.message and "did you mean header.symbol" in second.message
    assert "sandbox" in third.message and third.tag == "{{ ''.__class__.__mro__ }}"


def test_jinja_syntax_errors_in_several_tags_are_each_reported(tmp_path: Path) -> None:
    """Jinja stops at the first error; the check parses tag by tag and reports every one."""
    issues = _check(
        tmp_path, p("{{ 1 + }}") + p("{% if header.draft %}") + p("{{ x y }}") + p("{% endfor %}")
    )
    syntax = [(i.paragraph, i.message) for i in issues if i.code == "syntax"]
    assert [n for n, _ in syntax] == [1, 2, 3, 4]
    assert "never closed" in syntax[1][1] and "unexpected {% endfor %}" in syntax[3][1]


def test_loop_items_and_nested_fields_are_checked_against_the_real_context(tmp_path: Path) -> None:
    """Inside {% for line in body %}, line.rich is known and line.richh is not."""
    issues = _check(
        tmp_path,
        p("{%p for line in body %}")
        + p("{{r line.rich }} {{ loop.index }}")
        + p("{{ line.richh }}")
        + p("{%p endfor %}")
        + p("{{ line.rich }}"),
    )
    unknown = [(i.paragraph, i.message) for i in issues if i.code == "unknown-variable"]
    assert [n for n, _ in unknown] == [3, 5]
    assert "'line.richh'" in unknown[0][1] and "did you mean line.rich" in unknown[0][1]
    assert "'line'" in unknown[1][1]


def test_fields_of_optional_blocks_are_known_from_the_samples(tmp_path: Path) -> None:
    """Tables, signer forms and recipients appear in some sample, so their fields are known."""
    body = (
        p("{% if signer %}{{ signer.authority }} {{ signer.title_line }}{% endif %}")
        + p(
            "{% for line in body %}{% if line.table %}{{ line.table.rows|length }}"
            "{{ line.table.caption }}{% endif %}{% endfor %}"
        )
        + p("{{ recipients.lines|join(', ') if recipients }}")
    )
    assert errors_only(_check(tmp_path, body)) == []


def test_default_filter_and_defined_test_accept_unknown_names(tmp_path: Path) -> None:
    """`x|default('')` and `x is defined` are how a template tolerates a missing value."""
    body = p("{{ ghi_chu|default('') }}") + p("{% if ma_so is defined %}{{ ma_so }}{% endif %}")
    issues = _check(tmp_path, body)
    assert [i.paragraph for i in errors_only(issues)] == [2]


def test_unknown_filter_and_test_are_reported(tmp_path: Path) -> None:
    """A misspelt filter (|ngayy) or test is named."""
    issues = _check(
        tmp_path, p("{{ header.place_date|ngayy }}") + p("{% if body is emty %}x{% endif %}")
    )
    assert [(i.code, i.paragraph) for i in errors_only(issues)] == [
        ("unknown-filter", 1),
        ("unknown-test", 2),
    ]


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__ }}",
        "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
        "{{ open('/etc/passwd').read() }}",
        "{{ self._TemplateReference__context }}",
        "{% import 'os' as os %}",
        "{{ body.append(1) }}",
        "{{ header['__class__'] }}",
    ],
)
def test_sandbox_escapes_are_flagged_statically(tmp_path: Path, payload: str) -> None:
    """Every escape attempt is a 'sandbox' error, before anything renders."""
    issues = _check(tmp_path, p(payload))
    sandbox = [i for i in issues if i.code == "sandbox"]
    assert len(sandbox) == 1 and "sandbox" in sandbox[0].message


def test_split_tag_that_docxtpl_repairs_is_a_warning(tmp_path: Path) -> None:
    """`{{ header.` and `symbol }}` in two runs with rsid noise: docxtpl joins them."""
    issues = _check(
        tmp_path,
        split("{{ header.", "symbol }}")
        + split("{", "{ header.doc_type }}", between='<w:proofErr w:type="spellStart"/>'),
    )
    assert _codes(issues) == [("warning", "split-runs", 1), ("warning", "split-runs", 2)]
    assert "split across 2 runs" in issues[0].message


def test_split_tag_that_docxtpl_cannot_repair_is_an_error(tmp_path: Path) -> None:
    """A tag whose second half sits in a hyperlink would break the XML: error."""
    issues = _check(tmp_path, hyperlinked("{{ header.", "symbol }}"))
    assert _codes(issues) == [("error", "split-runs", 1)]
    assert "cannot repair" in issues[0].message


def test_smart_quotes_are_reported(tmp_path: Path) -> None:
    """“ ” inside a tag is a warning (docxtpl straightens it); „ is an error."""
    issues = _check(
        tmp_path,
        p("{{ header.symbol|replace(“Số ”, “”) }}") + p("{{ header.symbol|replace(„Số“, '') }}"),
    )
    assert ("warning", "smart-quotes", 1) in _codes(issues)
    assert ("error", "smart-quotes", 2) in _codes(issues)


def test_headers_footnotes_and_properties_are_checked(tmp_path: Path) -> None:
    """Tags in a page header and document properties are parsed and checked too."""
    issues = _check(
        tmp_path,
        p(""),
        header=p("{{ header.sym }}"),
        core={"title": "{{ header.doc_typ }}", "keywords": "{{ family }}"},
    )
    found = {(i.part, i.code) for i in issues if i.severity != "note"}
    assert ("word/header1.xml", "unknown-variable") in found
    assert ("docProps/core.xml (title)", "unknown-variable") in found
    assert ("docProps/core.xml (keywords)", "unrendered-part") in found


def test_footnote_tags_with_two_sections_are_an_error(tmp_path: Path) -> None:
    """docxtpl renders footnotes once per section: data would run as template code."""
    issues = _check(tmp_path, p(""), footnotes=p("{{ header.symbol }}"), sections=2)
    assert any(
        i.code == "footnote-reevaluation" and i.part == "word/footnotes.xml"
        for i in errors_only(issues)
    )


def test_docxtpl_prefix_misuse_is_reported(tmp_path: Path) -> None:
    """{%tr outside a table, and text beside a {%p tag (dropped by docxtpl), are errors."""
    issues = _check(
        tmp_path,
        table(p("{%tr for r in body %}"))
        + p("{%tr endfor %}")
        + p("{%p if header.draft %} (dự thảo)")
        + p("{%p endif %}"),
    )
    messages = [i.message for i in errors_only(issues) if i.code == "docxtpl-tag"]
    assert any("inside a table row" in m for m in messages)
    assert any("other text in this paragraph is dropped" in m for m in messages)


def test_missing_layout_part_is_reported(tmp_path: Path) -> None:
    """A part the layout lists but no folder on the search path holds."""
    folder = write_pack(
        tmp_path / "thieu",
        {
            "id": "thieu",
            "title": "Thiếu",
            "extends": "dang",
            "layout": ["header", "title", "body", "phu-luc"],
        },
        {},
    )
    issues = check_pack(folder)
    missing = [i for i in issues if i.code == "missing-part"]
    assert len(missing) == 1 and "'phu-luc' (phu-luc.docx)" in missing[0].message


def test_unused_docx_in_a_pack_is_noted(tmp_path: Path) -> None:
    """A .docx in the pack folder that the layout never names gets a note."""
    folder = standalone_pack(tmp_path / "pk")
    write_docx(folder / "cu.docx", p(""))
    notes = [i for i in check_pack(folder) if i.code == "unused-file"]
    assert notes and notes[0].severity == "note"


def test_bad_manifest_is_one_issue_naming_the_file(tmp_path: Path) -> None:
    """The check reports a broken manifest instead of raising."""
    folder = tmp_path / "sai"
    folder.mkdir()
    (folder / "baocao-template.yml").write_text("id: Sai\n", encoding="utf-8")
    issues = check_pack(folder)
    assert [i.code for i in issues] == ["manifest"]
    assert issues[0].file is not None and issues[0].file.endswith("baocao-template.yml")


def test_without_contexts_variables_are_not_judged(tmp_path: Path) -> None:
    """The layer-pure check has no report: unknown names pass, and a note says so."""
    folder = standalone_pack(tmp_path / "pk", p("{{ bat_ky }}") + p("{{ open('x') }}"))
    issues = check_pack(folder)
    assert [i.code for i in errors_only(issues)] == ["sandbox"]
    assert any(i.code == "variables-unchecked" for i in issues)


@pytest.mark.parametrize("pack_id", ["dang", "nha-nuoc"])
def test_builtin_packs_have_no_errors(pack_id: str) -> None:
    """The built-in packs pass the full check: static, sample render, conformance."""
    assert errors_only(full_check(pack_id)) == []


def test_issue_text_shows_where_and_the_paragraph() -> None:
    """str(issue) is one line of location and message, then the paragraph's text."""
    issue = TemplateIssue(
        "syntax",
        "unexpected '}'",
        "error",
        "body.docx (x)",
        "word/document.xml",
        4,
        "{{ a }",
        "{{ a }",
    )
    assert str(issue) == (
        "body.docx (x) word/document.xml ¶4: error [syntax] unexpected '}'\n    ¶ “{{ a }”"
    )
