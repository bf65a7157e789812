"""Helpers for template authors' own tests: sample reports, the full check, a render assertion.

::

    from baocao.testing import assert_pack_clean, assert_pack_renders, seed_report

    def test_my_pack():
        assert_pack_clean("src/my_pack")                    # static check + sample render
        doc = assert_pack_renders("src/my_pack", seed_report())
        assert "BAN TỔ CHỨC" in doc.text

The samples are real reports shipped with baocao: the seed example (a Party
implementation report) and the ``baocao init`` starters (a State document and a
Party implementation report), which between them fill every context key —
tables, lists, signer forms, recipients.
"""

from __future__ import annotations

import importlib
import io
import os
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from .errors import TemplateError
from .i18n import _
from .loading import load, loads
from .model import AnyReport
from .ooxml import W
from .packs.check import TemplateIssue, errors_only
from .packs.check import check_pack as static_check
from .packs.docxscan import read_parts
from .packs.registry import TemplatePack, get_pack
from .rendering import pack_context, render_bytes

__all__ = [
    "SEED_NAME",
    "RenderedDocx",
    "assert_pack_clean",
    "assert_pack_renders",
    "check_pack",
    "example_path",
    "pack_context",
    "sample_contexts",
    "sample_reports",
    "seed_report",
]

PackRef = TemplatePack | str | os.PathLike[str]
SEED_NAME = "bao-cao-quy-dinh-02.yaml"
_W = W
_RENDERED_PARTS = ("word/document.xml", "word/header", "word/footer", "word/footnotes.xml")


def example_path(name: str = SEED_NAME) -> Path:
    """An example report: shipped in the package as ``baocao/_examples``, or ``examples/``."""
    here = Path(__file__).resolve().parent
    for folder in (here / "_examples", here.parent.parent / "examples"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"example {name!r} is not shipped with this baocao")


def seed_report() -> AnyReport:
    """The seed example: Báo cáo kết quả thực hiện Quy định số 02-QĐ/HU (Party, 2023)."""
    return load(example_path())


def _starters() -> list[AnyReport]:
    folder = resources.files("baocao").joinpath("starters")
    if not folder.is_dir():
        return []
    out = []
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if item.name.endswith(".yaml"):
            out.append(loads(item.read_text(encoding="utf-8"), source=item.name))
    return out


def sample_reports(
    pack: TemplatePack | None = None, *, any_family: bool = False
) -> list[AnyReport]:
    """The shipped sample reports (seed first) a pack accepts: its kinds and its family."""
    reports = [seed_report(), *_starters()]
    if pack is None:
        return reports
    out = [r for r in reports if r.kind in pack.kinds]
    if not any_family and pack.family != "khac":
        out = [r for r in out if r.header.family == pack.family]
    return out


def sample_contexts(
    pack: TemplatePack, extra: Sequence[AnyReport] = ()
) -> dict[str, list[dict[str, Any]]]:
    """Real contexts per report kind the pack accepts, from every sample of that kind."""
    out: dict[str, list[dict[str, Any]]] = {}
    for report in [*sample_reports(pack, any_family=True), *extra]:
        if report.kind in pack.kinds:
            out.setdefault(report.kind, []).append(pack_context(report, pack))
    return out


def _pack(ref: PackRef) -> TemplatePack:
    return ref if isinstance(ref, TemplatePack) else get_pack(ref)


def _conformance(data: bytes, pack: TemplatePack) -> list[TemplateIssue]:
    """Measure a rendered sample with ``baocao.conformance``, when this baocao has it."""
    try:
        conformance = importlib.import_module("baocao.conformance")
        check_docx: Callable[..., Any] = conformance.check_docx
    except (ImportError, AttributeError):
        return [
            TemplateIssue(
                "conformance-skipped",
                "the conformance checker (baocao.conformance.check_docx) is not "
                "available in this baocao; layout rules were not measured",
                "note",
            )
        ]
    if pack.family not in ("dang", "nha_nuoc") and pack.profile_ref is None:
        return [
            TemplateIssue(
                "conformance-skipped",
                f"family {pack.family!r} has no official format profile; "
                "layout rules were not measured",
                "note",
            )
        ]
    family = pack.family if pack.family in ("dang", "nha_nuoc") else None
    try:
        report = check_docx(data, family=family, profile=pack.profile_ref, waivers=pack.waivers)
    except TemplateError as exc:
        return [
            TemplateIssue(
                "conformance",
                f"cannot measure the sample: {exc}",
                file=f"sample render ({pack.id})",
            )
        ]
    where = f"sample render ({pack.id})"
    out = [
        TemplateIssue(
            "conformance",
            f"{r.rule_id}: {r.description}: measured {r.measured}, expected {r.expected}",
            "error",
            file=where,
        )
        for r in report.failures()
    ]
    out += [
        TemplateIssue(
            "conformance-waived",
            _(
                "{rule} được miễn: {reason} (đo được {measured}, quy định {expected}{passes})"
            ).format(
                rule=r.rule_id,
                reason=r.waived,
                measured=r.measured,
                expected=r.expected,
                passes=_("; vẫn đạt") if r.passed else "",
            ),
            "note",
            file=where,
        )
        for r in report.waived()
    ]
    out += [
        TemplateIssue(
            "conformance-waiver-unused",
            _("miễn {rule} nhưng không có quy tắc nào như vậy").format(rule=k),
            "warning",
            file=str(pack.path),
        )
        for k in report.unknown_waivers
    ]
    return out


