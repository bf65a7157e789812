"""Red ink: findings as Word comments on their words (baocao.annotate) and highlighted HTML."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from baocao import check, load
from baocao.annotate import annotate, annotate_docx
from baocao.checker.highlight import Mark, findings_page, highlight
from baocao.loading import load_with_lines
from baocao.rendering import render_bytes

from .fixtures.checker.factory import SEED, report
from .test_checker_cli import run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _commented(docx: bytes) -> dict[str, str]:
    """Comment id → the document text between its range start and end."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    out: dict[str, str] = {}
    open_ids: set[str] = set()
    for el in root.iter():
        tag = etree.QName(el).localname
        if tag == "commentRangeStart":
            open_ids.add(el.get(f"{{{W}}}id", ""))
            out.setdefault(el.get(f"{{{W}}}id", ""), "")
        elif tag == "commentRangeEnd":
            open_ids.discard(el.get(f"{{{W}}}id", ""))
        elif tag == "t":
            for i in open_ids:
                out[i] += el.text or ""
    return out


def _comments(docx: bytes) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/comments.xml"))
    return ["".join(c.itertext()) for c in root.iter(f"{{{W}}}comment")]


def test_each_seed_finding_is_a_comment_on_its_exact_words() -> None:
    rep, lines = load_with_lines(SEED)
    diagnostics = check(rep, source_lines=lines)
    docx = annotate_docx(render_bytes(rep, "docx"), diagnostics, rep)
    spans = _commented(docx)
    notes = _comments(docx)
    assert len(notes) == len(spans) == len(diagnostics)
    for i, d in enumerate(diagnostics):
        assert d.text is not None
        assert d.text.startswith(spans[str(i)]) or spans[str(i)].startswith(d.text), (
            d,
            spans[str(i)],
        )
        assert notes[i].startswith(f"{d.code} ") and d.message in notes[i]


def test_the_subject_finding_lands_on_the_subject_not_on_the_same_words_later() -> None:
    """The seed's subject words recur in the preamble; the comment stays on the subject."""
    rep, lines = load_with_lines(SEED)
    diagnostics = check(rep, source_lines=lines)
    docx = annotate_docx(render_bytes(rep, "docx"), diagnostics, rep)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    for p in root.iter(f"{{{W}}}p"):
        starts = p.findall(f".//{{{W}}}commentRangeStart")
        if any(s.get(f"{{{W}}}id") == "0" for s in starts):
            assert "".join(p.itertext()).startswith("kết quả thực hiện Quy định")
            break
    else:
        pytest.fail("comment 0 not anchored")


def test_the_annotated_document_declares_its_comments_part() -> None:
    rep = report("Các chi bộ đã nổ lực thực hiện.", signer=None)
    docx = annotate_docx(render_bytes(rep, "docx"), check(rep), rep)
    z = zipfile.ZipFile(io.BytesIO(docx))
    assert "comments.xml" in z.read("word/_rels/document.xml.rels").decode()
    assert "/word/comments.xml" in z.read("[Content_Types].xml").decode()
    notes = _comments(docx)
    assert any(n.startswith("BC801") for n in notes)  # no signer: on the first paragraph
    assert any(n.startswith("BC602") for n in notes)


def test_cli_annotate_and_html(tmp_path: Path) -> None:
    out, page = tmp_path / "soat.docx", tmp_path / "soat.html"
    result = run("check", SEED, "--annotate", out, "--html", page, "--json")
    assert result.exit_code == 1
    assert out.exists() and page.exists()
    assert '"outputs"' in result.stdout and str(out) in result.stdout
    html = page.read_text(encoding="utf-8")
    assert '<mark class="error"' in html and "BC601" in html and "đôn đốc" in html


def test_cli_annotate_takes_one_file(tmp_path: Path) -> None:
    result = run("check", SEED, SEED, "--annotate", tmp_path / "x.docx")
    assert result.exit_code == 2
    assert not (tmp_path / "x.docx").exists()


def test_highlight_escapes_and_marks() -> None:
    text = 'Chi bộ <b>"nổ lực"</b>'
    start = text.index("nổ lực")
    out = highlight(text, [Mark(start, start + 6, "warning", 'BC602 → "nỗ lực"', 1)])
    assert out.startswith("Chi bộ &lt;b&gt;&quot;")
    assert (
        '<mark class="warning" id="finding-1" title="BC602 → &quot;nỗ lực&quot;">'
        "nổ lực</mark><sup>1</sup>" in out
    )


def test_overlapping_marks_keep_the_first() -> None:
    out = highlight("abcdef", [Mark(0, 4, "error", "a"), Mark(2, 6, "hint", "b")])
    assert out.count("<mark") == 1


def test_findings_page_lists_each_finding_under_its_paragraph() -> None:
    rep = load(SEED)
    diagnostics = check(rep)
    page = findings_page(rep, diagnostics)
    assert page.count("<li value=") == len(diagnostics)
    assert page.count("<mark ") == len({(d.unit_path, d.offset) for d in diagnostics})


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_annotated_document_and_keeps_the_comments(tmp_path: Path) -> None:
    """LibreOffice reads the comments: converted to PDF they come out as annotations."""
    rep = report("Các chi bộ đã nổ lực thực hiện, phát triển triển đảng viên.")
    out = annotate(rep, tmp_path / "soat.docx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / "soat.pdf").read_bytes()
    assert len(re.findall(rb"/Subtype\s*/Text\b", pdf)) >= 2  # one PDF note per comment


def test_a_header_field_finding_is_anchored_on_its_printed_line() -> None:
    """BC901 on header.number (no words in the body) goes on the "Số …" line."""
    rep = load(
        Path(__file__).resolve().parent.parent / "examples" / "bao-cao-lech-the-thuc.yaml",
        lenient=True,
    )
    diagnostics = check(rep)
    docx = annotate_docx(render_bytes(rep, "docx"), diagnostics, rep)
    spans = _commented(docx)
    for i, d in enumerate(diagnostics):
        if d.path.startswith("header.number"):
            assert spans[str(i)].startswith("Số"), (d.code, spans[str(i)])
        if d.path.startswith("header.date"):
            assert "ngày" in spans[str(i)]


def test_red_ink_outputs_are_never_replaced_without_force(tmp_path: Path) -> None:
    """`check --annotate/--html` refuse an existing file, as every output does; --force replaces."""
    from click.testing import CliRunner

    from baocao.cli import main

    keep = tmp_path / "keep.docx"
    page = tmp_path / "keep.html"
    keep.write_text("hello", encoding="utf-8")
    page.write_text("hello", encoding="utf-8")
    seed = str(Path(__file__).resolve().parent.parent / "examples" / "bao-cao-quy-dinh-02.yaml")
    outputs = ["--annotate", str(keep), "--html", str(page)]
    refused = CliRunner().invoke(main, ["check", seed, *outputs])
    assert refused.exit_code != 0 and "--force" in refused.output
    assert keep.read_text(encoding="utf-8") == "hello" == page.read_text(encoding="utf-8")
    done = CliRunner().invoke(
        main, ["check", seed, "--annotate", str(keep), "--html", str(page), "--force"]
    )
    assert keep.read_bytes()[:2] == b"PK" and "<mark" in page.read_text(encoding="utf-8")
    assert str(keep) in done.output
