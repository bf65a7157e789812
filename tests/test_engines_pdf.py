"""The PDF engine: finding LibreOffice, one invocation for many files, atomic results, fonts.

Most tests drive a stand-in soffice (tests/fixtures/pdf/fake_soffice.py) so they
run without LibreOffice; the real conversions are batched into ONE soffice call
for this module (the ``real_pdfs`` fixture) and skip when soffice is absent.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from baocao import OutputError, load, render_bytes
from baocao.engines.office import UNO_PYTHON_ENV
from baocao.engines.pdf import INSTALL_HINT, SOFFICE_ENV, convert_to_pdf, docx_to_pdf, find_soffice

FIXTURES = Path(__file__).parent / "fixtures"
FAKE = FIXTURES / "pdf" / "fake_soffice.py"
ROOT = Path(__file__).resolve().parent.parent
STARTERS = ROOT / "src" / "baocao" / "starters"
RARE_GLYPHS = "Ỹ ỹ Ỵ ỵ Ẵ ẵ Ữ ữ Ợ ợ Ể ể Ậ ậ Đ đ Ử ử Ỡ ỡ"
"""Vietnamese letters that fonts without full Vietnamese coverage lack."""

needs_posix = pytest.mark.skipif(os.name != "posix", reason="the stand-in soffice is a sh script")


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An executable stand-in for soffice; its calls are logged to ``<tmp>/soffice.log``."""
    script = tmp_path / "bin" / "soffice"
    script.parent.mkdir()
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{FAKE}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(tmp_path / "soffice.log"))
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "ok")
    # The stand-in is no UNO server: these tests hold the one-call path
    # (tests/test_engines_office.py holds the persistent one).
    monkeypatch.setenv(UNO_PYTHON_ENV, "0")
    yield script


def soffice_calls(fake: Path) -> list[list[str]]:
    """The argument lists the stand-in soffice was called with."""
    log = fake.parent.parent / "soffice.log"
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def _docx_files(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name in names:
        p = folder / name
        p.write_bytes(b"PK\x03\x04 " + name.encode())
        out.append(p)
    return out


def test_find_soffice_prefers_explicit_then_env(
    fake_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An explicit path wins; otherwise $BAOCAO_SOFFICE names the program."""
    monkeypatch.setenv(SOFFICE_ENV, str(fake_soffice))
    assert find_soffice() == fake_soffice
    assert find_soffice(fake_soffice) == fake_soffice
    with pytest.raises(OutputError, match="--soffice"):
        find_soffice(fake_soffice.parent / "nothing-here")


@pytest.mark.usefixtures("no_installed_soffice")
def test_missing_soffice_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no LibreOffice on PATH the error gives the apt-get command and the option."""
    monkeypatch.delenv(SOFFICE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OutputError) as err:
        find_soffice()
    assert INSTALL_HINT in str(err.value)
    assert "apt-get install -y libreoffice-writer-nogui fonts-liberation2" in str(err.value)
    assert "--soffice" in str(err.value) and SOFFICE_ENV in str(err.value)


@needs_posix
def test_many_files_one_invocation_private_profile(fake_soffice: Path, tmp_path: Path) -> None:
    """All sources go to one soffice call, with its own throw-away profile folder."""
    sources = _docx_files(tmp_path / "in", "a.docx", "b.docx", "c.docx")
    done = convert_to_pdf(sources, tmp_path / "out", soffice=fake_soffice)
    calls = soffice_calls(fake_soffice)
    assert len(calls) == 1
    args = calls[0]
    assert "--headless" in args and "--convert-to" in args
    assert sorted(Path(a).name for a in args if a.endswith(".docx")) == [
        "a.docx",
        "b.docx",
        "c.docx",
    ]
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    assert not Path(profile.split("file://", 1)[1]).exists()  # removed after the run
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.pdf", "b.pdf", "c.pdf"]
    assert set(done.converted) == {s.resolve() for s in sources} and not done.failed


@needs_posix
def test_per_file_failures_are_collected(
    fake_soffice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file LibreOffice makes no PDF of is reported by name; the others still land."""
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "skip-bad")
    good, bad = _docx_files(tmp_path / "in", "good.docx", "bad.docx")
    done = convert_to_pdf([good, bad], tmp_path / "out", soffice=fake_soffice)
    assert list(done.converted) == [good.resolve()]
    assert "produced no PDF" in done.failed[bad.resolve()]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.pdf"]


@needs_posix
def test_timeout_kills_soffice_and_leaves_nothing(
    fake_soffice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hung LibreOffice is killed at the timeout; its half-written PDF never lands."""
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "hang")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.pdf").write_bytes(b"old")
    sources = _docx_files(tmp_path / "in", "a.docx")
    with pytest.raises(OutputError, match="did not finish"):
        convert_to_pdf(sources, out, soffice=fake_soffice, timeout=1)
    assert [p.name for p in out.iterdir()] == ["a.pdf"]
    assert (out / "a.pdf").read_bytes() == b"old"


@needs_posix
def test_no_overwrite_keeps_existing_pdf(fake_soffice: Path, tmp_path: Path) -> None:
    """With overwrite=False an existing PDF stays and its source is not converted."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.pdf").write_bytes(b"old")
    a, b = _docx_files(tmp_path / "in", "a.docx", "b.docx")
    done = convert_to_pdf([a, b], out, soffice=fake_soffice, overwrite=False)
    assert (out / "a.pdf").read_bytes() == b"old"
    assert "already exists" in done.failed[a.resolve()]
    assert list(done.converted) == [b.resolve()]
    assert [Path(x).name for x in soffice_calls(fake_soffice)[0] if x.endswith(".docx")] == [
        "b.docx"
    ]


def test_same_stem_twice_is_refused(tmp_path: Path) -> None:
    """Two sources that would both become x.pdf are refused before LibreOffice starts."""
    (one,) = _docx_files(tmp_path / "a", "x.docx")
    (two,) = _docx_files(tmp_path / "b", "x.docx")
    with pytest.raises(OutputError, match=r"would both become x\.pdf"):
        convert_to_pdf([one, two], tmp_path / "out", soffice=sys.executable)


@needs_posix
def test_docx_to_pdf_bytes_and_failure(fake_soffice: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One document converts to bytes; a conversion that makes nothing raises OutputError."""
    assert docx_to_pdf(b"PK\x03\x04", soffice=fake_soffice) == b"%PDF-1.4 fake of PK\x03\x04"
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "fail")
    with pytest.raises(OutputError, match="exit status 3"):
        docx_to_pdf(b"PK\x03\x04", soffice=fake_soffice)


# --------------------------------------------------------------------------- real LibreOffice


def _glyph_docx() -> bytes:
    """A plain document in Times New Roman holding the rarest Vietnamese letters."""
    docx = pytest.importorskip("docx", reason="python-docx not installed (pip install '.[test]')")
    doc = docx.Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.add_paragraph(RARE_GLYPHS)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def real_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed, the State starter and a glyph sheet, converted in ONE LibreOffice call."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) not installed; CI installs it for the PDF tests")
    src = tmp_path_factory.mktemp("docx")
    (src / "seed.docx").write_bytes(render_bytes(load(ROOT / "examples/bao-cao-quy-dinh-02.yaml")))
    (src / "state.docx").write_bytes(render_bytes(load(STARTERS / "document.yaml")))
    (src / "glyphs.docx").write_bytes(_glyph_docx())
    out = tmp_path_factory.mktemp("pdf")
    done = convert_to_pdf(sorted(src.iterdir()), out)
    assert not done.failed, done.failed
    return {p.stem: p for p in done.converted.values()}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) not installed")
    return path