def check_pack(
    pack_or_path: PackRef,
    *,
    report: AnyReport | None = None,
    render: bool = True,
    conformance: bool = True,
) -> list[TemplateIssue]:
    """The full check behind ``baocao templates check``.

    The static check with variables compared against real contexts (the samples,
    plus ``report`` if given); then, when it finds no error, a strict render of
    ``report`` (or each sample of the pack's family) and the conformance checker
    on the first render.
    """
    try:
        pack = _pack(pack_or_path)
    except TemplateError:
        return static_check(pack_or_path)
    extra = [report] if report is not None else []
    try:
        contexts = sample_contexts(pack, extra)
    except TemplateError as exc:
        return [TemplateIssue("hook", str(exc), file=str(pack.path))]
    issues = static_check(pack, contexts=contexts)
    if not render:
        return issues
    if errors_only(issues):
        issues.append(
            TemplateIssue(
                "render-skipped", "sample render skipped: fix the errors above first", "note"
            )
        )
        return issues
    own = extra or sample_reports(pack)
    if not own and pack.family in ("dang", "nha_nuoc"):
        # A pack of one family refuses reports of the other, so there is nothing to render.
        issues.append(
            TemplateIssue(
                "conformance-skipped",
                f"no sample report of family {pack.family!r} and kind "
                f"{', '.join(pack.kinds)}: give a report (`-r REPORT`) to render it "
                "and measure the layout",
                "note",
            )
        )
        return issues
    reports = own or sample_reports(pack, any_family=True)
    if not reports:
        issues.append(
            TemplateIssue(
                "render-skipped",
                f"no sample report of kind {', '.join(pack.kinds)}: give one "
                "(`-r REPORT` / report=...) to render",
                "note",
            )
        )
        return issues
    rendered = None
    for rep in reports:
        try:
            data = render_bytes(rep, "docx", template=pack)
        except TemplateError as exc:
            issues.append(
                TemplateIssue(
                    "render",
                    f"{rep.header.doc_type} ({rep.kind}, {rep.header.family}): {exc}",
                    file=f"sample render ({pack.id})",
                )
            )
            continue
        rendered = rendered or data
    if rendered is None or not conformance:
        return issues
    if own:
        issues.extend(_conformance(rendered, pack))
    else:
        issues.append(
            TemplateIssue(
                "conformance-skipped",
                f"no sample report of family {pack.family!r} and kind "
                f"{', '.join(pack.kinds)}: rendered one of another family; give a report "
                "(`-r REPORT`) to measure the layout",
                "note",
            )
        )
    return issues


def assert_pack_clean(
    pack_or_path: PackRef, report: AnyReport | None = None
) -> list[TemplateIssue]:
    """Fail with every error listed when the full check finds one; return the other issues."""
    issues = check_pack(pack_or_path, report=report)
    errors = errors_only(issues)
    if errors:
        listing = "\n".join(str(i) for i in errors)
        raise AssertionError(f"{len(errors)} template error(s):\n{listing}")
    return issues


@dataclass(frozen=True)
class RenderedDocx:
    """A rendered document: its bytes and the text of its paragraphs (body, headers, notes)."""

    data: bytes
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def _paragraphs(data: bytes) -> tuple[str, ...]:
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith(_RENDERED_PARTS):
                root = etree.fromstring(z.read(name))
                for p in root.iter(f"{_W}p"):
                    out.append("".join(t.text or "" for t in p.iter(f"{_W}t")))
    return tuple(out)


def assert_pack_renders(
    pack_or_path: PackRef, report: AnyReport | None = None, *, draft: bool = False
) -> RenderedDocx:
    """Render ``report`` (default: the seed) with the pack; fail on any error or leftover tag."""
    pack = _pack(pack_or_path)
    rep = report if report is not None else (sample_reports(pack) or [seed_report()])[0]
    try:
        data = render_bytes(rep, "docx", template=pack, draft=draft)
    except TemplateError as exc:
        raise AssertionError(f"template {pack.id!r} does not render: {exc}") from None
    try:
        paragraphs = _paragraphs(data)
    except (zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise AssertionError(f"template {pack.id!r} renders a broken .docx: {exc}") from None
    typed = {
        t.raw
        for path in pack.files()
        for part in read_parts(path)
        for b in part.blocks
        for t in b.tags
    }
    leftover = sorted({tag for tag in typed for p in paragraphs if tag in p})
    if leftover:
        raise AssertionError(f"template {pack.id!r} prints tags as typed: {leftover[:3]}")
    return RenderedDocx(data, paragraphs)
