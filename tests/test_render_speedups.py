"""The render path's shortcuts give what the long way gives."""

from __future__ import annotations

import gc
import io
import unicodedata
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import baocao
from baocao.engines.compiled import compile_docx
from baocao.engines.docx import template_names
from baocao.engines.rawzip import RawZip
from baocao.rendering import pack_context, resolve_template, template_bytes
from baocao.vi.numbers import format_number

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_raw_zip_copies_members_and_adds_new_ones(method: int) -> None:
    source = {"a.xml": b"<a/>" * 50, "tệp/ảnh.bin": bytes(range(256)), "skip.xml": b"x"}
    package = RawZip(_zip(source, method), frozenset({"skip.xml"}))
    built = package.build([("word/document.xml", "<w:body>Đã ký</w:body>".encode())], 1)
    with zipfile.ZipFile(io.BytesIO(built)) as z:
        assert z.testzip() is None  # every CRC checks
        assert z.namelist() == ["a.xml", "tệp/ảnh.bin", "word/document.xml"]
        assert z.read("tệp/ảnh.bin") == source["tệp/ảnh.bin"]
        assert z.read("word/document.xml").decode() == "<w:body>Đã ký</w:body>"
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_copied_members_keep_their_compressed_bytes() -> None:
    data = " ".join(f"<w:t>dòng {i} của báo cáo</w:t>" for i in range(400)).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("a.xml", data)  # level 1: deflating again at 6 would give other bytes
    source = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(source)) as z:
        info = z.getinfo("a.xml")
    start = info.header_offset + 30 + len("a.xml")
    compressed = source[start : start + info.compress_size]
    assert zlib.compress(data, 6)[2:-4] != compressed
    assert compressed in RawZip(source).build([], 1)


def test_number_cache_keeps_values_that_compare_equal_apart() -> None:
    assert [format_number(v) for v in (1, 1.0, Decimal("1.0"), Decimal("1.00"))] == [
        "1",
        "1",
        "1,0",
        "1,00",
    ]
    assert format_number(2.25, 1) == "2,3" and format_number(2.25) == "2,25"
    with pytest.raises(TypeError, match="bool"):
        format_number(True)
    with pytest.raises(TypeError):
        format_number(1, 1.5)  # type: ignore[arg-type]


def test_context_leaves_the_report_dump_out_unless_the_template_names_it() -> None:
    report = baocao.load(SEED)
    pack = resolve_template(report, None)
    names = template_names(template_bytes(pack), name=pack.id)
    assert "body" in names and "report" not in names
    assert "report" not in pack_context(report, pack, names=names)
    assert pack_context(report, pack)["report"] == report.model_dump(mode="json")
    assert pack_context(report, pack, names=frozenset({"report"}))["report"]["kind"] == (
        "bao_cao_thuc_hien"
    )


def test_compiled_names_cover_every_part() -> None:
    tpl = template_bytes(resolve_template(baocao.load(SEED), None))
    assert {"header", "body", "signer"} <= compile_docx(tpl).names


def test_nested_text_is_normalized_once_and_still_nfc() -> None:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    nfd = yaml.safe_load(unicodedata.normalize("NFD", SEED.read_text(encoding="utf-8")))
    assert nfd != data
    assert baocao.validate(nfd) == baocao.validate(data)


def test_render_leaves_the_collector_as_it_found_it() -> None:
    report = baocao.load(SEED)
    assert gc.isenabled()
    baocao.render_bytes(report)
    assert gc.isenabled()
    gc.disable()
    try:
        baocao.render_bytes(report)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(baocao.InputError):
        baocao.render_bytes({"kind": "document"})
    assert gc.isenabled()


def test_a_part_added_to_a_pack_folder_is_used_at_the_next_render(tmp_path: Path) -> None:
    """Which files a pack renders from is cached by its folders' mtimes: adding one shows."""
    from baocao.packs import get_pack
    from tests.fixtures.packs.builder import write_docx, write_pack

    folder = write_pack(tmp_path / "con", {"id": "con", "title": "Con", "extends": "dang"}, {})
    report = baocao.load(SEED)
    first = baocao.render_bytes(report, "docx", get_pack(folder))
    assert "CHỮ RIÊNG CỦA GÓI CON" not in _document_text(first)
    write_docx(folder / "body.docx", "<w:p><w:r><w:t>CHỮ RIÊNG CỦA GÓI CON</w:t></w:r></w:p>")
    second = baocao.render_bytes(report, "docx", get_pack(folder))
    assert "CHỮ RIÊNG CỦA GÓI CON" in _document_text(second)


