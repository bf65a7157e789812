"""The conformance checker and its command: built-in outputs pass, broken documents fail."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import baocao
from baocao.cli import main
from baocao.conformance import ConformanceReport, check_docx
from baocao.errors import InputError, LoadError

from .fixtures.examples import ROOT, SEED_YAML, UBND_YAML, rendered

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

Edit = Callable[[etree._Element], None]


def patched(data: bytes, part: str, edit: Edit) -> bytes:
    """``data`` with one XML part changed by ``edit``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in src.namelist():
            blob = src.read(name)
            if name == part:
                root = etree.fromstring(blob)
                edit(root)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            z.writestr(name, blob)
    return out.getvalue()


def style(root: etree._Element, style_id: str) -> etree._Element:
    return next(s for s in root.iter(f"{W}style") if s.get(f"{W}styleId") == style_id)


def set_run_prop(style_id: str, tag: str, **attrs: str) -> Edit:
    """An edit that sets ``<w:tag>`` in a style's rPr (replacing any there)."""

    def edit(root: etree._Element) -> None:
        rpr = style(root, style_id).find(f"{W}rPr")
        old = rpr.find(f"{W}{tag}")
        if old is not None:
            rpr.remove(old)
        el = etree.SubElement(rpr, f"{W}{tag}")
        for k, v in attrs.items():
            el.set(f"{W}{k}", v)

    return edit


def failed(report: ConformanceReport) -> dict[str, str]:
    return {r.rule_id: r.measured for r in report.failures()}


def test_party_output_passes_every_rule() -> None:
    """The seed rendered with the dang pack passes all rules of Hướng dẫn 36."""
    report = check_docx(rendered(SEED_YAML), "dang")
    assert report.profile == "dang-hd36"
    assert failed(report) == {}
    ids = {r.rule_id for r in report.results}
    assert {
        "page.margin_left",
        "motto.size",
        "star.present",
        "subject_separator.present",
        "heading3.italic",
        "signer_title.bold",
        "page_number.first_page",
    } <= ids
    assert len(report.results) >= 80


def test_state_output_passes_every_rule() -> None:
    """The commune report rendered with the nha-nuoc pack passes all rules of NĐ 30."""
    report = check_docx(rendered(UBND_YAML), "nha-nuoc")
    assert report.profile == "nha-nuoc-nd30"
    assert failed(report) == {}
    ids = {r.rule_id for r in report.results}
    assert {
        "slogan.size",
        "issuer_rule.length",
        "subject_rule.length",
        "signer_authority.bold",
        "recipients_label.italic",
    } <= ids


def test_measured_values_are_the_effective_ones() -> None:
    """Values set in styles (not on runs) are measured through the style chain."""
    party = {r.rule_id: r for r in check_docx(rendered(SEED_YAML)).results}
    assert party["body.line_spacing"].measured == "exactly 18 pt"
    assert party["body.first_line_indent"].measured == "10 mm"
    assert party["title.size"].measured == "16 pt"
    assert party["motto_rule.length"].measured == "100 % của dòng (72.99 mm / 72.91 mm)"
    state = {r.rule_id: r for r in check_docx(rendered(UBND_YAML)).results}
    assert state["body.line_spacing"].measured == "1.2 lines"
    assert state["recipients_item.size"].measured == "11 pt"


def test_family_is_read_from_the_motto() -> None:
    """Without a family, the checker reads it from the motto line."""
    assert check_docx(rendered(SEED_YAML)).family == "dang"
    assert check_docx(rendered(UBND_YAML)).family == "nha_nuoc"


def test_profile_follows_the_document_date() -> None:
    """A Party report dated after 27/5/2026 is checked against Hướng dẫn 05."""
    data = baocao.load(SEED_YAML).model_dump(mode="json")
    data["header"]["date"] = "2026-06-10"
    report = check_docx(baocao.render_bytes(data))
    assert report.profile == "dang-hd05"
    assert "10/06/2026" in report.profile_reason
    assert report.passed


def test_wrong_margin_fails_that_rule_only() -> None:
    """A 40 mm left margin fails page.margin_left with the measured value, nothing else."""

    def edit(root: etree._Element) -> None:
        root.find(f"{W}body/{W}sectPr/{W}pgMar").set(f"{W}left", "2268")

    report = check_docx(patched(rendered(UBND_YAML), "word/document.xml", edit), "nha_nuoc")
    assert failed(report) == {"page.margin_left": "40 mm"}


def test_arial_body_fails_the_font_rule_with_the_font_found() -> None:
    """Arial in the body style fails font.all_text and names Arial; the defaults still pass."""
    edit = set_run_prop("BCBody", "rFonts", ascii="Arial", hAnsi="Arial")
    report = check_docx(patched(rendered(SEED_YAML), "word/styles.xml", edit), "dang")
    fails = failed(report)
    assert set(fails) == {"font.all_text"}
    assert fails["font.all_text"].startswith("Arial in ")


