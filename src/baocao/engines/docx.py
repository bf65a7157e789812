"""The .docx engine: docxtpl over a composed template, in the sandboxed environment.

A template is compiled once per process (``engines.compiled``); each document
then only renders its tagged parts. A document that prints an ``InlineImage``
or ``Subdoc`` (they add parts to the package) is rendered by docxtpl itself,
automatically; an ``InlineImage`` is bound to the template rendering it, so a
pack hook can make one as ``InlineImage(None, "logo.png", width=Mm(20))``.

Errors from Jinja (syntax, undefined variables, sandbox violations) become
``TemplateRenderError`` naming the template and the problem, never a traceback
from inside docxtpl.
"""

from __future__ import annotations

import contextlib
import functools
import html
import io
import zipfile
from collections.abc import Iterator, Mapping
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import UndefinedError
from jinja2.exceptions import SecurityError
from lxml.etree import LxmlError

from ..errors import BaocaoError, TemplateError, TemplateRenderError
from ..i18n import _
from ..packs.archive import check_archive
from ..packs.budget import render_budget
from ..packs.docxscan import CORE_PROPS_RENDERED
from ..packs.environment import make_environment
from .compiled import compile_docx, set_properties
from .docxtpl_shims import NeedsDocxtpl, keep_marks
from .wellformed import strict_parse

__all__ = ["render_docx_bytes", "render_docx_plain"]


@contextlib.contextmanager
def _named_errors(name: str) -> Iterator[None]:
    """Jinja and XML errors as ``TemplateRenderError`` naming the template."""
    try:
        yield
    except SecurityError as exc:
        raise TemplateRenderError(f"{name}: blocked by the template sandbox: {exc}") from None
    except UndefinedError as exc:
        raise TemplateRenderError(f"{name}: undefined variable: {exc.message}") from None
    except JinjaTemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (template line {line})" if line else ""
        raise TemplateRenderError(f"{name}: {type(exc).__name__}: {exc}{where}") from None
    except LxmlError as exc:
        raise TemplateRenderError(
            f"{name}: the rendered document is not valid XML: {exc}"
        ) from None
    except BaocaoError:
        raise
    except RecursionError:
        raise TemplateRenderError(
            _("{name}: mẫu tự gọi lồng nhau quá sâu (macro đệ quy?)").format(name=name)
        ) from None
    except MemoryError:
        raise TemplateRenderError(
            _("{name}: mẫu cần quá nhiều bộ nhớ").format(name=name)
        ) from None
    except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError) as exc:
        # Raised by a method or filter the template called with bad arguments
        # (``{{ header.symbol.split(1) }}``): the template's fault, not a crash.
        raise TemplateRenderError(
            f"{name}: a call in the template failed: {type(exc).__name__}: {exc}"
        ) from None


@contextlib.contextmanager
def _package_errors(name: str) -> Iterator[None]:
    """A template that is not a .docx package as ``TemplateError`` naming it."""
    try:
        yield
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError) as exc:
        raise TemplateError(f"{name}: not a readable .docx template ({exc})") from None


def _inline_images(value: Any) -> Iterator[InlineImage]:
    """Every ``InlineImage`` in ``value``, through mappings, lists and tuples."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, InlineImage):
            yield item
        elif isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def render_docx_plain(
    template: bytes,
    context: Mapping[str, Any],
    *,
    name: str = "template",
    draft: bool = False,
    properties: Mapping[str, Any] | None = None,
) -> bytes:
    """The plain docxtpl path: a new ``DocxTemplate`` read, rendered and saved.

    Each ``InlineImage`` of the context is bound to that template for the call
    (docxtpl adds the picture to the package of the template rendering it).
    """
    check_archive(template, name)
    tpl = DocxTemplate(io.BytesIO(template))
    with _package_errors(name):
        tpl.init_docx()

    def fix_tables(xml: bytes) -> Any:  # docxtpl's parse recovers by dropping text: parse first
        strict_parse(xml)
        return DocxTemplate.fix_tables(tpl, xml)

    tpl.fix_tables = fix_tables
    images = list(_inline_images(context))
    owners = [image.tpl for image in images]
    try:
        for image in images:
            image.tpl = tpl
        with _named_errors(name), render_budget():
            env = make_environment(draft=draft)
            env.finalize = keep_marks
            props = tpl.docx.core_properties
            tagged = [p for p in sorted(CORE_PROPS_RENDERED) if "{" in (getattr(props, p) or "")]
            tpl.render(dict(context), jinja_env=env, autoescape=True)
            for prop in tagged:  # as engines.compiled does (docxtpl_shims._TextProperties)
                setattr(props, prop, html.unescape(getattr(props, prop)))
            if properties:
                set_properties(props, properties)
            buf = io.BytesIO()
            tpl.save(buf)
    finally:
        for image, owner in zip(images, owners, strict=True):
            image.tpl = owner
    return buf.getvalue()


@functools.lru_cache(maxsize=16)
def _checked(template: bytes, name: str) -> None:
    """``check_archive`` once per template (the bytes object is kept by the caller's cache)."""
    check_archive(template, name)


def render_docx_bytes(
    template: bytes,
    context: Mapping[str, Any],
    *,
    name: str = "template",
    draft: bool = False,
    properties: Mapping[str, Any] | None = None,
) -> bytes:
    """Render a .docx template (bytes) with ``context``; escaping is always on.

    ``properties`` set the document's core properties (title, author, created),
    which LibreOffice carries into the PDF.
    """
    _checked(template, name)
    with _named_errors(name):
        with _package_errors(name):
            compiled = compile_docx(template, draft=draft)
        try:
            return compiled.render(context, properties=properties)
        except NeedsDocxtpl:
            pass
    return render_docx_plain(template, context, name=name, draft=draft, properties=properties)