def _document_text(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_only_models_that_can_deviate_carry_private_state() -> None:
    """The lenient-mode attribute is on the few models that call deviate(), not on all."""
    from baocao.model import Paragraph, Span, Tally

    assert Span(text="Chi bộ").__pydantic_private__ is None
    assert Paragraph(text="Chi bộ").__pydantic_private__ is None
    assert Tally(total=3, noun="đảng viên", parts=[{"count": 3}]).__pydantic_private__ == {
        "_deviations": ()
    }


def test_a_model_built_directly_still_refuses_forbidden_characters() -> None:
    """The loader checks once with paths; a model made in code checks in its own walk."""
    from pydantic import ValidationError

    from baocao.model import Paragraph

    with pytest.raises(ValidationError, match="U\\+0001"):
        Paragraph(spans=[{"text": "Chi bộ\x01"}])
    with pytest.raises(baocao.InputError, match="U\\+0001"):
        baocao.validate({**yaml.safe_load(SEED.read_text(encoding="utf-8")), "closing": "a\x01"})


def test_remembered_parses_keep_strict_and_lenient_apart() -> None:
    """A spaced number read in lenient mode is held; the same text in strict mode still fails."""
    from baocao.errors import CitationError
    from baocao.model import DocumentSymbol
    from baocao.model.forms import deviations, lenient_mode

    text = "Số : 07 /BC - CB"
    with lenient_mode():
        held = DocumentSymbol.parse(text)
        assert DocumentSymbol.parse(text) is held  # read once
    assert [d.code for d in deviations(held)] == ["BC901"]
    with pytest.raises(CitationError):
        DocumentSymbol.parse(text)
    with pytest.raises(CitationError):
        DocumentSymbol.parse({"number": "07"})  # type: ignore[arg-type]  # not a text
    clean = DocumentSymbol.parse("07-BC/CB")
    assert DocumentSymbol.parse("07-BC/CB") is clean and not deviations(clean)


def test_a_shared_parse_does_not_gather_deviations_from_each_report() -> None:
    """Two reports citing the same spaced number: each reports the deviation once."""
    from baocao.model.forms import deviations

    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["header"] = {**data["header"], "number": "Số : 07 /BC - CB"}
    first = baocao.validate(data, lenient=True)
    second = baocao.validate(data, lenient=True)
    for report in (first, second):
        assert [d.code for d in deviations(report)].count("BC901") == 1


def test_checked_input_still_gives_nfc_everywhere() -> None:
    """The loader normalizes once and models skip their walk: every string still comes out NFC."""

    def nfd(value: object) -> object:
        if isinstance(value, str):
            return unicodedata.normalize("NFD", value)
        if isinstance(value, dict):
            return {nfd(k): nfd(v) for k, v in value.items()}
        if isinstance(value, list):
            return [nfd(v) for v in value]
        return value

    data = nfd(yaml.safe_load(SEED.read_text(encoding="utf-8")))
    report = baocao.validate(data)

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for k, v in value.items() for s in strings(k) + strings(v)]
        if isinstance(value, (list, tuple)):
            return [s for v in value for s in strings(v)]
        return []

    dumped = strings(report.model_dump(mode="json"))
    assert any(unicodedata.normalize("NFD", s) != s for s in dumped)  # Vietnamese text there
    assert all(unicodedata.is_normalized("NFC", s) for s in dumped)
    assert report == baocao.load(SEED)


def test_limits_are_read_once_inside_a_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """pinned_limits holds the first reading of the environment; outside, a change shows."""
    from baocao.limits import current_limits, pinned_limits, use_limits

    monkeypatch.setenv("BAOCAO_MAX_NESTING", "50")
    with pinned_limits() as pinned:
        monkeypatch.setenv("BAOCAO_MAX_NESTING", "60")
        assert pinned.nesting == 50 and current_limits().nesting == 50
    assert current_limits().nesting == 60
    with use_limits(nesting=7), pinned_limits() as pinned:
        assert pinned.nesting == 7  # what use_limits set stays in force


def test_remembered_parses_keep_languages_apart() -> None:
    """A deviation's message is in the language of the load that found it, and stays so."""
    from baocao.i18n import use_language
    from baocao.model.forms import deviations

    text = (ROOT / "examples" / "bao-cao-lech-the-thuc.yaml").read_text(encoding="utf-8")
    with use_language("vi"):
        vi = baocao.loads(text, lenient=True)
    held = [(d.code, d.message) for d in deviations(vi)]
    with use_language("en"):
        en = baocao.loads(text, lenient=True)
    assert len(deviations(en)) == len(held)
    assert [d.code for d in deviations(en)] == [code for code, _ in held]
    assert [(d.code, d.message) for d in deviations(vi)] == held  # unchanged by the English load
    assert {d.message for d in deviations(en)} != {m for _, m in held}