def _fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name without subset tag, embedded yes/no) for each font in the PDF."""
    out = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    fonts = []
    for row in rows:
        cols = row.split()
        name = cols[0].split("+", 1)[-1]
        emb = cols[-5]
        fonts.append((name, emb))
    return fonts


def _text(pdf: Path) -> str:
    out = subprocess.run(
        [_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        check=True,
    )
    return unicodedata.normalize("NFC", out.stdout.decode("utf-8"))


def test_pdfs_use_only_embedded_times_compatible_fonts(real_pdfs: dict[str, Path]) -> None:
    """Every font is Times New Roman or Liberation Serif, embedded: no fallback glyph font."""
    for name, pdf in real_pdfs.items():
        fonts = _fonts(pdf)
        assert fonts, name
        for font, embedded in fonts:
            assert font.startswith(("LiberationSerif", "TimesNewRoman")), (name, font)
            assert embedded == "yes", (name, font)


def test_vietnamese_text_survives_into_the_pdf(real_pdfs: dict[str, Path]) -> None:
    """Diacritics come back out of the PDF text: header, headings, rare letters."""
    seed = _text(real_pdfs["seed"])
    for s in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BAN TỔ CHỨC",
        "I- KẾT QUẢ THỰC HIỆN NĂM 2023",
        "Trương Xuân Việt",
        "Nơi nhận:",
    ):
        assert s in seed
    state = _text(real_pdfs["state"])
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in state and "Độc lập - Tự do - Hạnh phúc" in state
    # pdftotext drops the spaces between single letters; compare the letters alone
    assert RARE_GLYPHS.replace(" ", "") in "".join(_text(real_pdfs["glyphs"]).split())


def test_real_pdfs_are_pdfs(real_pdfs: dict[str, Path]) -> None:
    """Each output starts with the PDF signature and has at least one page."""
    for pdf in real_pdfs.values():
        assert pdf.read_bytes()[:5] == b"%PDF-"
        info: Any = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True)
        assert int(info.stdout.split("Pages:")[1].split()[0]) >= 1


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("win32", {"ProgramFiles": r"C:\Program Files"}, "LibreOffice/program/soffice.exe"),
        ("darwin", {"HOME": "/Users/lan"}, "/Applications/LibreOffice.app/Contents/MacOS/soffice"),
        ("linux", {}, "/usr/lib/libreoffice/program/soffice"),
    ],
)
def test_standard_install_folders_per_system(
    platform: str, env: dict[str, str], expected: str
) -> None:
    from baocao.engines.soffice import standard_locations

    found = [p.as_posix() for p in standard_locations(platform, env)]
    assert any(p.endswith(expected) for p in found), found


def test_soffice_found_in_its_install_folder_when_not_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: the installer does not touch PATH; Program Files is searched."""
    program = tmp_path / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_text("")
    monkeypatch.delenv(SOFFICE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr("baocao.engines.pdf.standard_locations", lambda: iter([program]))
    assert find_soffice() == program


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_install_hint_names_each_system(platform: str) -> None:
    from baocao.engines.soffice import install_hint

    hint = install_hint(platform, debian="apt-get …")
    assert ("winget" in hint) if platform == "win32" else ("brew" in hint)
    assert "apt-get" not in hint
