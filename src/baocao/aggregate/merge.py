"""One .docx from the summary report and its appendix, through docxcompose.

Why docxcompose: it is what docxtpl itself uses for subdocuments; it copies
the appended document's styles, list numbering, images and relationships
under fresh ids. Both documents come from the same pack, so they have one
section each; the appendix is appended into the report's section after a
page break, which keeps the report's page setup and its page-number header:
the appendix's pages go on counting from the report's last page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from docx.shared import Pt

from ..errors import OutputError
from ..i18n import _

__all__ = ["merge_docx"]


def _page_break(paragraph: Any, kind: Any) -> None:
    """A break whose paragraph mark takes no room at the top of the next page."""
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    run = paragraph.add_run()
    run.font.size = Pt(1)
    run.add_break(kind)


def merge_docx(parts: Sequence[bytes]) -> bytes:
    """The first document with each following one appended on a new page."""
    if not parts:
        raise OutputError(_("không có văn bản nào để ghép"))
    try:
        from docx import Document
        from docx.enum.text import WD_BREAK
        from docxcompose.composer import Composer
    except ImportError:  # pragma: no cover - both ship with docxtpl
        raise OutputError(_("ghép văn bản cần docxcompose: pip install docxcompose")) from None
    master = Document(io.BytesIO(parts[0]))
    composer = Composer(master)
    for part in parts[1:]:
        _page_break(master.add_paragraph(), WD_BREAK.PAGE)
        composer.append(Document(io.BytesIO(part)))
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()
