"""The HTTP API, through FastAPI's test client: answers, problems, limits, documents."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

pytest.importorskip("fastapi", reason="the server extra: pip install '.[server]'")

from fastapi.testclient import TestClient

from baocao.server import Limits, create_app
from baocao.server._download import content_disposition, download_name
from baocao.server._language import negotiate

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "examples" / "bao-cao-quy-dinh-02.yaml").read_text(encoding="utf-8")
YAML = {"content-type": "application/yaml"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def _document_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_health_and_templates(client: TestClient) -> None:
    """/healthz answers ok with the version; /v1/templates lists the built-in packs."""
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["version"]
    ids = {t["id"] for t in client.get("/v1/templates").json()}
    assert {"dang", "nha-nuoc"} <= ids


def test_validate_accepts_yaml_and_json(client: TestClient) -> None:
    """The seed validates as YAML; the same report as JSON validates too."""
    import json

    import yaml

    answer = client.post("/v1/validate", content=SEED, headers=YAML)
    assert answer.status_code == 200
    assert answer.json() == {"valid": True, "kind": "bao_cao_thuc_hien", "family": "dang"}
    as_json = json.dumps(yaml.safe_load(SEED), default=str, ensure_ascii=False)
    answer = client.post(
        "/v1/validate", content=as_json.encode(), headers={"content-type": "application/json"}
    )
    assert answer.status_code == 200


def test_invalid_report_is_a_problem_with_loc_arrays_and_lines(client: TestClient) -> None:
    """A broken tally gives 422 problem+json whose error has the path as an array and the line."""
    broken = SEED.replace("{count: 18, scope:", "{count: 19, scope:", 1)
    assert broken != SEED
    answer = client.post("/v1/validate", content=broken, headers=YAML)
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    body = answer.json()
    assert body["status"] == 422 and body["code"] == "invalid-report"
    assert body["type"].endswith("invalid-report") and body["instance"] == "/v1/validate"
    (error,) = body["errors"]
    assert isinstance(error["loc"], list) and all(isinstance(s, (str, int)) for s in error["loc"])
    assert error["loc"][0] == "results" and isinstance(error["line"], int)


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        (b"header: [", YAML, 422, "invalid-report"),
        (b"{not json", {"content-type": "application/json"}, 400, "malformed-json"),
        (b"\xff\xfe", YAML, 400, "not-utf8"),
        (b"x", {"content-type": "application/pdf"}, 415, "unsupported-media-type"),
    ],
)
def test_unreadable_bodies(
    client: TestClient, body: bytes, headers: dict[str, str], status: int, code: str
) -> None:
    """Each unreadable body gets its own status and code, never a 500."""
    answer = client.post("/v1/validate", content=body, headers=headers)
    assert (answer.status_code, answer.json()["code"]) == (status, code)


def test_check_counts_the_seed_findings(client: TestClient) -> None:
    """/v1/check returns the seed's findings with their counts, each numbered."""
    body = client.post("/v1/check", content=SEED, headers=YAML).json()
    diagnostics = body["diagnostics"]
    assert [d["n"] for d in diagnostics] == list(range(1, len(diagnostics) + 1))
    assert body["counts"]["error"] == sum(d["severity"] == "error" for d in diagnostics) > 0
    assert any(d["code"] == "BC601" and d["suggestion"] == "đôn đốc" for d in diagnostics)


def test_preview_marks_findings_in_the_text(client: TestClient) -> None:
    """The preview's HTML holds a numbered mark on "đốc đốc", and the finding points at it."""
    body = client.post("/v1/preview", content=SEED, headers=YAML).json()
    (typo,) = [d for d in body["diagnostics"] if d["suggestion"] == "đôn đốc"]
    assert typo["mark"] is not None
    assert f'id="finding-{typo["mark"]}"' in body["html"]
    assert ">đốc đốc</mark><sup>" in body["html"]


