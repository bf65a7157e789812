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
from .forms import FORM_RULES, Deviation, FormRule, deviations, lenient_mode
from .header import FAMILY_SEPARATOR, Header, IssueDate, Issuer, IssuerLine
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
from .registry import (
    ENTRY_POINT_GROUP,
    AnyReport,
    Kind,
    get_kind,
    kinds,
    register_kind,
    report_adapter,
    unregister_kind,
)
from .report import REPORT_ADAPTER, REPORT_KINDS, Report
from .sections import Section
from .statistics import Ratio, Tally, TallyPart
from .symbols import DocumentSymbol
from .tables import HeaderCell, Table
from .types import Family, Model, NonEmptyText, Text, nfc, nfc_deep

__all__ = [
    "AUTHORITY_FORMS",
    "ENTRY_POINT_GROUP",
    "FAMILY_SEPARATOR",
    "FORM_RULES",
    "PARTY_NUMBERING",
    "REPORT_ADAPTER",
    "REPORT_KINDS",
    "STATE_NUMBERING",
    "AnyReport",
    "Appendix",
    "Assessment",
    "Authority",
    "Block",
    "BulletList",
    "CheckConfig",
    "Citation",
    "Deviation",
    "Document",
    "DocumentSymbol",
    "Family",
    "FormRule",
    "Header",
    "HeaderCell",
    "ImplementationReport",
    "Inline",
    "IssueDate",
    "Issuer",
    "IssuerLine",
    "Kind",
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
    "deviations",
    "find_citations",
    "get_kind",
    "inline_text",
    "kinds",
    "lenient_mode",
    "nfc",
    "nfc_deep",
    "ordinal_word",
    "register_kind",
    "report_adapter",
    "roman",
    "unregister_kind",
]
