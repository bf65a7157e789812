"""baocao: Vietnamese official reports (báo cáo) from data.

Layers, each importing only those below it::

    model      Pydantic objects of a report (baocao.model)
    vi         Vietnamese text forms: dates, numbers, words, casing (baocao.vi)
    layout     the printed form as lines, shared by every output
    packs      template packs: manifests, discovery, composition, sandbox
    engines    .docx (docxtpl), text … outputs
    rendering  render(): picks the template and writes atomically
    cli        the ``baocao`` command
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .errors import (
    BaocaoError,
    CitationError,
    InputError,
    LoadError,
    ManifestError,
    OutputError,
    Problem,
    TemplateError,
    TemplateRenderError,
)
from .i18n import set_language

if TYPE_CHECKING:
    from .aggregate import Summary, TeamReport, aggregate, load_team_report, load_team_reports
    from .annotate import annotate
    from .batch import render_many
    from .checker import Diagnostic, check
    from .importer import ImportResult, import_report
    from .layout import Layout, layout
    from .loading import json_schema, load, loads, validate
    from .model import (
        Assessment,
        Block,
        BulletList,
        CheckConfig,
        Citation,
        Deviation,
        Document,
        DocumentSymbol,
        Header,
        ImplementationReport,
        Inline,
        IssueDate,
        Issuer,
        LevelStyle,
        LimitationGroup,
        Limitations,
        NumberedList,
        NumberingScheme,
        Paragraph,
        Preamble,
        Ratio,
        Recipient,
        Recipients,
        Report,
        Results,
        Section,
        Signer,
        Span,
        Table,
        Tally,
        TallyPart,
        Tasks,
        TitledBlocks,
        deviations,
        lenient_mode,
    )
    from .packs import TemplateIssue, TemplatePack, available_packs, get_pack
    from .rendering import render, render_bytes

# Why lazy: importing the model, docxtpl and the checker costs most of a second;
# ``import baocao`` should not pay it for names a script never uses. Each name
# below is imported from its module on first use (PEP 562).
_EXPORTS: dict[str, tuple[str, ...]] = {
    "aggregate": ("Summary", "TeamReport", "aggregate", "load_team_report", "load_team_reports"),
    "batch": ("render_many",),
    "annotate": ("annotate",),
    "checker": ("Diagnostic", "check"),
    "importer": ("ImportResult", "import_report"),
    "layout": ("Layout", "layout"),
    "loading": ("json_schema", "load", "loads", "validate"),
    "model": tuple(
        [
            "Assessment",
            "Block",
            "BulletList",
            "CheckConfig",
            "Citation",
            "Document",
            "DocumentSymbol",
            "Header",
            "ImplementationReport",
            "Inline",
            "IssueDate",
            "Issuer",
            "LevelStyle",
            "LimitationGroup",
            "Limitations",
            "NumberedList",
            "NumberingScheme",
            "Paragraph",
            "Preamble",
            "Ratio",
            "Recipient",
            "Recipients",
            "Report",
            "Results",
            "Section",
            "Signer",
            "Span",
            "Table",
            "Tally",
            "TallyPart",
            "Tasks",
            "TitledBlocks",
            "Deviation",
            "deviations",
            "lenient_mode",
        ]
    ),
    "packs": ("TemplateIssue", "TemplatePack", "available_packs", "get_pack"),
    "rendering": ("render", "render_bytes"),
}
_LAZY = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


class _Package(types.ModuleType):
    """Keeps ``baocao.layout`` the function when the ``baocao.layout`` module gets imported.

    Python sets a package attribute for each submodule imported; the eager
    imports used to rebind the name to the function right after.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "Assessment",
    "BaocaoError",
    "Block",
    "BulletList",
    "CheckConfig",
    "Citation",
    "CitationError",
    "Deviation",
    "Diagnostic",
    "Document",
    "DocumentSymbol",
    "Header",
    "ImplementationReport",
    "ImportResult",
    "Inline",
    "InputError",
    "IssueDate",
    "Issuer",
    "Layout",
    "LevelStyle",
    "LimitationGroup",
    "Limitations",
    "LoadError",
    "ManifestError",
    "NumberedList",
    "NumberingScheme",
    "OutputError",
    "Paragraph",
    "Preamble",
    "Problem",
    "Ratio",
    "Recipient",
    "Recipients",
    "Report",
    "Results",
    "Section",
    "Signer",
    "Span",
    "Summary",
    "Table",
    "Tally",
    "TallyPart",
    "Tasks",
    "TeamReport",
    "TemplateError",
    "TemplateIssue",
    "TemplatePack",
    "TemplateRenderError",
    "TitledBlocks",
    "__version__",
    "aggregate",
    "annotate",
    "available_packs",
    "check",
    "deviations",
    "get_pack",
    "import_report",
    "json_schema",
    "layout",
    "lenient_mode",
    "load",
    "load_team_report",
    "load_team_reports",
    "loads",
    "render",
    "render_bytes",
    "render_many",
    "set_language",
    "validate",
]