def test_preview_marks_a_recurring_word_in_its_own_paragraph(client: TestClient) -> None:
    """"Tổ chức" written mid-sentence in the results is marked there, not at the first
    "Tổ chức" of the page (the issuer's name in the preamble)."""
    body = client.post("/v1/preview", content=SEED, headers=YAML).json()
    first = next(d for d in body["diagnostics"] if d["code"] == "BC501")
    assert first["path"].startswith("results") and first["mark"] == first["n"]
    at = body["html"].index(f'id="finding-{first["n"]}"')
    before = body["html"][: body["html"].rindex("<mark", 0, at)]
    assert "Ban Tổ chức Huyện ủy báo cáo" in before  # the preamble comes first, unmarked
    assert before.count("<mark") == before.count("</mark>")
    assert body["title"].startswith("BÁO CÁO")


@pytest.mark.parametrize("fmt", ["docx", "md", "html", "txt"])
def test_render_streams_each_format_with_a_vietnamese_name(client: TestClient, fmt: str) -> None:
    """The document comes back with its content type and filename* in UTF-8."""
    answer = client.post(f"/v1/render?format={fmt}", content=SEED, headers=YAML)
    assert answer.status_code == 200
    disposition = answer.headers["content-disposition"]
    star = disposition.split("filename*=UTF-8''")[1]
    assert unquote(star).startswith("BÁO CÁO kết quả thực hiện") and unquote(star).endswith(
        f".{fmt}"
    )
    text = _document_text(answer.content) if fmt == "docx" else answer.content.decode("utf-8")
    assert "Ban Tổ chức Huyện ủy" in text or "BAN TỔ CHỨC" in text


def test_template_must_be_an_installed_pack(client: TestClient, tmp_path: Path) -> None:
    """A path, even to a real pack folder, is refused as an unknown template."""
    for ref in ["../templates/dang", str(ROOT / "templates" / "dang"), "/etc/passwd", "nope"]:
        answer = client.post("/v1/render", params={"template": ref}, content=SEED, headers=YAML)
        assert answer.status_code == 422, ref
        assert answer.json()["code"] == "unknown-template"
        assert answer.json()["errors"][0]["loc"] == ["query", "template"]
    assert client.post("/v1/render?template=dang", content=SEED, headers=YAML).status_code == 200


def test_wrong_family_template_is_a_problem_not_a_500(client: TestClient) -> None:
    """The State pack refuses a Party report: 422 template-refused."""
    answer = client.post("/v1/render?template=nha-nuoc", content=SEED, headers=YAML)
    assert (answer.status_code, answer.json()["code"]) == (422, "template-refused")


def test_body_over_the_limit_is_413() -> None:
    """A body larger than max_body_bytes is refused before it is parsed."""
    small = TestClient(create_app(Limits(max_body_bytes=1000)))
    answer = small.post("/v1/validate", content=SEED, headers=YAML)
    assert (answer.status_code, answer.json()["code"]) == (413, "body-too-large")


