"""The preview page in a real headless Chromium: paste the seed, see the marks, download.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them).
The page is driven as a clerk would: the seed goes into the text box, the
preview shows the official layout with findings marked, the .docx downloads.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver", reason="pip install '.[test]'")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "examples" / "bao-cao-quy-dinh-02.yaml").read_text(encoding="utf-8")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="headless Chromium needed: apt-get install chromium chromium-driver",
)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1000",
        "--lang=vi",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(tmp_path), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(
        service=webdriver.ChromeService(executable_path=DRIVER), options=options
    )
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _wait_for_file(folder: Path, suffix: str, seconds: float = 60) -> Path:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.suffix == suffix]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded into {folder}: {list(folder.iterdir())}")


def test_paste_preview_marks_and_download(
    browser: object, live_server: str, tmp_path: Path
) -> None:
    """Paste the seed: the preview shows the title and a marked "đốc đốc"; the .docx downloads."""
    driver = browser
    driver.get(live_server + "/")  # type: ignore[attr-defined]
    assert "Xem trước" in driver.title  # type: ignore[attr-defined]
    source = driver.find_element(By.ID, "source")  # type: ignore[attr-defined]
    driver.execute_script("arguments[0].value = arguments[1];", source, SEED)  # type: ignore[attr-defined]
    driver.find_element(By.ID, "preview-btn").click()  # type: ignore[attr-defined]
    wait = WebDriverWait(driver, 60)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#preview mark")))
    preview = driver.find_element(By.ID, "preview")  # type: ignore[attr-defined]
    assert "BÁO CÁO" in preview.text and "Tổ huyện" in preview.text
    marks = preview.find_elements(By.CSS_SELECTOR, "mark")
    assert any(m.text == "đốc đốc" for m in marks)
    findings = driver.find_elements(By.CSS_SELECTOR, "#findings li")  # type: ignore[attr-defined]
    assert len(findings) >= len(marks) > 5
    assert "lỗi" in driver.find_element(By.ID, "counts").text  # type: ignore[attr-defined]
    driver.save_screenshot(str(tmp_path / "preview.png"))  # type: ignore[attr-defined]

    driver.find_element(By.ID, "docx-btn").click()  # type: ignore[attr-defined]
    docx = _wait_for_file(tmp_path, ".docx")
    time.sleep(0.5)  # let Chromium finish renaming the download
    with zipfile.ZipFile(docx) as z:
        assert "Tổ huyện" in z.read("word/document.xml").decode("utf-8")
    assert docx.name.startswith("BÁO CÁO")


def test_invalid_report_shows_its_problems(browser: object, live_server: str) -> None:
    """A report that does not validate lists each problem with its field path."""
    driver = browser
    driver.get(live_server + "/")  # type: ignore[attr-defined]
    source = driver.find_element(By.ID, "source")  # type: ignore[attr-defined]
    driver.execute_script("arguments[0].value = 'kind: document\\n';", source)  # type: ignore[attr-defined]
    driver.find_element(By.ID, "preview-btn").click()  # type: ignore[attr-defined]
    box = WebDriverWait(driver, 30).until(ec.visibility_of_element_located((By.ID, "problems")))
    assert "header" in box.text


def test_upload_an_old_word_file(browser: object, live_server: str, tmp_path: Path) -> None:
    """Choosing a .docx imports it: the text box gets its report file and the preview shows it."""
    from baocao import load, render_bytes

    old = tmp_path / "bao-cao-cu.docx"
    old.write_bytes(render_bytes(load(ROOT / "examples" / "bao-cao-ubnd-xa.yaml"), "docx"))
    driver = browser
    driver.get(live_server + "/")  # type: ignore[attr-defined]
    driver.find_element(By.ID, "file").send_keys(str(old))  # type: ignore[attr-defined]
    wait = WebDriverWait(driver, 60)
    wait.until(ec.text_to_be_present_in_element((By.ID, "status"), "bao-cao-cu.docx"))
    wait.until(ec.text_to_be_present_in_element((By.ID, "preview"), "ỦY BAN NHÂN DÂN"))
    source = driver.find_element(By.ID, "source").get_attribute("value")  # type: ignore[attr-defined]
    assert "family: nha_nuoc" in source
