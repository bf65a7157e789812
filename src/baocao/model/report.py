"""The built-in report kinds, registered in :mod:`baocao.model.registry` (one line each)."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .document import Document
from .implementation import ImplementationReport
from .registry import AnyReport, Kind, KindSchemas, register_kind, report_adapter

__all__ = ["REPORT_ADAPTER", "REPORT_KINDS", "Report"]

register_kind(Kind("document", Document, description="báo cáo viết thẳng dạng cây mục"))
register_kind(Kind("bao_cao_thuc_hien", ImplementationReport, description="báo cáo thực hiện"))

Report = AnyReport
"""Any report baocao accepts: an instance of a registered kind's schema."""

REPORT_KINDS = KindSchemas()
"""Kind name → schema, over the live registry (plugins included)."""


class _LiveAdapter:
    """``REPORT_ADAPTER`` as before, now following the registry (a kind added later loads too)."""

    def validate_python(self, data: Any, **kw: Any) -> Any:
        return report_adapter().validate_python(data, **kw)

    def json_schema(self, **kw: Any) -> dict[str, Any]:
        return report_adapter().json_schema(**kw)

    @property
    def adapter(self) -> TypeAdapter[Any]:
        return report_adapter()


REPORT_ADAPTER = _LiveAdapter()
"""Validates any registered kind, chosen by ``kind`` (``document`` when omitted)."""