def test_slow_render_is_408_and_full_service_is_503(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its deadline a render answers 408; with every place taken a request gets 503."""
    import baocao.server._app as app_module

    release = threading.Event()

    def slow(*args: object, **kwargs: object) -> bytes:
        release.wait(10)
        return b"x"

    monkeypatch.setattr(app_module, "render_bytes", slow)
    limits = Limits(render_seconds=0.3, max_concurrent=1, queue_seconds=0.2)
    client = TestClient(create_app(limits))
    started = time.perf_counter()
    first = client.post("/v1/render?format=txt", content=SEED, headers=YAML)
    assert (first.status_code, first.json()["code"]) == (408, "timeout")
    assert time.perf_counter() - started < 5
    # The timed-out render still holds its place until its thread ends.
    second = client.post("/v1/render?format=txt", content=SEED, headers=YAML)
    assert (second.status_code, second.json()["code"]) == (503, "busy")
    assert second.headers["retry-after"]
    release.set()


def test_concurrent_renders_give_identical_documents(client: TestClient) -> None:
    """Eight threads rendering at once share the compiled template and get the same bytes."""
    results: list[bytes] = []

    def one() -> None:
        answer = client.post("/v1/render?format=docx", content=SEED, headers=YAML)
        assert answer.status_code == 200
        results.append(_document_text(answer.content).encode())

    threads = [threading.Thread(target=one) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and len(set(results)) == 1


def test_openapi_describes_the_report_body(client: TestClient) -> None:
    """The OpenAPI document carries the report schema and the seed as the JSON example."""
    doc = client.get("/openapi.json").json()
    assert "Report" in doc["components"]["schemas"]
    body = doc["paths"]["/v1/render"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/Report"}
    assert body["application/json"]["example"]["kind"] == "bao_cao_thuc_hien"
    assert "#/$defs/" not in str(doc)


def test_the_page_is_served_with_its_assets(client: TestClient) -> None:
    """/ is the Vietnamese preview page; its script and stylesheet are served by the package."""
    page = client.get("/")
    assert page.status_code == 200 and 'lang="vi"' in page.text and "Xem trước" in page.text
    assert "/*REPORT_STYLE*/" not in page.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "vi"),
        ("en-US,en;q=0.9", "en"),
        ("fr, en;q=0.5", "en"),
        ("fr", "vi"),
        ("vi;q=0.2, en;q=0.8", "en"),
        ("en;q=0", "vi"),
        ("garbage;q=x", "vi"),
    ],
)
def test_accept_language(header: str | None, language: str) -> None:
    """Accept-Language picks English only when the client prefers it; Vietnamese otherwise."""
    assert negotiate(header) == language


def test_download_names() -> None:
    """File names keep Vietnamese, lose path characters, and have an ASCII fallback."""
    name = download_name('BÁO CÁO "số" 12/BC: tình hình\n', "docx")
    assert name == "BÁO CÁO số 12 BC tình hình.docx"
    header = content_disposition(name)
    assert header.startswith('attachment; filename="BAO-CAO-so-12-BC-tinh-hinh.docx"')
    assert unquote(header.split("''")[1]) == name
    assert download_name("", "pdf") == "bao-cao.pdf"


def test_import_a_word_file(client: TestClient) -> None:
    """An old .docx becomes a report file that validates leniently, with the importer's notes."""
    docx = client.post("/v1/render?format=docx", content=SEED, headers=YAML).content
    media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    answer = client.post("/v1/import", content=docx, headers={"content-type": media})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["valid"] is True and "Tổ huyện" in body["yaml"]
    assert body["data"]["header"]["family"] == "dang"
    again = client.post("/v1/validate?lenient=true", content=body["yaml"].encode(), headers=YAML)
    assert again.status_code == 200, again.text


def test_import_refuses_other_media(client: TestClient) -> None:
    """Only Word and text files are imported."""
    answer = client.post("/v1/import", content=b"%PDF", headers={"content-type": "application/pdf"})
    assert (answer.status_code, answer.json()["code"]) == (415, "unsupported-media-type")


def test_lenient_holds_what_strict_refuses(client: TestClient) -> None:
    """A number written off the official form is a 422 in strict mode; lenient loads and
    the checker reports the deviation with its form-rule code."""
    deviating = (ROOT / "examples" / "bao-cao-lech-the-thuc.yaml").read_bytes()
    assert client.post("/v1/validate", content=deviating, headers=YAML).status_code == 422
    assert (
        client.post("/v1/validate?lenient=true", content=deviating, headers=YAML).status_code == 200
    )
    found = client.post("/v1/check?lenient=true", content=deviating, headers=YAML).json()
    assert any(d["code"].startswith("BC90") for d in found["diagnostics"])
    written = client.post(
        "/v1/render?format=txt&lenient=true&form=written", content=deviating, headers=YAML
    )
    official = client.post("/v1/render?format=txt&lenient=true", content=deviating, headers=YAML)
    assert written.status_code == official.status_code == 200
    assert written.content != official.content
