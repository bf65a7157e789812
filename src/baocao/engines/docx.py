"""The .docx engine: docxtpl over a composed template, in the sandboxed environment.

Errors from Jinja (syntax, undefined variables, sandbox violations) become
``TemplateRenderError`` naming the template and the problem, never a traceback
from inside docxtpl.
"""

from __future__ import annotations

import io
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import UndefinedError
from jinja2.exceptions import SecurityError

from ..errors import TemplateRenderError
from ..packs.environment import make_environment

__all__ = ["render_docx_bytes"]


def render_docx_bytes(
    template: bytes, context: dict[str, Any], *, name: str = "template", draft: bool = False
) -> bytes:
    """Render a .docx template (bytes) with ``context``; escaping is always on."""
    tpl = DocxTemplate(io.BytesIO(template))
    env = make_environment(draft=draft)
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except SecurityError as exc:
        raise TemplateRenderError(f"{name}: blocked by the template sandbox: {exc}") from None
    except UndefinedError as exc:
        raise TemplateRenderError(f"{name}: undefined variable: {exc.message}") from None
    except JinjaTemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (template line {line})" if line else ""
        raise TemplateRenderError(f"{name}: {type(exc).__name__}: {exc}{where}") from None
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()
