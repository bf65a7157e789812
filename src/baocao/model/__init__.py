"""The report model: Pydantic objects for every part of a Vietnamese report.

This is the lowest layer: it imports nothing from the rest of baocao except
``baocao.errors``. Naming: identifiers are English; Vietnamese words stay where
English would blur them (``kind: bao_cao_thuc_hien``, family ``dang`` / ``nha_nuoc``).
"""

from .appendices import Appendix
from .blocks import Block, BulletList, Inline, ListItem, NumberedList, Paragraph, Span, inline_text
from .citations import Citation, find_citations
from .closing import AUTHORITY_FORMS, Authority, Recipient, Recipients, Signer
from .document import CheckConfig, Document
from .header import Header, IssueDate, Issuer
from .implementation import (
    Assessment,
    ImplementationReport,
    LimitationGroup,
    Limitations,
    Preamble,
    Results,
    Tasks,
    TitledBlocks,
)
from .numbering import (
    PARTY_NUMBERING,
    STATE_NUMBERING,
    LevelKind,
    LevelStyle,
    NumberingScheme,
    default_numbering,
    ordinal_word,
    roman,
)
from .report import REPORT_ADAPTER, REPORT_KINDS, Report
from .sections import Section
from .statistics import Ratio, Tally, TallyPart
from .symbols import DocumentSymbol
from .tables import HeaderCell, Table
from .types import Family, Model, NonEmptyText, Text, nfc, nfc_deep

__all__ = [
    "AUTHORITY_FORMS",
    "PARTY_NUMBERING",
    "REPORT_ADAPTER",
    "REPORT_KINDS",
    "STATE_NUMBERING",
    "Appendix",
    "Assessment",
    "Authority",
    "Block",
    "BulletList",
    "CheckConfig",
    "Citation",
    "Document",
    "DocumentSymbol",
    "Family",
    "Header",
    "HeaderCell",
    "ImplementationReport",
    "Inline",
    "IssueDate",
    "Issuer",
    "LevelKind",
    "LevelStyle",
    "LimitationGroup",
    "Limitations",
    "ListItem",
    "Model",
    "NonEmptyText",
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
    "Text",
    "TitledBlocks",
    "default_numbering",
    "find_citations",
    "inline_text",
    "nfc",
    "nfc_deep",
    "ordinal_word",
    "roman",
]
