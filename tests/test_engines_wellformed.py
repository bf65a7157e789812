"""The balance proof over a template's Jinja tree, and the per-value watch."""

from __future__ import annotations

import pytest
from docxtpl import Listing, RichText
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from baocao.engines.wellformed import (
    ValueWatch,
    fragment_ok,
    has_forbidden_chars,
    prove_balanced,
    watching,
)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OPEN, CLOSE = f"<w:body {W}>", "</w:body>"


def _prove(source: str) -> str | None:
    return prove_balanced(Environment().parse(f"{OPEN}{source}{CLOSE}"))


@pytest.mark.parametrize(
    "source",
    [
        "<w:p><w:r><w:t>{{ a }}</w:t></w:r></w:p>",
        "{% for x in xs %}<w:p><w:r><w:t>{{ x }}</w:t></w:r></w:p>{% else %}<w:p/>{% endfor %}",
        "{% if a %}<w:p/>{% elif b %}<w:p></w:p>{% else %}{% endif %}",
        '<w:p><w:r><w:t xml:space="preserve">{% if a %}x</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>{% endif %}y</w:t></w:r></w:p>",
        '<w:tc><w:tcPr><w:vMerge w:val="{% if loop %}restart{% else %}continue{% endif %}"/>'
        "</w:tcPr></w:tc>",
        "{% set n = 2 %}{% with m = 3 %}<w:p>{{ n + m }}</w:p>{% endwith %}",
    ],
    ids=[
        "value",
        "for-else",
        "if-elif-else",
        "same-depth-across-paragraphs",
        "in-attribute",
        "set-with",
    ],
)
def test_balanced_templates_are_proven(source: str) -> None:
    """Branches and loop bodies that leave the open elements as they were are proven."""
    assert _prove(source) is None


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("<w:p>{% if a %}</w:p><w:tbl>{% endif %}</w:tbl>", "{% if %} branch"),
        ("{% for x in xs %}<w:p>{% endfor %}", "{% for %} body"),
        ('<w:p w:rsid="{{ a }}"/>', "inside a tag"),
        ("<w:p {{ attrs }}/>", "inside a tag"),
        ("{% macro m() %}<w:p/>{% endmacro %}", "Macro blocks"),
        ("<!-- {{ a }} -->", "comments"),
        ("<w:p></w:r>", "does not close"),
    ],
    ids=["if-crosses", "for-opens", "attribute-value", "in-tag", "macro", "comment", "mismatch"],
)
def test_unbalanced_or_unknown_templates_are_not_proven(source: str, reason: str) -> None:
    """What could emit unbalanced XML, or is not understood, gets a reason instead of a proof."""
    found = _prove(source)
    assert found is not None and reason in found


def test_template_must_close_its_root() -> None:
    """A template that ends with its root element open is not proven."""
    assert "root element" in str(prove_balanced(Environment().parse(OPEN)))


def _watch(value: object, prior: object = None) -> tuple[object, list[str]]:
    watch = ValueWatch(prior, OPEN, CLOSE)  # type: ignore[arg-type]
    with watching() as notes:
        out = watch(value)
    return out, notes


@pytest.mark.parametrize(
    "value",
    ["Hà Nội & <b>", "hai\ndòng\tcột", 42, None, RichText("đậm", bold=True), Listing("a\nb")],
    ids=["text", "newline-tab", "int", "none", "richtext", "listing"],
)
def test_safe_values_leave_no_note(value: object) -> None:
    """Escaped text, numbers and docxtpl's builders print without a note."""
    out, notes = _watch(value)
    assert notes == [] and out is value


@pytest.mark.parametrize(
    "value",
    [Markup("<w:r><w:t>mở"), Markup("&nbsp;"), Markup("dọc\x0bngang")],
    ids=["unclosed-markup", "html-entity", "forbidden-char"],
)
def test_markup_that_is_no_fragment_leaves_a_note(value: object) -> None:
    """Markup that is not a well-formed fragment (or holds a forbidden character) is noted."""
    _, notes = _watch(value)
    assert len(notes) == 1


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("Hà Nội\tvà\nđêm\r", False),
        ("dọc\x0bngang", True),
        ("chuông\x07", True),
        ("trang\x0c", True),
        ("không\ufffe", True),
        ("\x00", True),
    ],
)
def test_forbidden_characters_are_found_in_encoded_output(text: str, forbidden: bool) -> None:
    """Tab, newline and carriage return are allowed; other controls and U+FFFE/FFFF are not."""
    assert has_forbidden_chars(text.encode("utf-8")) is forbidden


def test_markup_is_checked_once_and_passed_on() -> None:
    """Well-formed foreign markup is returned as Markup, so Jinja does not build it twice."""
    calls = []

    class Run:
        def __html__(self) -> str:
            calls.append(1)
            return "<w:r><w:t>chữ</w:t></w:r>"

    out, notes = _watch(Run())
    assert notes == [] and out == Markup("<w:r><w:t>chữ</w:t></w:r>") and calls == [1]


def test_outside_watching_values_pass_untouched() -> None:
    """Outside ``watching()`` the watch checks nothing (headers and footers are parsed anyway)."""
    watch = ValueWatch(None, OPEN, CLOSE)
    broken = Markup("<w:p>")
    assert watch(broken) is broken


def test_prior_finalize_keeps_its_calling_convention() -> None:
    """An environment's own finalize still runs first, with the context it asked for."""

    @pass_context
    def upper(context: Context, value: object) -> object:
        return str(value).upper() + context.get("suffix", "")

    env = Environment(autoescape=True)
    env.finalize = ValueWatch(upper, OPEN, CLOSE)
    assert env.from_string("{{ a }}").render(a="xã", suffix="!") == "XÃ!"


def test_fragment_ok_needs_well_formed_xml_without_forbidden_characters() -> None:
    """A fragment passes when it parses inside the root, with no character XML forbids."""
    assert fragment_ok("<w:p/>chữ", OPEN, CLOSE)
    assert not fragment_ok("<w:p>", OPEN, CLOSE)
    assert not fragment_ok("a\x01b", OPEN, CLOSE)
