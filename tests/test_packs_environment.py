"""The template environment: sandboxed, strict by default, a visible blank in draft mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import baocao
from baocao.cli import main
from baocao.errors import TemplateRenderError
from baocao.packs.environment import DRAFT_BLANK, make_environment
from baocao.testing import assert_pack_renders, seed_report
from baocao.vi import FILTERS
from tests.fixtures.packs.builder import p, standalone_pack

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"

ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ open('/etc/passwd').read() }}",
    "{{ __import__('os').system('true') }}",
    "{% import 'os' as os %}",
    "{% include '/etc/passwd' %}",
    "{{ self._TemplateReference__context }}",
    "{{ header.__class__ }}",
    "{{ body.append(1) }}",
    "{{ 'x' * 10000000 }}",
    "{{ range(10000000)|length }}",
    "{{ '{0.__class__}'.format(header) }}",
]


@pytest.mark.parametrize("draft", [False, True], ids=["strict", "draft"])
@pytest.mark.parametrize("payload", ESCAPES)
def test_escape_attempts_fail_naming_the_sandbox(tmp_path: Path, payload: str, draft: bool) -> None:
    """Each payload fails with a TemplateRenderError that says the sandbox blocked it."""
    pack = standalone_pack(tmp_path / "pk", p(payload))
    with pytest.raises(TemplateRenderError, match="sandbox"):
        baocao.render_bytes(seed_report(), "docx", template=pack, draft=draft)


def test_undefined_variable_is_an_error_naming_it(tmp_path: Path) -> None:
    """Strict by default: an unknown name is reported by name, and no file is written."""
    pack = standalone_pack(tmp_path / "pk", p("Kính gửi {{ nguoi_nhan }}"))
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateRenderError, match="'nguoi_nhan' is undefined"):
        baocao.render(seed_report(), out, template=pack)
    assert not out.exists()


def test_undefined_field_names_the_field_and_the_ones_there(tmp_path: Path) -> None:
    """A missing nested field names itself and lists the fields that exist."""
    pack = standalone_pack(tmp_path / "pk", p("{{ header.so_hieu }}"))
    with pytest.raises(TemplateRenderError, match=r"no field 'so_hieu'.*symbol"):
        baocao.render_bytes(seed_report(), "docx", template=pack)


def test_draft_prints_a_visible_blank_for_missing_values(tmp_path: Path) -> None:
    """draft=True prints the dotted blank where a value is missing, nested or not."""
    pack = standalone_pack(
        tmp_path / "pk", p("Kính gửi {{ nguoi_nhan }}") + p("Mã {{ header.ma_dinh_danh }}")
    )
    doc = assert_pack_renders(pack, seed_report(), draft=True)
    assert f"Kính gửi {DRAFT_BLANK}" in doc.paragraphs
    assert f"Mã {DRAFT_BLANK}" in doc.paragraphs


def test_cli_render_is_strict_and_draft_flag_prints_blanks(tmp_path: Path) -> None:
    """`baocao render -t PACK` fails on a missing value; with --draft it writes the blank."""
    pack = standalone_pack(tmp_path / "pk", p("Kính gửi {{ nguoi_nhan }}"))
    out = tmp_path / "out.docx"
    runner = CliRunner()
    strict = runner.invoke(main, ["render", str(SEED), "-t", str(pack), "-o", str(out)])
    assert strict.exit_code == 1 and "nguoi_nhan" in strict.output and not out.exists()
    draft = runner.invoke(main, ["render", str(SEED), "-t", str(pack), "-o", str(out), "--draft"])
    assert draft.exit_code == 0, draft.output
    assert out.is_file()


def test_vietnamese_filters_work_in_any_template(tmp_path: Path) -> None:
    """Every baocao.vi filter is registered; a plugin's template can use them."""
    env = make_environment()
    assert set(FILTERS) <= set(env.filters)
    pack = standalone_pack(
        tmp_path / "pk",
        p("{{ 1234567|so }}") + p("{{ 21|bang_chu }}") + p("{{ header.issuer_name|chu_hoa }}"),
    )
    doc = assert_pack_renders(pack, seed_report())
    assert "1.234.567" in doc.paragraphs
    assert FILTERS["bang_chu"](21) in doc.paragraphs
    assert "BAN TỔ CHỨC" in doc.paragraphs


def test_filter_given_bad_input_names_the_filter(tmp_path: Path) -> None:
    """A filter error is a TemplateRenderError naming the filter, not a Python traceback."""
    pack = standalone_pack(tmp_path / "pk", p("{{ header.symbol|so }}"))
    with pytest.raises(TemplateRenderError, match="filter 'so'"):
        baocao.render_bytes(seed_report(), "docx", template=pack)


def test_escaping_is_on_in_the_environment() -> None:
    """Autoescape: markup characters in data never reach the XML raw."""
    out = make_environment().from_string("{{ x }}").render(x="A & B <c>")
    assert out == "A &amp; B &lt;c&gt;"
