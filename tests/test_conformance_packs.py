"""A pack ships its own format profile and waivers; conformance shows what is waived and why."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import baocao
from baocao.cli import main
from baocao.conformance import check_docx
from baocao.errors import ManifestError
from baocao.packs.manifest import load_manifest
from baocao.packs.registry import get_pack
from baocao.testing import check_pack

from .fixtures.docx_edit import W, note, w
from .fixtures.examples import ROOT, SEED_YAML

FIXTURE = Path(__file__).parent / "fixtures" / "packs" / "signer-note"
NOTE = "(Ký tên, đóng dấu)"


def _signature_with_note(src: bytes) -> bytes:
    """The built-in signature part with a seal note under the title, the title bold and
    the Nơi nhận lines at 13 pt (the single-signer branch, the last in the part)."""
    z = zipfile.ZipFile(io.BytesIO(src))
    root = etree.fromstring(z.read("word/document.xml"))
    paras = list(root.iter(f"{W}p"))
    titles = [p for p in paras if "signer.title_line" in "".join(p.itertext())]
    title = titles[-1]
    for r in title.iter(f"{W}r"):
        r.insert(0, w("rPr"))
        r[0].append(w("b"))
    # after the {%p endif %} that closes the title line
    title.getnext().addnext(note(NOTE))
    for p in paras:
        if "".join(p.itertext()).strip() == "{{ line }}":
            for r in p.iter(f"{W}r"):
                r.insert(0, w("rPr"))
                r[0].append(w("sz", val="26"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in z.namelist():
            blob = z.read(name)
            if name == "word/document.xml":
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            dst.writestr(name, blob)
    return out.getvalue()


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """The fixture pack, with its signature part made from the built-in one."""
    folder = tmp_path / "signer-note"
    shutil.copytree(FIXTURE, folder)
    built_in = get_pack("dang").find("signature.docx").read_bytes()
    (folder / "signature.docx").write_bytes(_signature_with_note(built_in))
    return folder


def _render(pack: Path) -> bytes:
    return baocao.render_bytes(baocao.load(SEED_YAML), template=str(pack))


def test_pack_with_a_signer_note_and_a_waiver_passes_with_the_waiver_shown(pack: Path) -> None:
    """The note is no signer line; the pack's profile wants the bold title; 13 pt is waived."""
    data = _render(pack)
    assert NOTE in "".join(
        etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).itertext()
    )
    p = get_pack(str(pack))
    report = check_docx(data, profile=p.profile_ref, waivers=p.waivers)
    assert report.profile == "tinh-uy-x"
    assert report.passed, [(r.rule_id, r.measured) for r in report.failures()]
    waived = {r.rule_id: r for r in report.waived()}
    assert set(waived) == {"recipients_item.size"}
    assert waived["recipients_item.size"].status == "waived"
    assert waived["recipients_item.size"].measured.startswith("13 pt")
    assert "Chánh Văn phòng" in (waived["recipients_item.size"].waived or "")
    results = {r.rule_id: r for r in report.results}
    assert results["signer_title.bold"].measured == "bold"
    assert results["signer_name.bold"].passed


def test_without_the_pack_the_same_file_fails_what_the_pack_chose(pack: Path) -> None:
    """Against plain Hướng dẫn 36 the bold title and the 13 pt list fail: nothing is hidden."""
    failing = {r.rule_id for r in check_docx(_render(pack), "dang").failures()}
    assert failing == {"signer_title.bold", "recipients_item.size"}


def test_templates_check_lists_the_waiver_as_a_note(pack: Path) -> None:
    """``templates check`` passes the pack and names the waived rule with its reason."""
    issues = check_pack(str(pack))
    assert [i for i in issues if i.severity == "error"] == []
    notes = [i.message for i in issues if i.code == "conformance-waived"]
    assert len(notes) == 1 and notes[0].startswith("recipients_item.size")
    assert "Chánh Văn phòng" in notes[0]
    result = CliRunner().invoke(main, ["templates", "check", str(pack)])
    assert result.exit_code == 0, result.output
    assert "conformance-waived" in result.output


def test_conformance_command_shows_waived_rows(pack: Path, tmp_path: Path) -> None:
    """``baocao conformance -t PACK`` prints the waived row with its reason and exits 0."""
    out = tmp_path / "out.docx"
    out.write_bytes(_render(pack))
    result = CliRunner().invoke(main, ["conformance", str(out), "-t", str(pack)])
    assert result.exit_code == 0, result.output
    row = next(ln for ln in result.output.splitlines() if "recipients_item.size" in ln)
    assert row.startswith("waived") and "Chánh Văn phòng" in row
    assert "profile tinh-uy-x" in result.output
    as_json = CliRunner().invoke(
        main, ["conformance", str(out), "-t", str(pack), "--format", "json"]
    )
    data = json.loads(as_json.output)
    assert data["passed"] is True and data["waived"] == 1


def test_unknown_waiver_is_reported(pack: Path) -> None:
    """A waiver naming no rule is listed, so a typo does not silently waive nothing."""
    report = check_docx(_render(pack), "dang", waivers={"signer_titel.bold": "typo"})
    assert report.unknown_waivers == ("signer_titel.bold",)


def test_waiver_needs_a_reason_and_a_rule_id(tmp_path: Path) -> None:
    """The manifest refuses a waiver without a reason, and a profile path leaving the pack."""
    bad = tmp_path / "baocao-template.yml"
    bad.write_text("id: x\ntitle: X\nwaivers:\n  signer_title.bold: ''\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="waivers"):
        load_manifest(bad)
    bad.write_text("id: x\ntitle: X\nprofile: ../../etc/p.yml\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="profile"):
        load_manifest(bad)
    assert (ROOT / "templates" / "dang" / "baocao-template.yml").is_file()
