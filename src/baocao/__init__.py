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

__version__ = "0.1.0"

from .batch import render_many
from .checker import Diagnostic, check
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
from .layout import Layout, layout
from .loading import json_schema, load, loads, validate
from .model import (
    Citation,
    Document,
    DocumentSymbol,
    Header,
    ImplementationReport,
    Ratio,
    Report,
    Section,
    Signer,
    Tally,
)
from .packs import TemplateIssue, TemplatePack, available_packs, get_pack
from .rendering import render, render_bytes

__all__ = [
    "BaocaoError",
    "Citation",
    "CitationError",
    "Diagnostic",
    "Document",
    "DocumentSymbol",
    "Header",
    "ImplementationReport",
    "InputError",
    "Layout",
    "LoadError",
    "ManifestError",
    "OutputError",
    "Problem",
    "Ratio",
    "Report",
    "Section",
    "Signer",
    "Tally",
    "TemplateError",
    "TemplateIssue",
    "TemplatePack",
    "TemplateRenderError",
    "__version__",
    "available_packs",
    "check",
    "get_pack",
    "json_schema",
    "layout",
    "load",
    "loads",
    "render",
    "render_bytes",
    "render_many",
    "validate",
]
