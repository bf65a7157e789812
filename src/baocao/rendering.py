"""The public ``render()``: report in, document out, template chosen from the family.

Stateless from the caller's side: the same input gives the same document. The
composed template bytes are cached per process, keyed by the pack's files and
their modification times, so scripts that render many reports pay for the
template once.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from .atomic import atomic_write, check_target
from .engines.docx import render_docx_bytes, template_names
from .engines.docx_context import docx_context
from .engines.html import render_html
from .engines.markdown import render_markdown
from .engines.pdf import docx_to_pdf
from .engines.text import render_text
from .errors import OutputError, TemplateError
from .i18n import _
from .layout import PrintForm, layout
from .limits import pinned_limits
from .loading import validate
from .model import AnyReport
from .packs import TemplatePack, compose, get_pack
from .packs.registry import default_pack_id

__all__ = ["OUTPUT_FORMATS", "pack_context", "render", "render_bytes", "resolve_template"]

TemplateRef = str | os.PathLike[str] | TemplatePack | None


def resolve_template(report: AnyReport, template: TemplateRef = None) -> TemplatePack:
    """The pack to use: the one named, else the built-in for the report's family."""
    if isinstance(template, TemplatePack):
        pack = template
    else:
        pack = get_pack(template if template is not None else default_pack_id(report.header.family))
    family = report.header.family
    if pack.family in ("dang", "nha_nuoc") and pack.family != family:
        raise TemplateError(
            f"template {pack.id!r} lays out {pack.family} documents, but this report's "
            f"header.family is {family}: use a {family} template (default: "
            f"{default_pack_id(family)!r}) or change the family"
        )
    kind = report.kind
    if kind not in pack.kinds:
        raise TemplateError(
            f"template {pack.id!r} accepts {', '.join(pack.kinds)}, not a {kind!r} report"
        )
    return pack


@functools.lru_cache(maxsize=64)
def _composed(pack: TemplatePack, stamp: tuple[tuple[str, int], ...]) -> bytes:
    del stamp  # part of the cache key only
    return compose(pack)


@functools.lru_cache(maxsize=64)
def _located(pack: TemplatePack, folders: tuple[tuple[str, int], ...]) -> tuple[str, ...]:
    del folders  # part of the cache key only
    return tuple(str(p) for p in pack.files())


def _folder_stamp(pack: TemplatePack) -> tuple[tuple[str, int], ...]:
    """Each folder a pack's files may be found in, with its mtime (-1: not there).

    The search path's folders and, under each, the subfolders the file names
    name (a layout part may be ``parts/body``): a file added, removed or
    renamed in any of them changes that folder's mtime.
    """
    subfolders = sorted({os.path.dirname(name) for name in pack.file_names()})
    out = []
    for folder in pack.search_path():
        for sub in subfolders:
            where = os.path.join(folder, sub) if sub else str(folder)
            try:
                out.append((where, os.stat(where).st_mtime_ns))
            except OSError:
                out.append((where, -1))
    return tuple(out)


def template_bytes(pack: TemplatePack) -> bytes:
    """The composed template, cached by the files it is made of and their mtimes.

    Which files those are (the search path resolved, links checked to stay in the
    pack: 50 ``lstat`` calls, 15 % of a seed render) is cached by the folders
    they can be found in and their mtimes (``_folder_stamp``); each file's own
    mtime is read every time.
    """
    try:
        stamp = tuple((f, os.stat(f).st_mtime_ns) for f in _located(pack, _folder_stamp(pack)))
    except OSError:  # gone since: located afresh, which names what is missing
        stamp = tuple((str(f), f.stat().st_mtime_ns) for f in pack.files())
    return _composed(pack, stamp)


def pack_context(
    report: AnyReport,
    pack: TemplatePack,
    form: PrintForm = "official",
    *,
    names: frozenset[str] | None = None,
) -> dict[str, Any]:
    """The context the pack's templates receive for ``report``: docx_context plus its hook.

    ``names``: the keys the templates name, when known; the raw ``report`` dump
    is then made only if they name it (a hook always gets it).
    """
    hook = pack.hook_function()
    with_report = hook is not None or names is None or "report" in names
    ctx = docx_context(report, layout(report, form), with_report=with_report)
    return hook(report, ctx) if hook is not None else ctx


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for one document (validation, layout, rendering).

    Why: the model and context of a long report are tens of thousands of small
    objects, none in a cycle; made while the caller holds many reports, they trigger
    collections over that whole heap, which cost as much as building them
    (measured in benchmarks/bench_floor.py). Reference counting still frees
    everything; the collector runs as usual afterwards. Another thread's
    ``gc.disable()`` during the call is undone by it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def document_properties(report: AnyReport) -> dict[str, Any]:
    """Title, author and date the .docx (and so the PDF) carries for ``report``.

    Title: the document type and the subject in one line (``Báo cáo kết quả …``);
    author: the issuing body (its parent after a comma); created: the report's
    date when it is complete (a draft's blank day leaves it out), so the bytes
    of a render stay the same from run to run. File managers, PDF viewers and
    document systems show these instead of the template's own ``dang: base``.
    """
    header = report.header
    subject = " ".join(header.subject.split())
    if header.doc_type:
        kind = header.doc_type.strip().capitalize()
        subject = f"{kind} {subject[:1].lower()}{subject[1:]}"
    issuer = header.issuer
    author = " ".join(issuer.name.split())
    if issuer.parent:
        author = f"{author}, {' '.join(issuer.parent.split())}"
    d = header.date
    created = None
    if d.month is not None and d.day is not None:
        created = datetime.datetime(d.year, d.month, d.day, tzinfo=datetime.timezone.utc)
    return {"title": _property(subject), "author": _property(author), "created": created}


