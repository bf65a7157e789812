"""Báo cáo kết quả thực hiện: the seed's report kind, as a typed schema.

Its three parts are fixed by practice: I results, II general assessment
(strengths; limitations grouped by whom they concern; causes), III tasks and
solutions for the next year. ``to_document()`` turns it into the generic tree so
any template renders it.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from ..errors import CitationError
from ..i18n import _
from .appendices import Appendix
from .blocks import Block, NumberedList, Paragraph, Span
from .citations import KINDS, Citation
from .closing import Recipients, Signer, check_one_signer_form, check_signing_form
from .document import CheckConfig, Document
from .forms import Loc, deviate
from .header import Header
from .numbering import NumberingScheme
from .registry import AnyReport
from .sections import Section
from .types import Deviating, Model, NonEmptyText, Text, nfc

__all__ = [
    "Assessment",
    "Basis",
    "ImplementationReport",
    "LimitationGroup",
    "Limitations",
    "Preamble",
    "Results",
    "Tasks",
    "TitledBlocks",
]


_NUMBERED_KIND = re.compile(rf"^\s*(?:{'|'.join(re.escape(k) for k in KINDS)})\b.*\d", re.S)


class Basis(Deviating):
    """A basis held as written: not a document ("tình hình thực tế của địa phương"),
    or a cited document without number or date ("Kế hoạch của Ủy ban nhân dân tỉnh").

    A document named with a number that does not read as a citation ("Kế hoạch 135
    ngày 06/3/2018") is form rule BC909: refused in strict mode, held in lenient.
    """

    text: NonEmptyText

    @model_validator(mode="before")
    @classmethod
    def _from_str(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _unreadable_citation(self) -> Basis:
        if _NUMBERED_KIND.match(self.text):
            try:
                Citation.parse(self.text)
            except CitationError as exc:
                deviate(self, "BC909", str(exc))
        return self

    def __str__(self) -> str:
        return self.text


def _citation_or_basis(value: Any) -> str:
    """``citation`` when the text reads as one (or is already one), else ``basis``."""
    if isinstance(value, (Citation, Basis)):
        return "citation" if isinstance(value, Citation) else "basis"
    if isinstance(value, str):
        try:
            Citation.parse(value)
        except (CitationError, ValueError):
            return "basis"
    return "citation"


Cited = Annotated[
    Annotated[Citation, Tag("citation")] | Annotated[Basis, Tag("basis")],
    Discriminator(_citation_or_basis),
]


class Preamble(Model):
    """``Thực hiện <citation>; <citation>. <conclusion>``: the căn cứ paragraph.

    ``lead`` is what the office wrote: "Căn cứ", "Thực hiện", "Theo", or empty
    for none. Each citation is parsed when it reads as one ("Kế hoạch số
    12-KH/HU …", checked by the checker) and otherwise kept as written.
    """

    lead: Text = "Thực hiện"
    citations: tuple[Cited, ...] = Field(min_length=1)
    conclusion: Text = ""
    """The sentence after the citations ("Ban Tổ chức … báo cáo … như sau:")."""

    def paragraph(self) -> Paragraph:
        cited = "; ".join(str(c) for c in self.citations)
        text = f"{self.lead} {cited}." if self.lead.strip() else f"{cited}."
        if self.conclusion:
            text = f"{text} {self.conclusion}"
        # Constructed: the pieces are this model's validated text; only the joins are new.
        return Paragraph.model_construct(spans=(Span.model_construct(text=nfc(text)),))


class TitledBlocks(Model):
    """A titled run of blocks (strengths, causes)."""

    title: NonEmptyText
    blocks: tuple[Block, ...] = ()

    def section(self) -> Section:
        return Section.model_construct(title=self.title, blocks=self.blocks)


class LimitationGroup(Model):
    """Limitations concerning one body: ``Đối với Đảng ủy các xã, thị trấn``."""

    concerning: NonEmptyText
    title: Text | None = None
    """Defaults to ``Đối với <concerning>``."""
    blocks: tuple[Block, ...] = ()

    def section(self) -> Section:
        title = self.title or nfc(f"Đối với {self.concerning}")
        return Section.model_construct(title=title, blocks=self.blocks)


class Limitations(Model):
    """Hạn chế, tồn tại, grouped by whom they concern."""

    title: NonEmptyText = "Hạn chế, tồn tại"
    blocks: tuple[Block, ...] = ()
    groups: tuple[LimitationGroup, ...] = ()


class Assessment(Model):
    """Part II, đánh giá chung."""

    title: NonEmptyText = "Đánh giá chung"
    strengths: TitledBlocks
    limitations: Limitations
    causes: TitledBlocks
    causes_under_limitations: bool = True
    """The seed numbers causes 2.3 inside limitations; False makes them item 3."""

    def section(self) -> Section:
        lim_subs = [g.section() for g in self.limitations.groups]
        causes = self.causes.section()
        if self.causes_under_limitations:
            lim_subs.append(causes)
        lim = Section.model_construct(
            title=self.limitations.title, blocks=self.limitations.blocks, sections=tuple(lim_subs)
        )
        subs = [self.strengths.section(), lim]
        if not self.causes_under_limitations:
            subs.append(causes)
        return Section.model_construct(title=self.title, sections=tuple(subs))


class Results(Model):
    """Part I, kết quả thực hiện; the title defaults from the reporting year."""

    title: Text | None = None
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()


class Tasks(Model):
    """Part III, nhiệm vụ và giải pháp for the next year: an intro and numbered tasks."""

    title: Text | None = None
    blocks: tuple[Block, ...] = ()
    items: tuple[Paragraph, ...] = ()


class ImplementationReport(AnyReport):
    """Báo cáo kết quả thực hiện a document, for one reporting year."""

    kind: Literal["bao_cao_thuc_hien"] = "bao_cao_thuc_hien"
    header: Header
    period_year: int = Field(ge=1900, le=2200)
    """The year reported on; part III plans for the year after."""
    preamble: Preamble
    results: Results
    assessment: Assessment
    tasks: Tasks
    closing: Text | None = None
    signer: Signer | None = None
    signers: tuple[Signer, ...] = Field(default=(), max_length=3)
    """A joint report's signers, side by side (instead of ``signer``)."""
    recipients: Recipients | None = None
    appendices: tuple[Appendix, ...] = ()
    numbering: NumberingScheme | None = None
    check: CheckConfig = Field(default_factory=CheckConfig)

    @model_validator(mode="after")
    def _has_results(self) -> ImplementationReport:
        """Part I reports something: blocks or sections."""
        if not (self.results.blocks or self.results.sections):
            raise ValueError(_("results: phần I chưa có blocks hay sections nào"))
        check_one_signer_form(self.signer, self.signers)
        check_signing_form(self.signer, self.header.family, type(self).__name__)
        for i, s in enumerate(self.signers):
            check_signing_form(s, self.header.family, type(self).__name__, ("signers", i))
        return self

    def source_loc(self, loc: Loc) -> Loc:
        """Undo :meth:`to_document` for one path: ``("sections", 0, …)`` → ``("results", …)``.

        The preamble is one paragraph made of ``lead``, ``citations`` and
        ``conclusion``; its lines map to ``("preamble",)``.
        """
        if loc[:1] == ("preamble",):
            return ("preamble",)
        if loc[:1] != ("sections",) or len(loc) < 2:
            return loc
        part, rest = loc[1], loc[2:]
        if part == 0:
            return ("results", *rest)
        if part == 1:
            return _assessment_loc(self.assessment, rest)
        if part == 2:
            return _tasks_loc(self.tasks, rest)
        return loc

    def to_document(self) -> Document:
        """The generic tree, numbered I, II, III in the document's scheme.

        Built with ``model_construct``: every piece is already a validated part
        of this report (its text NFC, its signer form checked), so validating
        the tree again would only repeat that work on every render.
        """
        results = Section.model_construct(
            title=self.results.title or nfc(f"Kết quả thực hiện năm {self.period_year}"),
            blocks=self.results.blocks,
            sections=self.results.sections,
        )
        task_blocks = tuple(self.tasks.blocks)
        if self.tasks.items:
            task_blocks += (NumberedList(items=self.tasks.items),)
        tasks = Section.model_construct(
            title=self.tasks.title
            or nfc(f"Một số nhiệm vụ và giải pháp năm {self.period_year + 1}"),
            blocks=task_blocks,
        )
        return Document.model_construct(
            header=self.header,
            preamble=(self.preamble.paragraph(),),
            sections=(results, self.assessment.section(), tasks),
            closing=self.closing,
            signer=self.signer,
            signers=self.signers,
            recipients=self.recipients,
            appendices=self.appendices,
            numbering=self.numbering,
            check=self.check,
        )


def _assessment_loc(a: Assessment, rest: Loc) -> Loc:
    base: Loc = ("assessment",)
    if rest[:1] != ("sections",) or len(rest) < 2:
        return (*base, *rest)
    sub, rest = rest[1], rest[2:]
    if sub == 0:
        return (*base, "strengths", *rest)
    if sub == 2 and not a.causes_under_limitations:
        return (*base, "causes", *rest)
    lim: Loc = (*base, "limitations")
    if rest[:1] != ("sections",) or len(rest) < 2:
        return (*lim, *rest)
    k, rest = rest[1], rest[2:]
    groups = a.limitations.groups
    if isinstance(k, int) and k < len(groups):
        if rest == ("title",) and groups[k].title is None:
            rest = ("concerning",)
        return (*lim, "groups", k, *rest)
    return (*base, "causes", *rest)


def _tasks_loc(tasks: Tasks, rest: Loc) -> Loc:
    n = len(tasks.blocks)
    if rest[:1] == ("blocks",) and len(rest) >= 4 and rest[1] == n and rest[2] == "items":
        return ("tasks", "items", *rest[3:])
    return ("tasks", *rest)
