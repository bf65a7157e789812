"""The service as deployed: ``baocao serve`` under uvicorn, spoken to over a real socket."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "examples" / "bao-cao-quy-dinh-02.yaml").read_bytes()
YAML = {"content-type": "application/yaml"}


def test_health_schema_and_templates(live_server: str) -> None:
    """The started service answers its read-only endpoints."""
    with httpx.Client(base_url=live_server, timeout=30) as client:
        assert client.get("/healthz").json()["status"] == "ok"
        schema = client.get("/v1/schema")
        assert schema.headers["content-type"].startswith("application/schema+json")
        assert "$defs" in schema.json()
        assert "dang" in {t["id"] for t in client.get("/v1/templates").json()}


def test_render_docx_over_http(live_server: str) -> None:
    """A .docx rendered through the socket is a Word document holding the seed's text."""
    with httpx.Client(base_url=live_server, timeout=60) as client:
        answer = client.post("/v1/render", params={"format": "docx"}, content=SEED, headers=YAML)
    assert answer.status_code == 200
    assert int(answer.headers["content-length"]) == len(answer.content)
    with zipfile.ZipFile(io.BytesIO(answer.content)) as z:
        assert "Tổ huyện" in z.read("word/document.xml").decode("utf-8")


def test_problem_over_http(live_server: str) -> None:
    """An invalid report is a problem+json answer over the wire too."""
    with httpx.Client(base_url=live_server, timeout=30) as client:
        answer = client.post("/v1/check", content=b"kind: document\n", headers=YAML)
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["errors"][0]["loc"][0] == "header"


@pytest.mark.skipif(
    __import__("shutil").which("soffice") is None,
    reason="LibreOffice (soffice) needed: apt-get install libreoffice-writer-nogui",
)
def test_render_pdf_over_http(live_server: str) -> None:
    """format=pdf answers a PDF through LibreOffice."""
    with httpx.Client(base_url=live_server, timeout=180) as client:
        answer = client.post("/v1/render", params={"format": "pdf"}, content=SEED, headers=YAML)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")
