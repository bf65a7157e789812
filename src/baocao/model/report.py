"""Report kinds as one discriminated union on ``kind``, validated by one TypeAdapter."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, Tag, TypeAdapter

from .document import Document
from .implementation import ImplementationReport

__all__ = ["REPORT_ADAPTER", "REPORT_KINDS", "Report"]


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("kind", "document"))
    return str(getattr(value, "kind", "document"))


Report = Annotated[
    Annotated[Document, Tag("document")]
    | Annotated[ImplementationReport, Tag("bao_cao_thuc_hien")],
    Discriminator(_kind),
]
"""Any report baocao accepts; ``kind`` omitted means the generic ``document``."""

REPORT_KINDS: dict[str, type[Document] | type[ImplementationReport]] = {
    "document": Document,
    "bao_cao_thuc_hien": ImplementationReport,
}

REPORT_ADAPTER: TypeAdapter[Document | ImplementationReport] = TypeAdapter(Report)