def test_small_body_and_plain_title_fail_with_measured_values() -> None:
    """12 pt body text and a non-bold title fail their rules; headings inherit the body size."""

    def edit(root: etree._Element) -> None:
        set_run_prop("BCBody", "sz", val="24")(root)
        set_run_prop("BCTitle", "b", val="0")(root)

    fails = failed(check_docx(patched(rendered(SEED_YAML), "word/styles.xml", edit), "dang"))
    assert fails["body.size"] == '12 pt (e.g. "Thực hiện Kết luận số 18-KL…")'
    assert fails["title.bold"] == "not bold"
    assert fails["heading1.size"].startswith("12 pt (e.g.")


def test_page_number_on_page_one_fails() -> None:
    """Without a distinct first-page header the number shows on page 1, which fails."""

    def edit(root: etree._Element) -> None:
        sect = root.find(f"{W}body/{W}sectPr")
        sect.remove(sect.find(f"{W}titlePg"))

    fails = failed(check_docx(patched(rendered(SEED_YAML), "word/document.xml", edit), "dang"))
    assert fails == {"page_number.first_page": "shown on page 1"}


def test_swapped_signature_columns_fail_the_position_rules() -> None:
    """Signer at the left and Nơi nhận at the right fail both layout rules."""

    def edit(root: etree._Element) -> None:
        row = root.find(f"{W}body").findall(f"{W}tbl")[-1].find(f"{W}tr")
        left, right = row.findall(f"{W}tc")
        row.remove(left)
        row.append(left)
        del right

    fails = failed(check_docx(patched(rendered(UBND_YAML), "word/document.xml", edit), "nha_nuoc"))
    assert fails["layout.recipients_left"] == "column 2 of 2"
    assert fails["layout.signer_right"] == "column 1 of 2"


def test_double_line_spacing_fails_the_state_range() -> None:
    """Two lines of spacing is outside NĐ 30's single-to-1.5 range."""

    def edit(root: etree._Element) -> None:
        style(root, "BCBody").find(f"{W}pPr/{W}spacing").set(f"{W}line", "480")

    fails = failed(check_docx(patched(rendered(UBND_YAML), "word/styles.xml", edit), "nha_nuoc"))
    assert fails["body.line_spacing"].startswith("2 lines (e.g.")


def test_missing_rule_under_the_motto_fails() -> None:
    """Without the drawn line under ĐẢNG CỘNG SẢN VIỆT NAM the rule is reported missing."""

    def edit(root: etree._Element) -> None:
        ppr = style(root, "BCRule").find(f"{W}pPr")
        ppr.remove(ppr.find(f"{W}pBdr"))

    fails = failed(check_docx(patched(rendered(SEED_YAML), "word/styles.xml", edit), "dang"))
    assert fails == {"motto_rule.length": "no rule found"}


def test_document_without_header_reports_missing_elements() -> None:
    """Removing the header table makes the header elements fail as not found."""

    def edit(root: etree._Element) -> None:
        body = root.find(f"{W}body")
        body.remove(body.find(f"{W}tbl"))

    fails = failed(check_docx(patched(rendered(SEED_YAML), "word/document.xml", edit), "dang"))
    assert fails["motto.present"] == "not found"
    assert fails["number.present"] == "not found"
    assert fails["motto_rule.length"] == "no rule found"


def test_named_profile_file_is_used(tmp_path: Path) -> None:
    """A profile given by path replaces the dated choice; its stricter value fails."""
    path = tmp_path / "strict.yml"
    path.write_text(
        "id: strict\nextends: nha-nuoc-nd30\ntitle: Strict\nvalid_from: 2020-03-05\n"
        "elements:\n  body:\n    size: 13\n",
        encoding="utf-8",
    )
    report = check_docx(rendered(UBND_YAML), "nha_nuoc", path)
    assert (report.profile, report.profile_reason) == ("strict", "named")
    assert failed(report)["body.size"].startswith("14 pt (e.g.")


def test_profile_of_the_other_family_is_refused() -> None:
    """Checking a Party document against a State profile is an input error."""
    with pytest.raises(InputError, match="nha_nuoc family"):
        check_docx(rendered(SEED_YAML), "dang", "nha-nuoc-nd30")


def test_not_a_docx_is_a_load_error(tmp_path: Path) -> None:
    """A file that is not a .docx is refused with its name."""
    path = tmp_path / "x.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(LoadError, match=r"x\.docx"):
        check_docx(path, "dang")


def test_report_serialises_to_json() -> None:
    """``to_dict`` carries every rule with its measured and expected values."""
    data = check_docx(rendered(SEED_YAML)).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["passed"] is True and data["failed"] == 0
    assert {"rule_id", "description", "passed", "status", "measured", "expected", "waived"} == set(
        data["rules"][0]
    )


