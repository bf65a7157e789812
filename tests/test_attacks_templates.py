"""Attack suite, class 7 (templates) and template injection: what a pack's template may not do.

Server-side template injection payloads must be refused by the sandbox; a
template cannot change its context; every way to make a render cost without
bound (time, output, string and integer size) is refused within the limits,
and ``templates check`` finishes on such a pack.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import baocao
from baocao.engines.docx import render_docx_bytes
from baocao.engines.docx_context import docx_context
from baocao.errors import TemplateRenderError
from baocao.limits import use_limits
from baocao.packs.environment import DRAFT_BLANK
from baocao.packs.registry import clear_cache
from tests.conftest import SEED_YAML
from tests.fixtures.engines.docx_templates import simple_template
from tests.fixtures.packs.builder import p, write_pack


@pytest.fixture(scope="module")
def context() -> dict[str, Any]:
    return docx_context(baocao.load(SEED_YAML))


SSTI = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ().__class__.__bases__[0].__subclasses__() }}",
    "{{ self.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__['os'] }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ range.__self__ }}",
    "{{ dict.mro()[1].__subclasses__() }}",
    "{{ ''|attr('__class__') }}",
    "{{ header|attr('__dict__') }}",
    "{{ '{0.__class__.__base__}'.format(1) }}",
    "{{ '{0.__globals__}'.format(lipsum) }}",
    "{{ header.__pydantic_validator__ }}",
    "{{ header.__class__.__init__.__globals__ }}",
    "{{ body.__class__ }}",
    "{{ open('/etc/passwd').read() }}",
    "{{ __import__('os').system('id') }}",
    "{{ config.items() }}",
    "{% import 'os' as os %}{{ os }}",
    "{% include '/etc/passwd' %}",
    "{% extends '/etc/passwd' %}",
    "{% from 'x' import y %}",
    "{{ body[0].rich.add('X') }}",
    "{{ body.append(1) }}",
    "{{ header.update({}) }}",
    "{% set x = body.pop() %}{{ x }}",
    "{{ (body[0].rich.xml) }}{{ body[0].rich.add('X') }}",
]


@pytest.mark.parametrize("payload", SSTI)
def test_injection_payloads_are_refused(context: dict[str, Any], payload: str) -> None:
    template = simple_template([payload])
    with pytest.raises(TemplateRenderError):
        render_docx_bytes(template, context)
    try:  # draft mode prints a missing name as a blank: refused, or a blank, never a leak
        out = render_docx_bytes(template, context, draft=True)
    except TemplateRenderError:
        return
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    assert "".join(body.itertext()) == DRAFT_BLANK


def test_a_refused_mutation_leaves_the_context_as_it_was(context: dict[str, Any]) -> None:
    rich = context["body"][0].get("rich") if isinstance(context["body"][0], dict) else None
    before = str(rich)
    with pytest.raises(TemplateRenderError, match=r"sandbox|safely callable"):
        render_docx_bytes(simple_template(["{{ body[0].rich.add('X') }}"]), context)
    assert str(rich) == before


BOMBS = [
    "{{ 'x'|center(10**9) }}",
    "{{ 'x'.ljust(999999999) }}",
    "{{ 'x'.rjust(999999999) }}",
    "{{ 'x'.zfill(999999999) }}",
    "{{ '\\t'.expandtabs(999999999) }}",
    "{{ 'x'|indent(999999999, true) }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '%-*s' % (999999999, 'a') }}",
    "{{ '%.999999999f' % 1.5 }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ '{:{}}'.format(1, 999999999) }}",
    "{{ '%d'|format(1) ~ '%0999999999d'|format(1) }}",
    "{{ 'abc'|replace('', 'x' * 99999) * 1 }}{{ ('y' * 99999)|replace('y', 'z' * 99999) }}",
    "{{ ('y' * 99999).replace('y', 'z' * 99999) }}",
    "{{ (range(99999)|list)|join('x' * 99999) }}",
    "{% set ns = namespace(s='xy') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}{{ ns.s|length }}",
    "{% set ns = namespace(s='xy') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}{{ ns.s|length }}",
    "{% set ns = namespace(s=[1]) %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}{{ ns.s|length }}",
    "{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s|length }}{% endmacro %}{{ d('ab', 60) }}",
    "{{ lipsum(1000000) }}",
    "{{ lipsum(5, min=10**6, max=10**7) }}",
    "{% set ns = namespace(x=3) %}{% for i in range(64) %}{% set ns.x = ns.x * ns.x %}"
    "{% endfor %}{{ ns.x }}",
    "{{ (10 ** 64) ** 64 }}",
    "{{ 9 ** 64 ** 64 }}",
    "{% set s = 'x' * 99999 %}{% for i in range(99999) %}{% for j in range(99) %}{{ s }}"
    "{% endfor %}{% endfor %}",
    "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    "{% for i in range(99999) %}{% for j in range(99999) %}{{ '' }}{% endfor %}{% endfor %}",
    "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "{% for i in range(10**9) %}{% endfor %}",
    "{{ (2 ** 64) ** 64 }}",
]


@pytest.mark.parametrize("payload", BOMBS)
def test_resource_bombs_are_refused_within_the_limits(
    context: dict[str, Any], payload: str
) -> None:
    template = simple_template([payload])
    started = time.perf_counter()
    with use_limits(render_seconds=1), pytest.raises(TemplateRenderError):
        render_docx_bytes(template, context)
    assert time.perf_counter() - started < 15


def test_real_values_stay_inside_the_limits(context: dict[str, Any]) -> None:
    """Amounts in đồng, long paragraphs and ordinary formatting are not refused."""
    template = simple_template(
        [
            "{{ '%d'|format(25000000000) }} {{ '{:,}'.format(1234567890123) }}",
            "{{ '%05.1f' % 12.34 }} {{ 'x'|center(40) }} {{ 10 ** 18 }} {{ 2 ** 64 }}",
            "{{ ('đoạn văn ' * 5000)|length }} {{ range(1000)|join(', ')|length }}",
        ]
    )
    text = render_docx_bytes(template, context)
    assert text[:2] == b"PK"


def test_templates_check_finishes_on_a_bomb_pack(tmp_path: Path) -> None:
    clear_cache()
    from baocao.testing import check_pack

    body = p("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}")
    folder = write_pack(
        tmp_path / "bom", {"id": "bom", "title": "Bom", "extends": "dang", "layout": ["body"]},
        {"body": body},
    )  # fmt: skip
    started = time.perf_counter()
    with use_limits(render_seconds=1):
        issues = check_pack(folder)
    assert time.perf_counter() - started < 60
    assert any("BAOCAO_MAX_RENDER_SECONDS" in i.message for i in issues)
