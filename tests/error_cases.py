# ruff: noqa: E501  (the table of cases reads best one case a line)
"""The bad-input catalogue: malformed inputs and the exact message each gets.

``docs/errors.md`` is generated from these cases (``python tools/error_catalogue.py``)
and ``tests/test_error_catalogue.py`` holds the code to it. Every case runs in
a fresh working folder (paths in messages are relative, or shown as ``<tmp>``)
and must raise a ``BaocaoError``: never another exception.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import baocao
from baocao.errors import BaocaoError
from baocao.limits import use_limits

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "bao-cao-ubnd-xa.yaml"


def base() -> dict[str, Any]:
    return yaml.safe_load(BASE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _load_text(text: str, name: str = "bad.yaml") -> Callable[[Path], object]:
    def run(cwd: Path) -> object:
        (cwd / name).write_text(text, encoding="utf-8")
        return baocao.load(name)

    return run


def _mutated(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], object]:
    data = base()
    change(data)
    return _load_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        cur: Any = data
        for step in path[:-1]:
            cur = cur[step]
        cur[path[-1]] = value

    return change


def _drop(*path: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        cur: Any = data
        for step in path[:-1]:
            cur = cur[step]
        del cur[path[-1]]

    return change


TABLE = ("sections", 1, "sections", 1, "blocks", 1)


def _deep(data: dict[str, Any]) -> None:
    section: dict[str, Any] = {"title": "Mục", "blocks": ["Nội dung."]}
    cur = section
    for i in range(300):
        child = {"title": f"Mục {i}", "blocks": ["Nội dung."]}
        cur["sections"] = [child]
        cur = child
    data["sections"] = [section]


def _pack(cwd: Path, manifest: str, **files: bytes) -> str:
    folder = cwd / "goi"
    folder.mkdir()
    (folder / "baocao-template.yml").write_text(manifest, encoding="utf-8")
    for name, data in files.items():
        (folder / name.replace("_", ".")).write_bytes(data)
    return "./goi"


def _docx(body: str) -> bytes:
    from docx import Document

    doc = Document()
    for line in body.split("\n"):
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _render_with(body: str, **limits: Any) -> Callable[[Path], object]:
    def run(cwd: Path) -> object:
        pack = _pack(cwd, "id: goi\ntitle: Gói\nfamily: nha_nuoc\n", base_docx=_docx(body))
        with use_limits(**limits):
            return baocao.render_bytes(baocao.load(BASE), "docx", pack)

    return run


def _no_document_xml(cwd: Path) -> object:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    pack = _pack(cwd, "id: goi\ntitle: Gói\nfamily: nha_nuoc\n", base_docx=buf.getvalue())
    return baocao.render_bytes(baocao.load(BASE), "docx", pack)


def _big_member(cwd: Path) -> object:
    pack = _pack(cwd, "id: goi\ntitle: Gói\nfamily: nha_nuoc\n", base_docx=_docx("Số {{ 1 }}"))
    with use_limits(template_member_bytes=1000):
        return baocao.render_bytes(baocao.load(BASE), "docx", pack)


def _fifo(cwd: Path) -> object:
    os.mkfifo(cwd / "ong.docx")
    return baocao.render(baocao.load(BASE), "ong.docx", overwrite=True)


def _exists(cwd: Path) -> object:
    (cwd / "co-roi.docx").write_bytes(b"old")
    return baocao.render(baocao.load(BASE), "co-roi.docx", overwrite=False)


def _closed(cwd: Path) -> object:
    stream = io.BytesIO()
    stream.close()
    return baocao.render(baocao.load(BASE), stream, format="txt")


def _not_utf8(cwd: Path) -> object:
    (cwd / "cp1258.yaml").write_bytes("kind: document\nheader: Báo cáo\n".encode("cp1258"))
    return baocao.load("cp1258.yaml")


def _json(text: str) -> Callable[[Path], object]:
    return lambda cwd: baocao.loads(text, format="json", source="bad.json")


BOMB = "\n".join(
    [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        *(
            f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    ]
)


@dataclass(frozen=True)
class Case:
    id: str
    what: str
    """The malformed input, in words (for the table)."""
    run: Callable[[Path], object]


CASES: list[Case] = [
    Case("empty-file", "an empty file", _load_text("")),
    Case("list-at-top", "a YAML list instead of a mapping", _load_text("- a\n- b\n")),
    Case("tab-indent", "a tab used for indentation", _load_text("kind: document\n\theader: x\n")),
    Case("unclosed-quote", "a quote never closed", _load_text('kind: "document\nheader: x\n')),
    Case("bad-indent", "a key indented wrongly", _load_text("kind: document\n  header: x\n")),
    Case("duplicate-key", "a key given twice", _load_text("kind: document\nkind: document\n")),
    Case("alias-bomb", "a 9-level YAML alias bomb (322 bytes)", _load_text(BOMB)),
    Case("alias-loop", "an alias that contains itself", _load_text("a: &a [*a]\n")),
    Case("nul-byte", "a raw NUL byte", _load_text("kind: document\nheader: 'a\x00b'\n")),
    Case("raw-control", "a raw control character \\x01", _load_text("kind: document\nx: a\x01b\n")),
    Case("escaped-soh", "\\x01 written as an escape", _mutated(_set(("header", "subject"), "a\x01b"))),
    Case("noncharacter", "U+FFFE in a paragraph", _mutated(_set(("sections", 0, "blocks", 0), "a\ufffeb"))),
    Case("escape-in-key", "a control character in a key", _mutated(_set(("header", "x\x1b"), "y"))),
    Case("missing-header", "no header", _mutated(_drop("header"))),
    Case("missing-subject", "no subject", _mutated(_drop("header", "subject"))),
    Case("empty-subject", "an empty subject", _mutated(_set(("header", "subject"), "  "))),
    Case("typo-field", "a misspelt field", _mutated(_set(("header", "subjcet"), "x"))),
    Case("bad-kind", "an unknown report kind", _mutated(_set(("kind",), "bao_cao_la"))),
    Case("bad-family", "an unknown family", _mutated(_set(("header", "family"), "dang_uy"))),
    Case("impossible-date", "30 February", _mutated(_set(("header", "date"), "2025-02-30"))),
    Case("date-words", "a date that is no date", _mutated(_set(("header", "date"), "hôm qua"))),
    Case("symbol-form", "a Party number in a State report", _mutated(_set(("header", "number"), "12-BC/HU"))),
    Case("number-text", "text where a count goes", _mutated(_set(("sections", 1, "sections", 1, "blocks", 0, "spans", 1, "total"), "nhiều"))),
    Case("tally-sum", "parts that do not add up to the total", _mutated(_set(("sections", 1, "sections", 1, "blocks", 0, "spans", 1, "total"), 866))),
    Case("widths-nan", "table widths [.nan, …]", _mutated(_set((*TABLE, "widths"), [float("nan"), 4, 1.3, 1.3, 1.3]))),
    Case("widths-negative", "table widths [-1, …]", _mutated(_set((*TABLE, "widths"), [-1, 4, 1.3, 1.3, 1.3]))),
    Case("widths-count", "fewer widths than columns", _mutated(_set((*TABLE, "widths"), [1, 2]))),
    Case("row-cells", "a row with a missing cell", _mutated(_set((*TABLE, "rows", 0), ["1", "Hộ tịch"]))),
    Case("block-type", "an unknown block type", _mutated(_set(("sections", 0, "blocks", 0), {"type": "hinh"}))),
    Case("sections-300", "sections nested 300 deep (JSON)", lambda cwd: _deep_json()),
    Case("json-syntax", "a JSON file with a trailing comma", _json('{"kind": "document",}')),
    Case("json-deep", "JSON nested 100,000 deep", _json("[" * 100_000 + "]" * 100_000)),
    Case("json-list", "a JSON list at the top", _json("[1, 2]")),
    Case("too-large", "a file larger than the input limit", lambda cwd: _with_small_input(cwd)),
    Case("load-none", "load(None)", lambda cwd: baocao.load(None)),  # type: ignore[arg-type]
    Case("no-such-file", "a file that does not exist", lambda cwd: baocao.load("khong-co.yaml")),
    Case("a-folder", "a folder given as the report", lambda cwd: baocao.load(".")),
    Case("not-utf8", "a file saved in Windows-1258", _not_utf8),
    Case("validate-list", "validate() given a list", lambda cwd: baocao.validate([1])),
    Case("out-trailing-slash", "output x.docx/", lambda cwd: baocao.render(baocao.load(BASE), "x.docx/")),
    Case("out-fifo", "output is a FIFO, with --force", _fifo),
    Case("out-exists", "output exists, no --force", _exists),
    Case("out-format", "an unknown output format", lambda cwd: baocao.render_bytes(baocao.load(BASE), "odt")),
    Case("out-closed", "a closed output stream", _closed),
    Case("out-too-long", "an output name of 300 characters", lambda cwd: baocao.render(baocao.load(BASE), "a" * 300 + ".docx")),
    Case("template-unknown", "an unknown template id", lambda cwd: baocao.render_bytes(baocao.load(BASE), "docx", "khong-co")),
    Case("template-family", "a Party template for a State report", lambda cwd: baocao.render_bytes(baocao.load(BASE), "docx", "dang")),
    Case("pack-hook", "a folder pack naming a hook", lambda cwd: baocao.render_bytes(baocao.load(BASE), "docx", _pack(cwd, "id: goi\ntitle: G\nextends: nha-nuoc\nhook: goi.payload:run\n"))),
    Case("pack-escape", "a layout part ../../x", lambda cwd: baocao.render_bytes(baocao.load(BASE), "docx", _pack(cwd, "id: goi\ntitle: G\nextends: nha-nuoc\nlayout: [../../x]\n"))),
    Case("pack-no-document", "a template without word/document.xml", _no_document_xml),
    Case("pack-big-member", "a template member over the size limit", _big_member),
    Case("tpl-syntax", "a template tag Jinja cannot read", _render_with("{% if %}")),
    Case("tpl-undefined", "an undefined variable", _render_with("{{ khong_co }}")),
    Case("tpl-sandbox", "a template reaching Python internals", _render_with("{{ ''.__class__.__mro__ }}")),
    Case("tpl-mutation", "a template changing its context", _render_with("{{ body[0].rich.add('X') }}")),
    Case("tpl-center", "a template building a gigabyte string", _render_with("{{ 'x'|center(10**9) }}")),
    Case("tpl-loops", "nested loops past the time limit", _render_with("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}", render_seconds=0.5)),
    Case("tpl-recursion", "a recursive macro", _render_with("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")),
    Case("tpl-bigint", "a template squaring integers in a loop", _render_with("{% set ns = namespace(x=3) %}{% for i in range(64) %}{% set ns.x = ns.x * ns.x %}{% endfor %}")),
]  # fmt: skip


def _deep_json() -> object:
    data = base()
    _deep(data)
    return baocao.loads(json.dumps(data, default=str), format="json", source="sau.json")


def _with_small_input(cwd: Path) -> object:
    (cwd / "lon.yaml").write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")
    with use_limits(input_bytes=1000):
        return baocao.load("lon.yaml")


def message_of(case: Case, cwd: Path) -> str:
    """The message the case gets, with the working folder shown as ``<tmp>``."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        case.run(cwd)
    except BaocaoError as exc:
        text = str(exc)
    else:
        raise AssertionError(f"{case.id}: no error")
    finally:
        os.chdir(old)
    return text.replace(str(cwd.resolve()), "<tmp>").replace(str(cwd), "<tmp>")


def table(messages: dict[str, str]) -> str:
    """The Markdown table of docs/errors.md."""
    rows = ["| # | case | input | message |", "|---|---|---|---|"]
    for i, case in enumerate(CASES, 1):
        text = messages[case.id].replace("|", "\\|").replace("\n", "<br>")
        rows.append(f"| {i} | `{case.id}` | {case.what} | {text} |")
    return "\n".join(rows) + "\n"
