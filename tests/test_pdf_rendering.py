"""Real rendering: LibreOffice turns the built-in templates' output into correct PDF pages.

One ``soffice`` call converts every document (the seed, the commune report and a
report full of markup-like text); the checks read the PDFs back with poppler's
``pdftotext`` and ``pdffonts``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

import baocao
from baocao.layout import layout

from .fixtures.examples import SEED_YAML, TRICKY, UBND_YAML, tricky_report

TOOLS = ("soffice", "pdftotext", "pdffonts")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS),
    reason="needs LibreOffice (soffice) and poppler-utils (pdftotext, pdffonts): "
    "apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils",
)
SERIF = re.compile(r"^(?:[A-Z]{6}\+)?(?:LiberationSerif|TimesNewRoman(?:PS)?(?:MT)?)(?:[-,].*)?$")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _flat(text: str) -> str:
    return " ".join(_nfc(text).split())


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three documents rendered to .docx and converted to PDF in one LibreOffice run."""
    work = tmp_path_factory.mktemp("pdf")
    sources = {
        "seed": baocao.load(SEED_YAML),
        "ubnd": baocao.load(UBND_YAML),
        "tricky": baocao.validate(tricky_report()),
    }
    docs = []
    for name, report in sources.items():
        baocao.render(report, work / f"{name}.docx")
        docs.append(str(work / f"{name}.docx"))
    profile = (work / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), *docs],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    out = {name: work / f"{name}.pdf" for name in sources}
    missing = [str(p) for p in out.values() if not p.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return out


def _pages(pdf: Path) -> list[str]:
    """Text of each page (pdftotext separates pages with a form feed)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [_nfc(p) for p in text.split("\f") if p.strip()]


def _body_text(pdf: Path) -> str:
    """All pages as one flat string, without the page numbers at the top of pages 2…"""
    pages = []
    for i, page in enumerate(_pages(pdf)):
        lines = page.strip("\n").splitlines()
        if i > 0 and lines and lines[0].strip() == str(i + 1):
            lines = lines[1:]
        pages.append("\n".join(lines))
    return _flat("\n".join(pages))


def _assert_in_order(text: str, needles: list[str]) -> None:
    pos = 0
    for needle in needles:
        found = text.find(_flat(needle), pos)
        assert found >= 0, f"not found (in order) after position {pos}: {needle!r}"
        pos = found + len(_flat(needle))


@pytest.mark.parametrize(
    ("name", "source", "header"),
    [
        ("seed", SEED_YAML, ["HUYỆN ỦY MINH SƠN", "ĐẢNG CỘNG SẢN VIỆT NAM", "BAN TỔ CHỨC",
                             "Minh Sơn, ngày tháng 12 năm 2023", "Số -BC/BTCHU", "BÁO CÁO"]),
        ("ubnd", UBND_YAML, ["UBND TỈNH PHÚ THỌ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                             "ỦY BAN NHÂN DÂN", "Độc lập - Tự do - Hạnh phúc", "XÃ MINH TÂN",
                             "Số: 245/BC-UBND", "Minh Tân, ngày 15 tháng 12 năm 2025", "BÁO CÁO"]),
    ],
)  # fmt: skip
def test_header_title_and_every_heading_in_order(
    pdfs: dict[str, Path], name: str, source: Path, header: list[str]
) -> None:
    """The header lines, the title, each subject line and every section heading print in order."""
    text = _body_text(pdfs[name])
    report = baocao.load(source)
    lay = layout(report)
    _assert_in_order(text, [*header, *lay.header.subject])
    _assert_in_order(text, [h.text for h in lay.headings])
    assert lay.signer is not None
    _assert_in_order(text, ["Nơi nhận:", *(lay.signer.lines), lay.signer.name])


def test_statistics_sentence_prints_whole(pdfs: dict[str, Path]) -> None:
    """The seed's tally sentence survives line breaking, diacritics and all."""
    text = _body_text(pdfs["seed"])
    assert (
        "21 khó khăn, vướng mắc (trong đó 3 khó khăn, vướng mắc thuộc thẩm quyền của Tổ huyện; "
        "18 khó khăn, vướng mắc thuộc thẩm quyền của Đảng ủy xã)"
    ) in text
    assert "17/17 Tổ huyện" in text
    ubnd = _body_text(pdfs["ubnd"])
    assert "865 hồ sơ thủ tục hành chính (trong đó 842 hồ sơ giải quyết đúng và trước hạn" in ubnd


def test_diacritics_are_intact(pdfs: dict[str, Path]) -> None:
    """Vietnamese letters come back as themselves (NFC), with no replacement characters."""
    for pdf in pdfs.values():
        raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "\ufffd" not in raw
    text = _body_text(pdfs["seed"])
    for word in (
        "Trương Xuân Việt",
        "đốc đốc",
        "Ủy viên BCH Đảng bộ huyện",
        "thâm định",
        "Những kiến nghị, đề xuất",
    ):
        assert word in text, word  # fmt: skip


def test_fonts_are_a_times_compatible_serif(pdfs: dict[str, Path]) -> None:
    """Every embedded font is Times New Roman or its metric twin Liberation Serif (no fallback)."""
    for name, pdf in pdfs.items():
        listing = subprocess.run(
            ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
        ).stdout.splitlines()[2:]
        fonts = {line.split()[0] for line in listing if line.strip()}
        assert fonts, f"{name}: no fonts listed"
        assert all(SERIF.match(f) for f in fonts), f"{name}: {sorted(fonts)}"


def test_page_numbers_start_on_page_two(pdfs: dict[str, Path]) -> None:
    """Page 1 has no number; page 2 starts with "2" (the PAGE field in the header)."""
    for name in ("seed", "ubnd"):
        pages = _pages(pdfs[name])
        assert len(pages) >= 2, name
        assert not pages[0].strip().splitlines()[0].strip().isdigit(), name
        assert pages[1].strip().splitlines()[0].strip() == "2", name


def test_markup_text_converts_and_prints_literally(pdfs: dict[str, Path]) -> None:
    """The report full of &, <, >, quotes and Jinja tags opens in LibreOffice and prints them."""
    text = _body_text(pdfs["tricky"])
    for expected in (f"Đoạn {TRICKY}", f"Tên {TRICKY}", f"- Nơi {TRICKY};"):
        assert _flat(expected) in text, expected


def test_pdf_progress_counts_each_file(tmp_path: Path) -> None:
    """One LibreOffice run for many files still reports each PDF as it appears."""
    from baocao.engines.pdf import convert_to_pdf

    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    sources = []
    for i, example in enumerate([SEED_YAML, UBND_YAML]):
        report = baocao.load(example)
        path = tmp_path / f"r{i}.docx"
        path.write_bytes(baocao.render_bytes(report, "docx"))
        sources.append(path)
    seen: list[tuple[int, int]] = []
    done = convert_to_pdf(sources, tmp_path / "pdf", progress=lambda n, t: seen.append((n, t)))
    assert len(done.converted) == 2
    assert seen[-1] == (2, 2) and all(t == 2 for _n, t in seen)
    assert [n for n, _t in seen] == sorted(n for n, _t in seen)