def test_cli_prints_a_table_and_exits_zero(tmp_path: Path) -> None:
    """``baocao conformance`` prints one row per rule and "all rules pass"."""
    path = tmp_path / "seed.docx"
    path.write_bytes(rendered(SEED_YAML))
    result = CliRunner().invoke(main, ["conformance", str(path), "--family", "dang"])
    assert result.exit_code == 0, result.output
    assert "profile dang-hd36" in result.output
    assert "ok  page.margin_left" in result.output
    assert result.output.rstrip().endswith("all rules pass")


def test_cli_json_and_exit_status_on_failure(tmp_path: Path) -> None:
    """A failing document exits 1; ``--format json`` lists the failing rule as not passed."""

    def edit(root: etree._Element) -> None:
        root.find(f"{W}body/{W}sectPr/{W}pgMar").set(f"{W}top", "1701")

    path = tmp_path / "bad.docx"
    path.write_bytes(patched(rendered(UBND_YAML), "word/document.xml", edit))
    result = CliRunner().invoke(
        main, ["conformance", str(path), "--family", "nha-nuoc", "--format", "json"]
    )
    assert result.exit_code == 1
    data = json.loads(result.output)
    bad = [r for r in data["rules"] if not r["passed"]]
    assert [(r["rule_id"], r["measured"], r["expected"]) for r in bad] == [
        ("page.margin_top", "30 mm", "20 mm (20–25)")
    ]
    table = CliRunner().invoke(main, ["conformance", str(path)])
    assert table.exit_code == 1
    assert "FAIL  page.margin_top" in table.output
    assert "1 of" in table.output


DOCS = ROOT / "docs" / "formats.md"
PROPS = ["size", "bold", "italic", "underline", "case", "align", "first_line_indent",
         "space_before", "line_spacing"]  # fmt: skip


def _doc_section(start: str, end: str) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The element rows (cells by property) and rule rows (expected) of one family's section."""
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index(start) : text.index(end)]
    elements: dict[str, list[str]] = {}
    rules: dict[str, str] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| `"):
            continue
        name = cells[0].strip("`")
        if len(cells) == len(PROPS) + 2:
            elements[name] = cells[1 : len(PROPS) + 1]
        else:
            rules[name] = cells[1]
    return elements, rules


@pytest.mark.parametrize(
    ("example", "start", "end"),
    [
        (SEED_YAML, "## Party report", "## State report"),
        (UBND_YAML, "## State report", "## The templates"),
    ],
)
def test_docs_list_every_rule_with_the_checked_value(example: Path, start: str, end: str) -> None:
    """docs/formats.md shows every rule checked on an example with the value expected."""
    elements, rules = _doc_section(start, end)
    for result in check_docx(rendered(example)).results:
        element, prop = result.rule_id.split(".", 1)
        if element in elements and prop in PROPS:
            assert elements[element][PROPS.index(prop)] == result.expected, result.rule_id
        else:
            assert rules.get(result.rule_id) == result.expected, result.rule_id


def test_docs_show_the_real_command_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command output quoted in docs/formats.md is what the command prints."""
    monkeypatch.chdir(tmp_path)
    Path("bao-cao.docx").write_bytes(rendered(SEED_YAML))
    result = CliRunner().invoke(main, ["conformance", "bao-cao.docx", "--family", "dang"])
    text = DOCS.read_text(encoding="utf-8")
    assert result.output.strip() in text


def test_party_document_with_every_level_table_and_tm_signer_passes() -> None:
    """A generic Party document using four heading levels, a table and T/M passes every rule."""
    data = {
        "kind": "document",
        "header": {
            "family": "dang",
            "issuer": {"parent": "ĐẢNG BỘ TỈNH PHÚ THỌ", "name": "ĐẢNG ỦY XÃ MINH TÂN"},
            "number": "15-BC/ĐU",
            "place": "Minh Tân",
            "date": "2025-11-20",
            "subject": "tình hình thực hiện nhiệm vụ chính trị năm 2025",
        },
        "sections": [
            {
                "title": "Kết quả",
                "sections": [
                    {
                        "title": "Công tác xây dựng Đảng",
                        "sections": [
                            {
                                "title": "Công tác tổ chức",
                                "sections": [{"title": "Kết nạp đảng viên", "blocks": ["Đạt."]}],
                            }
                        ],
                        "blocks": [
                            {"type": "table", "header": ["Chi bộ", "Số đảng viên"],
                             "rows": [["Thôn 1", "25"], ["Thôn 2", "31"]], "widths": [3, 1]}
                        ],
                    }
                ],
            }
        ],
        "signer": {"authority": "TM", "on_behalf": "ĐẢNG ỦY", "title": "BÍ THƯ",
                   "name": "Trần Văn Bình"},
        "recipients": {"items": ["Ban Thường vụ Tỉnh ủy (b/c)"], "archive": "Văn phòng Đảng ủy"},
    }  # fmt: skip
    report = check_docx(baocao.render_bytes(data), "dang")
    assert failed(report) == {}
    results = {r.rule_id: r.measured for r in report.results}
    assert results["heading4.italic"] == "italic"
    assert results["signer_authority.bold"] == "bold"
    assert results["signer_title.bold"] == "not bold"