def test_a_richtext_subclass_is_checked_like_foreign_markup() -> None:
    """Only docxtpl's and baocao's own builders are trusted to build well-formed XML."""
    from docxtpl import RichText

    from baocao.engines.docx import render_docx_bytes
    from baocao.engines.docx_context import docx_context
    from baocao.errors import TemplateRenderError

    class Own(RichText):
        pass

    report = baocao.load(SEED)
    ctx = docx_context(report)
    broken = Own()
    broken.xml = "<w:r><w:t>dở dang</w:r>"
    next(ln for ln in ctx["body"] if ln["role"] == "paragraph")["rich"] = broken
    with pytest.raises(TemplateRenderError):
        render_docx_bytes(template_bytes(resolve_template(report)), ctx)


def test_a_part_in_a_subfolder_is_found_when_added_and_missed_when_removed(
    tmp_path: Path,
) -> None:
    from baocao.errors import TemplateError
    from baocao.packs import get_pack
    from tests.fixtures.packs.builder import write_docx, write_pack

    layout = ["header", "title", "parts/body", "signature", "appendix"]
    folder = write_pack(
        tmp_path / "v", {"id": "v", "title": "V", "extends": "dang", "layout": layout}, {}
    )
    write_docx(folder / "parts" / "body.docx", "<w:p><w:r><w:t>THÂN CỦA GÓI</w:t></w:r></w:p>")
    extra = tmp_path / "rieng"
    (extra / "parts").mkdir(parents=True)
    report = baocao.load(SEED)
    first = baocao.render_bytes(report, "docx", get_pack(folder).with_overrides((extra,)))
    assert "THÂN CỦA GÓI" in _document_text(first)
    write_docx(extra / "parts" / "body.docx", "<w:p><w:r><w:t>THÂN RIÊNG</w:t></w:r></w:p>")
    second = baocao.render_bytes(report, "docx", get_pack(folder).with_overrides((extra,)))
    assert "THÂN RIÊNG" in _document_text(second)
    (folder / "parts" / "body.docx").unlink()
    with pytest.raises(TemplateError, match=r"parts/body\.docx"):
        baocao.render_bytes(report, "docx", get_pack(folder))


def test_key_nodes_count_toward_the_yaml_node_limit() -> None:
    from baocao.limits import use_limits

    flat = "\n".join(f"k{i}: v" for i in range(60)) + "\n"
    with use_limits(yaml_nodes=100), pytest.raises(baocao.LoadError, match="100"):
        baocao.loads(flat)


def test_a_line_s_fromkeys_gives_a_plain_dict() -> None:
    from baocao.engines.docx_lines import LineData

    assert LineData.fromkeys(["a"]) == {"a": None}
    assert type(LineData.fromkeys(["a"])) is dict


class _WithAttributes(dict):  # type: ignore[type-arg]
    """A dict subclass whose instances carry attributes: Jinja's attribute-first order holds."""


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("d.role", {"role": "heading"}),
        ("d.items is callable", {"items": 1}),  # a method of dict wins over the item
        ("d.get('a')", {"a": "x"}),
        ("d._private", {"_private": 2}),
        ("d.mro", {"mro": 3}),
        ("d.tag", "with-attribute"),
    ],
)
def test_item_first_lookup_gives_what_jinja_gives(expression: str, value: object) -> None:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from baocao.packs.environment import make_environment

    if value == "with-attribute":
        value = _WithAttributes(tag="item")
        value.tag = "attribute"  # type: ignore[attr-defined]
    ours = make_environment().from_string("{{ " + expression + " }}").render(d=value)
    jinja = ImmutableSandboxedEnvironment().from_string("{{ " + expression + " }}").render(d=value)
    assert ours == jinja


def test_item_first_lookup_keeps_the_sandbox_and_strictness() -> None:
    from jinja2.exceptions import SecurityError, UndefinedError

    from baocao.packs.environment import make_environment

    env = make_environment()
    with pytest.raises(UndefinedError, match="role"):
        env.from_string("{{ d.missing }}").render(d={"role": 1})
    with pytest.raises((SecurityError, UndefinedError)):
        env.from_string("{{ d.__class__.__mro__ }}").render(d={})
