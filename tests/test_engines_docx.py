"""The .docx engine's error surface: template mistakes become TemplateRenderError."""

from __future__ import annotations

import io

import pytest
from docx import Document

from baocao.engines.docx import render_docx_bytes
from baocao.errors import TemplateRenderError


def _template(text: str) -> bytes:
    doc = Document()
    doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("tag", "needle"),
    [
        ("{{ symbol.split(1) }}", "TypeError"),
        ("{{ symbol.index('zz') }}", "ValueError"),
        ("{{ items[5] }}", "undefined variable"),
    ],
)
def test_failing_calls_are_template_errors(tag: str, needle: str) -> None:
    """A method or operation failing inside the template names the template, no traceback."""
    with pytest.raises(TemplateRenderError) as exc:
        render_docx_bytes(_template(tag), {"symbol": "12-BC/BTCHU", "items": [1]}, name="t")
    assert str(exc.value).startswith("t: ")
    assert needle in str(exc.value)


def test_good_template_still_renders() -> None:
    """The same engine renders a valid call normally."""
    out = render_docx_bytes(_template("{{ symbol.split('/')[1] }}"), {"symbol": "12-BC/BTCHU"})
    text = "\n".join(p.text for p in Document(io.BytesIO(out)).paragraphs)
    assert "BTCHU" in text
