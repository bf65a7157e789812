"""``baocao aggregate``: figures printed, summary written, report filled, appendix and merge."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import baocao
from baocao.cli import main
from baocao.engines.pdf import find_soffice

ROOT = Path(__file__).resolve().parent.parent
TEAMS = ROOT / "examples" / "to-huyen"
SEED = ROOT / "examples" / "bao-cao-quy-dinh-02.yaml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_prints_the_seed_figures() -> None:
    code, out, _ = _run("aggregate", str(TEAMS), "--as-of", "2023-12-13")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Tính đến ngày 13/12/2023: 17/17 Tổ huyện có báo cáo"
    assert lines[1].startswith("Khó khăn, vướng mắc: 21 = 3 + 18 (3 khó khăn")
    assert lines[2].startswith("Kiến nghị, đề xuất: 14 = 5 + 9 (5 kiến nghị")
    assert "Tổ huyện số 12 (12/12/2023)" in out


def test_one_team_removed_prints_16_of_17(tmp_path: Path) -> None:
    folder = tmp_path / "to-huyen"
    shutil.copytree(TEAMS, folder)
    (folder / "05-ban-lin.yaml").unlink()
    code, out, _ = _run("aggregate", str(folder), "--as-of", "2023-12-13")
    assert code == 0
    assert out.splitlines()[0] == "Tính đến ngày 13/12/2023: 16/17 Tổ huyện có báo cáo"
    assert "Chưa gửi báo cáo: Tổ huyện số 5" in out


def test_summary_yaml(tmp_path: Path) -> None:
    out = tmp_path / "summary.yaml"
    code, _, _ = _run("aggregate", str(TEAMS), "--as-of", "2023-12-13", "-o", str(out))
    assert code == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert len(data["reported"]) == 17 and data["expected"] == 17
    assert len(data["difficulties"]) == 21 and len(data["proposals"]) == 14
    # the statistics part pastes into a report as it is
    para = baocao.validate(
        {"header": _header(), "sections": [{"title": "T", "blocks": [data["statistics"]]}]}
    )
    assert "17/17 Tổ huyện" in para.sections[0].blocks[0].text  # type: ignore[union-attr]
    code, _, err = _run("aggregate", str(TEAMS), "--as-of", "2023-12-13", "-o", str(out))
    assert code == 1 and "--force" in err


def _header() -> dict[str, object]:
    return {
        "family": "dang",
        "issuer": {"parent": "HUYỆN ỦY MINH SƠN", "name": "BAN TỔ CHỨC"},
        "number": "-BC/BTCHU",
        "place": "Minh Sơn",
        "date": "2023-12-__",
        "subject": "tổng hợp",
    }


def test_into_writes_a_new_file_and_never_the_input(tmp_path: Path) -> None:
    report = tmp_path / "bao-cao.yaml"
    shutil.copy(SEED, report)
    before = report.read_bytes()
    code, _, err = _run("aggregate", str(TEAMS), "--as-of", "2023-12-13", "--into", str(report))
    assert code == 2 and "--force" in err
    assert report.read_bytes() == before
    out = tmp_path / "filled.yaml"
    code, _, _ = _run(
        "aggregate", str(TEAMS), "--as-of", "2023-12-13", "--into", str(report), "-o", str(out)
    )
    assert code == 0 and report.read_bytes() == before
    filled = baocao.load(out)
    assert baocao.render_bytes(filled, "txt") == baocao.render_bytes(baocao.load(SEED), "txt")


def test_into_with_a_team_missing_changes_the_rendered_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "to-huyen"
    shutil.copytree(TEAMS, folder)
    (folder / "01-tan-lap.yaml").unlink()
    out = tmp_path / "filled.yaml"
    code, _, _ = _run(
        "aggregate", str(folder), "--as-of", "2023-12-13", "--into", str(SEED), "-o", str(out)
    )
    assert code == 0
    text = baocao.render_bytes(baocao.load(out), "txt").decode("utf-8")
    assert "có 16/17 Tổ huyện có báo cáo" in " ".join(text.split())


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    import re

    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def test_appendix_lists_every_item(tmp_path: Path) -> None:
    out = tmp_path / "phu-luc.docx"
    code, _, _ = _run("aggregate", str(TEAMS), "--as-of", "2023-12-13", "--appendix", str(out))
    assert code == 0
    text = _docx_text(out.read_bytes())
    assert "PHỤ LỤC" in text
    s = _summary()
    for item in [*s.difficulties, *s.proposals]:
        assert item.text in text
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:tbl>") >= 2


def _summary() -> baocao.Summary:
    from baocao.aggregate import load_assignment

    plan = load_assignment(TEAMS / "phan-cong.yaml")
    import datetime as dt

    return baocao.aggregate(
        baocao.load_team_reports(TEAMS), expected=plan.teams, as_of=dt.date(2023, 12, 13)
    )


def _merged(tmp_path: Path) -> Path:
    merged = tmp_path / "bao-cao.docx"
    args = ["--into", str(SEED), "-o", str(tmp_path / "f.yaml"), "--merged", str(merged)]
    code, _, err = _run("aggregate", str(TEAMS), "--as-of", "2023-12-13", *args)
    assert code == 0, err
    return merged


def test_merged_holds_report_then_appendix(tmp_path: Path) -> None:
    merged = _merged(tmp_path)
    text = _docx_text(merged.read_bytes())
    assert text.index("Tính đến ngày 13/12/2023") < text.index("PHỤ LỤC")
    with zipfile.ZipFile(merged) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:sectPr") == 1  # one section: page numbers run on
    assert "pgNumType" not in xml


def test_merged_needs_into(tmp_path: Path) -> None:
    code, _, err = _run(
        "aggregate", str(TEAMS), "--as-of", "2023-12-13", "--merged", str(tmp_path / "m.docx")
    )
    assert code == 2 and "--into" in err
    assert not (tmp_path / "m.docx").exists()


def test_bad_team_file_names_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "to-huyen"
    shutil.copytree(TEAMS, folder)
    path = folder / "02-phuc-son.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("authority: Đảng ủy xã", "authority: Xã", 1),
        encoding="utf-8",
    )
    line = next(
        n
        for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "Xã" in t and "authority" in t
    )
    code, out, err = _run(
        "aggregate", str(folder), "--as-of", "2023-12-13", "-o", str(tmp_path / "s.yaml")
    )
    assert code == 1 and out == ""
    assert "02-phuc-son.yaml" in err and f"(dòng {line})" in err and "authority" in err
    assert "Traceback" not in err
    assert not (tmp_path / "s.yaml").exists()


def test_bad_date_option() -> None:
    code, _, err = _run("aggregate", str(TEAMS), "--as-of", "13/12/2023")
    assert code == 2 and "YYYY-MM-DD" in err


def _soffice() -> str | None:
    try:
        return str(find_soffice(None))
    except Exception:
        return None


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_merged_opens_in_libreoffice_with_pages_running_on(tmp_path: Path) -> None:
    merged = _merged(tmp_path)
    from baocao.engines.pdf import docx_to_pdf

    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(docx_to_pdf(merged.read_bytes(), soffice=find_soffice(None)))
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    start = next(i for i, p in enumerate(pages) if "PHỤ LỤC" in p)
    assert start >= 2
    # the Party layout prints the page number at the top from page 2 on, appendix included
    for n in range(2, len(pages) + 1):
        assert pages[n - 1].strip().splitlines()[0].strip() == str(n)


def test_folder_with_no_reports_yet(tmp_path: Path) -> None:
    shutil.copy(TEAMS / "phan-cong.yaml", tmp_path / "phan-cong.yaml")
    code, out, _ = _run("aggregate", str(tmp_path), "--as-of", "2023-12-13")
    assert code == 0
    assert out.splitlines()[0] == "Tính đến ngày 13/12/2023: 0/17 Tổ huyện có báo cáo"


def test_json_output() -> None:
    import json

    code, out, _ = _run("aggregate", str(TEAMS), "--as-of", "2023-12-13", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["expected"] == 17 and len(data["reported"]) == 17
    assert [r["team"] for r in data["reported"] if r["late"]] == ["Tổ huyện số 12"]


def test_into_refuses_another_kind(tmp_path: Path) -> None:
    other = ROOT / "examples" / "bao-cao-ubnd-xa.yaml"
    code, _, err = _run(
        "aggregate", str(TEAMS), "--as-of", "2023-12-13", "--into", str(other),
        "-o", str(tmp_path / "x.yaml"),
    )  # fmt: skip
    assert code == 1 and "bao_cao_thuc_hien" in err
    assert not (tmp_path / "x.yaml").exists()


def test_merged_keeps_the_appendix_styles(tmp_path: Path) -> None:
    import re

    merged = _merged(tmp_path)
    alone = tmp_path / "phu-luc.docx"
    args = ["--into", str(SEED), "-o", str(tmp_path / "g.yaml"), "--appendix", str(alone)]
    assert _run("aggregate", str(TEAMS), "--as-of", "2023-12-13", *args)[0] == 0

    def styles(path: Path) -> set[str]:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        return set(re.findall(r'<w:pStyle w:val="([^"]+)"', xml))

    # the appendix's paragraphs keep their style names (none renamed) in the merged file
    assert styles(alone) <= styles(merged)
    with zipfile.ZipFile(merged) as z:
        defined = set(re.findall(r'w:styleId="([^"]+)"', z.read("word/styles.xml").decode()))
    assert styles(alone) <= defined


def test_attach_puts_the_appendix_into_the_report(tmp_path: Path) -> None:
    out = tmp_path / "filled.yaml"
    args = ["--into", str(SEED), "-o", str(out), "--attach"]
    assert _run("aggregate", str(TEAMS), "--as-of", "2023-12-13", *args)[0] == 0
    report = baocao.load(out)
    (appendix,) = report.appendices  # type: ignore[union-attr]
    assert appendix.title.startswith("DANH SÁCH KHÓ KHĂN, VƯỚNG MẮC")
    text = baocao.render_bytes(report, "txt").decode("utf-8")
    for item in [*_summary().difficulties, *_summary().proposals]:
        assert " ".join(item.text.split()) in " ".join(text.split())
    # a second run replaces the appendix instead of adding another
    again = tmp_path / "again.yaml"
    args = ["--into", str(out), "-o", str(again), "--attach"]
    assert _run("aggregate", str(TEAMS), "--as-of", "2023-12-13", *args)[0] == 0
    assert len(baocao.load(again).appendices) == 1  # type: ignore[union-attr]


def test_attach_needs_into() -> None:
    code, _, err = _run("aggregate", str(TEAMS), "--as-of", "2023-12-13", "--attach")
    assert code == 2 and "--into" in err
