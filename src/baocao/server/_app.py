"""The FastAPI application: the API under ``/v1``, the preview page at ``/``.

Every handler reads the body within its limit, parses the report, and does
the work in a bounded thread pool with a deadline, in the language the
request asked for. Templates are named only by the id of an installed pack:
a request can never point at a folder or send a template.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..checker import check
from ..engines.html import STYLE
from ..engines.pdf import find_soffice
from ..errors import BaocaoError, InputError, OutputError, TemplateError
from ..i18n import _, use_language
from ..layout import layout
from ..loading import json_schema
from ..packs import available_packs
from ..rendering import OUTPUT_FORMATS, render_bytes
from ._body import IMPORT_TYPES, import_suffix, read_body, report_from
from ._download import content_disposition, download_name
from ._gate import Gate
from ._language import negotiate
from ._limits import Limits
from ._models import (
    CheckAnswer,
    Health,
    ImportAnswer,
    PreviewAnswer,
    ProblemDetails,
    TemplateInfo,
    ValidAnswer,
)
from ._openapi import report_body, with_report_schema
from ._preview import diagnostic_json, marked_article
from ._problems import ServiceProblem, problem_response, problems_of

__all__ = ["MEDIA_TYPES", "create_app", "serve"]

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}
"""Output format → the ``Content-Type`` a document of it is sent with."""

LENIENT = Query(
    False,
    description="Hold what deviates from the official form as written; the checker reports it",
)
_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ProblemDetails, "description": "Problem (application/problem+json)"}
}


def _pack_ids() -> set[str]:
    return {p.id for p in available_packs()}


def _template_of(template: str | None) -> str | None:
    """``template`` when it names an installed pack; anything else (a path, a URL) is refused."""
    if template is None or template in _pack_ids():
        return template
    raise ServiceProblem(
        422,
        "unknown-template",
        _("Không có mẫu này"),
        _("Không có mẫu {id!r} trong các mẫu đã cài; xem GET /v1/templates").format(id=template),
        errors=[{"loc": ["query", "template"], "code": "unknown-template", "msg": template}],
    )


def _library_problem(exc: BaocaoError) -> ServiceProblem:
    if isinstance(exc, InputError):
        return ServiceProblem(
            422,
            "invalid-report",
            _("Dữ liệu báo cáo không hợp lệ"),
            str(exc).splitlines()[0],
            errors=problems_of(exc),
        )
    if isinstance(exc, TemplateError):
        return ServiceProblem(422, "template-refused", _("Mẫu không dùng được"), str(exc))
    if isinstance(exc, OutputError):
        return ServiceProblem(503, "output-unavailable", _("Không tạo được tệp"), str(exc))
    return ServiceProblem(422, "refused", _("Không xử lý được"), str(exc))


def _counts(diagnostics: list[Any]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "hint": 0}
    for d in diagnostics:
        counts[d.severity] = counts.get(d.severity, 0) + 1
    return counts


def _title(report: Any) -> str:
    head = layout(report).header
    return " ".join([head.doc_type, *head.subject]).strip()


def _chunks(data: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def create_app(limits: Limits | None = None) -> FastAPI:
    """The application; ``limits`` bound every request (defaults: :class:`Limits`)."""
    limits = limits or Limits()
    gate = Gate(limits)
    app = FastAPI(
        title="baocao",
        version=__version__,
        summary="Vietnamese official reports (báo cáo) from data: validate, check, render.",
        description=(
            "Send a report as JSON (or YAML with `Content-Type: application/yaml`); get back "
            "its problems, the checker's findings, or the official document. Errors are "
            "`application/problem+json` (RFC 9457) with field paths as `loc` arrays, in the "
            "language of `Accept-Language` (Vietnamese by default)."
        ),
    )
    app.state.limits = limits

    @app.exception_handler(ServiceProblem)
    async def _problem(request: Request, exc: ServiceProblem) -> JSONResponse:
        return problem_response(exc, request.url.path)

    async def parsed(request: Request, lenient: bool) -> tuple[Any, dict[Any, int], str]:
        language = negotiate(request.headers.get("accept-language"))
        body = await read_body(request, limits.max_body_bytes)
        with use_language(language):
            report, lines = report_from(body, request.headers.get("content-type"), lenient=lenient)
        return report, lines, language

    async def work(job: Callable[[], T], language: str, seconds: float | None = None) -> T:
        def guarded() -> T:
            try:
                return job()
            except BaocaoError as exc:
                raise _library_problem(exc) from None

        return await gate.run(guarded, seconds or limits.render_seconds, language)

    @app.get("/healthz", response_model=Health, tags=["service"])
    async def healthz() -> Health:
        try:
            find_soffice()
            pdf = True
        except OutputError:
            pdf = False
        return Health(version=__version__, pdf=pdf)

    @app.get("/v1/schema", tags=["reports"])
    async def schema() -> JSONResponse:
        """The JSON Schema of a report file."""
        return JSONResponse(json_schema(), media_type="application/schema+json")

    @app.get("/v1/templates", response_model=list[TemplateInfo], tags=["templates"])
    async def templates() -> list[TemplateInfo]:
        """The installed template packs; ``template=`` takes one of their ids."""
        return [
            TemplateInfo(
                id=p.id,
                title=p.title,
                family=p.family,
                kinds=p.kinds,
                version=p.version,
                source=p.source,
            )
            for p in available_packs()
        ]

    def takes_report(path: str, answer: type[Any]) -> Callable[[F], F]:
        """A POST endpoint whose body is a report (JSON or YAML) and whose errors are problems."""
        return app.post(
            path,
            response_model=answer,
            responses=_ERRORS,
            tags=["reports"],
            openapi_extra=report_body(),
        )

    @takes_report("/v1/validate", ValidAnswer)
    async def validate(request: Request, lenient: bool = LENIENT) -> ValidAnswer:
        """Validate a report: 200 when it loads, 422 with every problem when it does not."""
        report, _lines, _language = await parsed(request, lenient)
        return ValidAnswer(kind=report.kind, family=report.header.family)

    def findings(report: Any, lines: dict[Any, int]) -> list[Any]:
        return check(report, source_lines=lines)

    @takes_report("/v1/check", CheckAnswer)
    async def check_report(request: Request, lenient: bool = LENIENT) -> CheckAnswer:
        """The checker's findings, in reading order."""
        report, lines, language = await parsed(request, lenient)
        found = await work(functools.partial(findings, report, lines), language)
        return CheckAnswer.model_validate(
            {
                "diagnostics": [diagnostic_json(d, n) for n, d in enumerate(found, 1)],
                "counts": _counts(found),
            }
        )

    @takes_report("/v1/preview", PreviewAnswer)
    async def preview(request: Request, lenient: bool = LENIENT) -> PreviewAnswer:
        """The official layout as HTML with the findings marked in the text (the page uses it)."""
        report, lines, language = await parsed(request, lenient)

        def job() -> PreviewAnswer:
            found = findings(report, lines)
            article, marks = marked_article(report, layout(report), found)
            diagnostics = [
                diagnostic_json(d, n, m)
                for n, (d, m) in enumerate(zip(found, marks, strict=True), 1)
            ]
            return PreviewAnswer.model_validate(
                {
                    "diagnostics": diagnostics,
                    "counts": _counts(found),
                    "html": article,
                    "title": _title(report),
                }
            )

        return await work(job, language)

    @app.post(
        "/v1/render",
        responses={
            **_ERRORS,
            200: {"content": {m: {} for m in MEDIA_TYPES.values()}, "description": "The document"},
        },
        response_class=Response,
        tags=["reports"],
        openapi_extra=report_body(),
    )
    async def render(
        request: Request,
        format: str = Query("docx", pattern="^(docx|pdf|md|html|txt)$"),
        template: str | None = Query(None, description="Id of an installed pack (/v1/templates)"),
        draft: bool = Query(False, description="Blanks instead of errors for missing values"),
        form: str = Query(
            "official",
            pattern="^(official|written)$",
            description="Numbers and dates in the official form, or as written",
        ),
        lenient: bool = LENIENT,
    ) -> StreamingResponse:
        """The official document, streamed back with a Vietnamese file name."""
        report, _lines, language = await parsed(request, lenient)
        pack = _template_of(template)
        seconds = limits.pdf_seconds if format == "pdf" else limits.render_seconds
        data = await work(
            functools.partial(render_bytes, report, format, pack, draft=draft, form=form),  # type: ignore[arg-type]
            language,
            seconds,
        )
        name = download_name(_title(report), format)
        return StreamingResponse(
            _chunks(data),
            media_type=MEDIA_TYPES[format],
            headers={
                "Content-Disposition": content_disposition(name),
                "Content-Length": str(len(data)),
            },
        )

    @app.post(
        "/v1/import",
        response_model=ImportAnswer,
        responses=_ERRORS,
        tags=["reports"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    m: {"schema": {"type": "string", "format": "binary"}} for m in IMPORT_TYPES
                },
            }
        },
    )
    async def import_file(request: Request) -> ImportAnswer:
        """Read an old report (.docx, .doc, .txt, .md) into a report file held as written."""
        language = negotiate(request.headers.get("accept-language"))
        body = await read_body(request, limits.max_body_bytes)
        suffix = import_suffix(request.headers.get("content-type"))

        def job() -> ImportAnswer:
            from ..importer import import_report
            from ..importer.writing import to_yaml

            result = import_report(body, suffix=suffix)
            return ImportAnswer(
                yaml=to_yaml(result.data, result.diagnostics, f"upload.{suffix}"),
                data=json.loads(json.dumps(result.data, default=str)),
                diagnostics=[
                    {
                        "code": d.code,
                        "severity": d.severity,
                        "message": d.message,
                        "path": d.path,
                        "where": None if d.where is None else str(d.where),
                    }
                    for d in result.diagnostics
                ],
                valid=result.report is not None,
            )

        seconds = limits.pdf_seconds if suffix == "doc" else limits.render_seconds
        return await work(job, language, seconds)

    static = resources.files("baocao.server").joinpath("static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        text = static.joinpath("index.html").read_text(encoding="utf-8")
        return HTMLResponse(text.replace("/*REPORT_STYLE*/", STYLE))

    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    assert set(MEDIA_TYPES) == set(OUTPUT_FORMATS)
    with_report_schema(app)
    app.router.on_shutdown.append(lambda: gate.pool.shutdown(wait=False, cancel_futures=True))
    return app


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    limits: Limits | None = None,
    log_level: str = "info",
) -> None:
    """Run the service with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(limits), host=host, port=port, log_level=log_level)