def _property(text: str, limit: int = 255) -> str:
    """Core properties hold at most 255 characters (OOXML); a longer subject is shortened."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _docx(report: AnyReport, template: TemplateRef, draft: bool, form: PrintForm) -> bytes:
    pack = resolve_template(report, template)
    tpl = template_bytes(pack)
    names = template_names(tpl, name=pack.id, draft=draft)
    ctx = pack_context(report, pack, form, names=names)
    return render_docx_bytes(
        tpl, ctx, name=pack.id, draft=draft, properties=document_properties(report)
    )


def _txt(report: AnyReport, template: TemplateRef, draft: bool, form: PrintForm) -> bytes:
    return render_text(report, form).encode("utf-8")


def _md(report: AnyReport, template: TemplateRef, draft: bool, form: PrintForm) -> bytes:
    return render_markdown(report, form).encode("utf-8")


def _html(report: AnyReport, template: TemplateRef, draft: bool, form: PrintForm) -> bytes:
    return render_html(report, form).encode("utf-8")


def _pdf(report: AnyReport, template: TemplateRef, draft: bool, form: PrintForm) -> bytes:
    """The .docx, converted by LibreOffice (found on PATH or through $BAOCAO_SOFFICE)."""
    return docx_to_pdf(_docx(report, template, draft, form))


OUTPUT_FORMATS: dict[str, Callable[[AnyReport, TemplateRef, bool, PrintForm], bytes]] = {
    "docx": _docx,
    "pdf": _pdf,
    "md": _md,
    "html": _html,
    "txt": _txt,
}
"""Output format → function producing its bytes; the suffix of the output picks one."""


def render_bytes(
    report: AnyReport | dict[str, Any],
    format: str = "docx",
    template: TemplateRef = None,
    *,
    draft: bool = False,
    form: PrintForm = "official",
    soffice: str | os.PathLike[str] | None = None,
) -> bytes:
    """Render to bytes in ``format`` (``docx``, ``pdf``, ``md``, ``html``, ``txt``).

    ``form``: ``official`` prints numbers and dates in the official form,
    ``written`` as the office typed them (see :mod:`baocao.layout.printed`).
    ``soffice``: the LibreOffice program for PDF (default: ``$BAOCAO_SOFFICE``,
    PATH, the standard install folders); the one PDF path of the library, the
    CLI and the service.
    """
    with _collector_paused(), pinned_limits():
        rep = validate(report)
        if format == "pdf" and soffice is not None:
            return docx_to_pdf(_docx(rep, template, draft, form), soffice=soffice)
        try:
            produce = OUTPUT_FORMATS[format]
        except KeyError:
            known = ", ".join(sorted(OUTPUT_FORMATS))
            raise OutputError(f"unknown output format {format!r} (known: {known})") from None
        return produce(rep, template, draft, form)


def render(
    report: AnyReport | dict[str, Any],
    out: str | os.PathLike[str] | IO[bytes],
    template: TemplateRef = None,
    *,
    format: str | None = None,
    draft: bool = False,
    overwrite: bool = True,
    form: PrintForm = "official",
    soffice: str | os.PathLike[str] | None = None,
) -> Path | None:
    """Render ``report`` to a path (format from its suffix, written atomically) or a stream."""
    if isinstance(out, (str, os.PathLike)):
        # Refused before the work, and again at the end.
        path = check_target(out, overwrite=overwrite)
        fmt = format or path.suffix.lower().lstrip(".") or "docx"
        data = render_bytes(report, fmt, template, draft=draft, form=form, soffice=soffice)
        return atomic_write(path, data, overwrite=overwrite)
    write = getattr(out, "write", None)
    if not callable(write):
        raise OutputError(
            _("đầu ra phải là đường dẫn hoặc luồng nhị phân có write(), không phải {kind}").format(
                kind=type(out).__name__
            )
        )
    data = render_bytes(report, format or "docx", template, draft=draft, form=form, soffice=soffice)
    try:
        write(data)
    except (ValueError, OSError, TypeError) as exc:  # closed, broken pipe, a text stream
        raise OutputError(
            _("không ghi được vào luồng đầu ra: {why}").format(why=exc)
        ) from None
    return None
