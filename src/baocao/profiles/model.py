"""The shape of a format profile: page, font, and the format of each printed element.

A profile is the regulation as data. Each measurable value carries the value the
built-in templates use and, where the rule gives a range, the range the
conformance checker accepts (``size: {value: 16, min: 15, max: 16}``). A bare
number means the rule fixes that one value.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Literal

from pydantic import Field, model_validator

from ..model import Family, Model, NonEmptyText, Text

__all__ = [
    "Align",
    "Case",
    "Dividers",
    "DrawnRule",
    "ElementFormat",
    "Elements",
    "FormatProfile",
    "LayoutRules",
    "LineSpacing",
    "Page",
    "PageNumbering",
    "Quantity",
]

Case = Literal["upper", "lower_first", "upper_first"]
"""``upper``: all capitals; ``lower_first``/``upper_first``: how the first letter is written."""

Align = Literal["left", "center", "right", "both"]
"""Paragraph alignment as Word names it (``both`` is justified)."""


class Quantity(Model):
    """A chosen value and the range the rule allows around it."""

    value: float
    min: float | None = None
    max: float | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, data: Any) -> Any:
        """A bare number is a fixed value: ``size: 14``."""
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            return {"value": data}
        return data

    @model_validator(mode="after")
    def _value_in_range(self) -> Quantity:
        """The chosen value lies inside its own range."""
        if not self.low <= self.value <= self.high:
            raise ValueError(f"value {self.value} is outside {self.low}–{self.high}")
        return self

    @property
    def low(self) -> float:
        return self.value if self.min is None else self.min

    @property
    def high(self) -> float:
        return self.value if self.max is None else self.max

    def accepts(self, measured: float, tolerance: float = 0.0) -> bool:
        """``measured`` lies in the range, give or take ``tolerance`` (rounding of units)."""
        return self.low - tolerance <= measured <= self.high + tolerance

    def describe(self, unit: str = "") -> str:
        """``14 pt``, ``16 pt (15–16)`` or ``6 pt (≥ 6)``."""
        suffix = f" {unit}" if unit else ""
        text = f"{_num(self.value)}{suffix}"
        if self.high == math.inf:
            text += f" (≥ {_num(self.low)})"
        elif self.low != self.high:
            text += f" ({_num(self.low)}–{_num(self.high)})"
        return text


def _num(x: float) -> str:
    return f"{x:g}"


class LineSpacing(Model):
    """Line spacing: ``exact``/``at_least`` in points, ``multiple`` in lines."""

    rule: Literal["exact", "at_least", "multiple"]
    value: Quantity

    def describe(self) -> str:
        if self.rule == "multiple":
            return f"{self.value.describe('lines')}"
        word = "exactly" if self.rule == "exact" else "at least"
        return f"{word} {self.value.describe('pt')}"


class ElementFormat(Model):
    """How one printed element looks; ``None`` leaves a property unchecked."""

    size: Quantity | None = None
    """Font size in points."""
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    case: Case | None = None
    align: Align | None = None
    first_line_indent_mm: Quantity | None = None
    left_indent_mm: Quantity | None = None
    """Indent of the whole paragraph from the left margin (the Kính gửi list)."""
    space_before_pt: Quantity | None = None
    space_after_pt: Quantity | None = None
    line_spacing: LineSpacing | None = None
    prefix: Text | None = None
    """The text the line starts with: ``Số `` (Party, no colon) or ``Số: `` (State)."""
    note: Text = ""
    """Why this value: the rule it comes from, or why one value of a range was chosen."""


class DrawnRule(Model):
    """A drawn line (đường kẻ) under a header element.

    The regulations size it by the text above it ("1/3 to 1/2 of the line", "as
    long as the tiêu ngữ"), so ``fraction`` is what the checker measures: the
    rule's length over the printed width of the widest line above it.
    ``length_mm`` is a fixed length the template draws (the motto's text never
    changes); a rule without one is drawn at ``fraction.value`` of its line.
    """

    fraction: Quantity
    length_mm: Quantity | None = None
    note: Text = ""


class Dividers(Model):
    """The lines and marks that separate header elements."""

    motto_rule: DrawnRule
    """Under the tiêu đề (Party) or the tiêu ngữ (State)."""
    issuer_rule: DrawnRule | None = None
    """State: a short line under the issuing body; Party uses ``star`` instead."""
    subject_rule: DrawnRule | None = None
    """State: a short line under the trích yếu."""
    star: Text | None = None
    """Party: the mark under the issuer name (``*``)."""
    subject_separator: Text | None = None
    """Party: the text printed under the trích yếu (``-----``)."""


class LayoutRules(Model):
    """Placement rules that are not one element's format."""

    number_date_same_line: bool = False
    """State (box 4): the place-date sits on the line of the Số (same table row and line)."""
    signature_space_mm: Quantity | None = None
    """Height left blank for the signature between the title line and the name."""
    number_cells_align: Align | None = None
    """Alignment of body-table cells that hold a number (not the header row)."""
    totals_row_bold: bool | None = None
    """A body-table row starting "Tổng", "Cộng" … is bold."""
    keep_table_rows: int | None = None
    """A body table of at most this many rows is kept on one page (keep-with-next)."""
    as_above_first: bool = False
    """With a "Kính gửi" line, Nơi nhận opens with "- Như trên" (the addressees)."""


class Page(Model):
    """Paper and margins, in millimetres."""

    width_mm: Quantity
    height_mm: Quantity
    margin_top_mm: Quantity
    margin_bottom_mm: Quantity
    margin_left_mm: Quantity
    margin_right_mm: Quantity
    header_mm: float = Field(default=10.0, gt=0)
    """Distance of the header (page number) from the top edge."""
    header_range_mm: Quantity | None = None
    """The distances the checker accepts; None: ``header_mm`` ± 2 mm. Either way the
    page number's line must also end inside the top margin."""

    @property
    def text_width_mm(self) -> float:
        """Width between the chosen left and right margins."""
        return self.width_mm.value - self.margin_left_mm.value - self.margin_right_mm.value


class PageNumbering(Model):
    """The page number: its format, and whether page 1 shows it."""

    format: ElementFormat
    first_page: bool = False


class Elements(Model):
    """Every printed element the profile rules on; absent ones do not exist in the family."""

    motto: ElementFormat
    """Party tiêu đề ``ĐẢNG CỘNG SẢN VIỆT NAM``; State quốc hiệu."""
    slogan: ElementFormat | None = None
    """State tiêu ngữ ``Độc lập - Tự do - Hạnh phúc``."""
    issuer_parent: ElementFormat
    issuer_name: ElementFormat
    number: ElementFormat
    place_date: ElementFormat
    title: ElementFormat
    subject: ElementFormat
    letter_subject: ElementFormat | None = None
    """The trích yếu of a công văn (``V/v …``), under Số in the left column."""
    body: ElementFormat
    headings: list[ElementFormat] = Field(default_factory=list)
    """Level 1, 2, 3 … headings; deeper levels are not checked."""
    recipients_label: ElementFormat
    recipients_item: ElementFormat
    signer_authority: ElementFormat
    signer_title: ElementFormat
    signer_name: ElementFormat


class FormatProfile(Model):
    """One guide's presentation rules (Hướng dẫn 36-HD/VPTW, Nghị định 30/2020/NĐ-CP …)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: NonEmptyText
    family: Family
    valid_from: dt.date
    """The date the guide took effect; reports dated from then on use it."""
    confirmed: bool = True
    """False when the values come from secondary sources only (format-rules.md [U])."""
    sources: list[Text] = Field(default_factory=list)
    notes: Text = ""
    font: NonEmptyText = "Times New Roman"
    lang: NonEmptyText = "vi-VN"
    text_color: str | None = "000000"
    """Colour of all text as RGB hex (NĐ 30: "màu đen"); None leaves it unchecked."""
    page: Page
    layout: LayoutRules = Field(default_factory=LayoutRules)
    page_number: PageNumbering
    elements: Elements
    dividers: Dividers
