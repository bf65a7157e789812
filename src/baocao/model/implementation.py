"""Báo cáo kết quả thực hiện: the seed's report kind, as a typed schema.

Its three parts are fixed by practice: I results, II general assessment
(strengths; limitations grouped by whom they concern; causes), III tasks and
solutions for the next year. ``to_document()`` turns it into the generic tree so
any template renders it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..i18n import _
from .appendices import Appendix
from .blocks import Block, NumberedList, Paragraph, Span
from .citations import Citation
from .closing import Recipients, Signer, check_one_signer_form, check_signing_form
from .document import CheckConfig, Document
from .header import Header
from .numbering import NumberingScheme
from .registry import AnyReport
from .sections import Section
from .types import Model, NonEmptyText, Text

__all__ = [
    "Assessment",
    "ImplementationReport",
    "LimitationGroup",
    "Limitations",
    "Preamble",
    "Results",
    "Tasks",
    "TitledBlocks",
]


class Preamble(Model):
    """``Thực hiện <citation>; <citation>. <conclusion>``: the căn cứ paragraph."""

    lead: NonEmptyText = "Thực hiện"
    citations: tuple[Citation, ...] = Field(min_length=1)
    conclusion: Text = ""
    """The sentence after the citations ("Ban Tổ chức … báo cáo … như sau:")."""

    def paragraph(self) -> Paragraph:
        cited = "; ".join(str(c) for c in self.citations)
        text = f"{self.lead} {cited}."
        if self.conclusion:
            text = f"{text} {self.conclusion}"
        return Paragraph(spans=[Span(text=text)])


class TitledBlocks(Model):
    """A titled run of blocks (strengths, causes)."""

    title: NonEmptyText
    blocks: tuple[Block, ...] = ()

    def section(self) -> Section:
        return Section(title=self.title, blocks=self.blocks)


class LimitationGroup(Model):
    """Limitations concerning one body: ``Đối với Đảng ủy các xã, thị trấn``."""

    concerning: NonEmptyText
    title: Text | None = None
    """Defaults to ``Đối với <concerning>``."""
    blocks: tuple[Block, ...] = ()

    def section(self) -> Section:
        return Section(title=self.title or f"Đối với {self.concerning}", blocks=self.blocks)


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
        lim = Section(
            title=self.limitations.title, blocks=self.limitations.blocks, sections=lim_subs
        )
        subs = [self.strengths.section(), lim]
        if not self.causes_under_limitations:
            subs.append(causes)
        return Section(title=self.title, sections=subs)


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
        check_signing_form(self.signer, self.header.family, type(self).__name__)
        for i, s in enumerate(self.signers):
            check_signing_form(s, self.header.family, type(self).__name__, ("signers", i))
        check_one_signer_form(self.signer, self.signers)
        return self

    def to_document(self) -> Document:
        """The generic tree, numbered I, II, III in the document's scheme."""
        results = Section(
            title=self.results.title or f"Kết quả thực hiện năm {self.period_year}",
            blocks=self.results.blocks,
            sections=self.results.sections,
        )
        task_blocks = list(self.tasks.blocks)
        if self.tasks.items:
            task_blocks.append(NumberedList(items=self.tasks.items))
        tasks = Section(
            title=self.tasks.title or f"Một số nhiệm vụ và giải pháp năm {self.period_year + 1}",
            blocks=task_blocks,
        )
        return Document(
            header=self.header,
            preamble=[self.preamble.paragraph()],
            sections=[results, self.assessment.section(), tasks],
            closing=self.closing,
            signer=self.signer,
            signers=self.signers,
            recipients=self.recipients,
            appendices=self.appendices,
            numbering=self.numbering,
            check=self.check,
        )
