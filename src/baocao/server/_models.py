"""What the service answers, as Pydantic models so the OpenAPI document describes it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = [
    "CheckAnswer",
    "DiagnosticOut",
    "ErrorItem",
    "Health",
    "ImportAnswer",
    "PreviewAnswer",
    "ProblemDetails",
    "TemplateInfo",
    "ValidAnswer",
]


class ErrorItem(BaseModel):
    """One problem of a report that does not validate."""

    loc: list[str | int] = Field(examples=[["results", "sections", 4, "blocks", 0]])
    code: str = Field(examples=["invalid"])
    msg: str = Field(examples=["3 + 18 ≠ 20"])
    line: int | None = Field(default=None, description="Line in the YAML body, when it was YAML")


class ProblemDetails(BaseModel):
    """An error answer (RFC 9457, ``application/problem+json``)."""

    type: str = Field(examples=["urn:baocao:problem:invalid-report"])
    title: str
    status: int = Field(examples=[422])
    detail: str
    instance: str = Field(examples=["/v1/render"])
    code: str = Field(examples=["invalid-report"])
    errors: list[ErrorItem] | None = None


class ValidAnswer(BaseModel):
    """The report validates."""

    valid: bool = True
    kind: str = Field(examples=["bao_cao_thuc_hien"])
    family: str = Field(examples=["dang"])


class DiagnosticOut(BaseModel):
    """One finding of the checker."""

    model_config = {"extra": "allow"}

    n: int = Field(description="Number of the finding, in reading order")
    code: str = Field(examples=["BC601"])
    severity: str = Field(examples=["error"])
    path: str = Field(examples=["results.sections[0].blocks[0]"])
    message: str
    suggestion: str | None = None
    line: int | None = None
    words: str | None = Field(default=None, description="The words the finding is about")
    mark: int | None = Field(default=None, description="Number of its mark in the preview")


class CheckAnswer(BaseModel):
    """Every finding, and how many of each severity."""

    diagnostics: list[DiagnosticOut]
    counts: dict[str, int] = Field(examples=[{"error": 8, "warning": 14, "hint": 1}])


class PreviewAnswer(CheckAnswer):
    """The official layout as HTML with the findings marked, for the preview page."""

    html: str
    title: str


class TemplateInfo(BaseModel):
    """An installed template pack a request may name."""

    id: str = Field(examples=["dang"])
    title: str
    family: str = Field(examples=["dang"])
    kinds: list[str]
    version: str
    source: str = Field(description="Distribution that provides it")


class Health(BaseModel):
    """The service is up; ``pdf`` says whether LibreOffice was found."""

    status: str = "ok"
    version: str
    pdf: bool
    extra: dict[str, Any] = Field(default_factory=dict)


class ImportAnswer(BaseModel):
    """An old report read into the model: its YAML, its data and what the importer noticed."""

    yaml: str = Field(description="The report file, as `baocao import` writes it")
    data: dict[str, Any]
    diagnostics: list[dict[str, Any]]
    valid: bool = Field(description="The data loads in lenient mode")
