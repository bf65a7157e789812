"""The first-page header: issuer, số và ký hiệu, place and date, type and trích yếu."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import Field, model_validator

from ..i18n import _
from ..textlines import text_lines
from .forms import deviate
from .symbols import DocumentSymbol
from .types import Deviating, Family, Model, NonEmptyText, Text

__all__ = ["FAMILY_SEPARATOR", "Header", "IssueDate", "Issuer", "IssuerLine", "Layout"]


class IssuerLine(Model):
    """One line of the issuer block; ``bold`` is its weight (the issuer itself is bold)."""

    text: NonEmptyText
    bold: bool = False


MAX_ISSUER_LINES = 4


class Issuer(Model):
    """The issuing body, under its direct superior when it has one.

    Either ``parent`` (upright) over ``name`` (bold): ``HUYỆN ỦY …`` over
    ``BAN TỔ CHỨC``; or ``lines``, 1 to 4 lines each with its weight: a school
    under a department under a province, a congress with its term. A plain
    string line is upright, except the last, which is the issuer and bold.
    ``separator`` is the mark under the block: ``"*"`` (Party default), several
    stars, ``"rule"`` (State default, a short line) or ``"none"``.
    """

    parent: Text | None = None
    name: NonEmptyText
    lines: tuple[IssuerLine, ...] = ()
    separator: Text | None = None
    """``None`` = the family's own (Party one star, State a short rule)."""

    @model_validator(mode="before")
    @classmethod
    def _from_lines(cls, data: Any) -> Any:
        """``lines`` alone: strings become lines (last one bold), ``name`` is the bold one."""
        if not isinstance(data, dict) or "lines" not in data:
            return data
        raw = data["lines"]
        if not isinstance(raw, (list, tuple)):
            return data
        n = len(raw)
        marked = any(isinstance(item, dict) and "bold" in item for item in raw)
        lines = [
            {"text": item, "bold": not marked and i == n - 1} if isinstance(item, str) else item
            for i, item in enumerate(raw)
        ]
        out = {**data, "lines": lines}
        if "name" not in data and lines:
            bold = [ln for ln in lines if isinstance(ln, dict) and ln.get("bold")]
            pick = (bold or lines)[-1]
            out["name"] = pick.get("text", "") if isinstance(pick, dict) else pick
        return out

    @model_validator(mode="after")
    def _block_size(self) -> Issuer:
        if self.lines and self.parent is not None:
            raise ValueError(_("ghi parent và name, hoặc lines, không ghi cả hai"))
        if len(self.lines) > MAX_ISSUER_LINES:
            raise ValueError(
                _("tên cơ quan ban hành có từ 1 đến {n} dòng").format(n=MAX_ISSUER_LINES)
            )
        return self

    @property
    def block(self) -> tuple[IssuerLine, ...]:
        """The lines as printed, top down, each with its weight."""
        if self.lines:
            return self.lines
        parent = (
            tuple(IssuerLine(text=t.strip()) for t in text_lines(self.parent) if t.strip())
            if self.parent
            else ()
        )
        return (*parent, IssuerLine(text=self.name, bold=True))


FAMILY_SEPARATOR: dict[Family, str] = {"dang": "*", "nha_nuoc": "rule"}
"""The mark under the issuer block by family (format-rules.md §3)."""

_FAMILY_VI: dict[Family, str] = {"dang": "Đảng", "nha_nuoc": "Nhà nước"}
_SEP_VI: dict[Family, str] = {"dang": "*", "nha_nuoc": "gạch ngang ngắn (rule)"}


_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}|__?))?(?:-(\d{1,2}|__?))?\s*$")
_BLANK = r"[._…](?:[\s._…]*[._…])?"
"""Dots left for the day or month to be filled in; it starts and ends with a dot, so the
spaces around it belong to one ``\\s*`` only (three adjacent ones backtracked cubically)."""
_WRITTEN = re.compile(
    rf"^\s*ngày\s*(?:(?P<day>\d{{1,2}}|{_BLANK})\s*)?tháng\s*(?:(?P<month>\d{{1,2}}|{_BLANK})\s*)?"
    rf"năm\s*(?P<year>\d{{4}})\s*$"
)
_OFFICIAL_DAY = re.compile(r"^\d\d$")


class IssueDate(Deviating):
    """The report's date; a draft leaves the day (and possibly month) blank.

    Accepts a date, ``"2023-12-15"``, ``"2023-12"`` / ``"2023-12-__"`` (draft) or a
    mapping ``{year, month, day}``.
    """

    year: int = Field(ge=1900, le=2200)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    written: Text | None = None
    """The date as written (``ngày 5 tháng 12 năm 2025``), kept for re-printing."""

    @model_validator(mode="before")
    @classmethod
    def _from_scalar(cls, data: Any) -> Any:
        """Read a date object or an ISO-like string, ``__`` marking a blank."""
        if isinstance(data, dt.date):
            return {"year": data.year, "month": data.month, "day": data.day}
        if isinstance(data, str) and (w := _WRITTEN.match(data)) is not None:
            return {
                "year": int(w["year"]),
                "month": int(w["month"]) if (w["month"] or "").isdigit() else None,
                "day": int(w["day"]) if (w["day"] or "").isdigit() else None,
                "written": data.strip(),
            }
        if isinstance(data, str):
            m = _PARTIAL.match(data)
            if not m:
                raise ValueError(
                    _(
                        '"{text}" không phải ngày: cần YYYY-MM-DD, YYYY-MM-__ '
                        'hoặc "ngày 05 tháng 12 năm 2025"'
                    ).format(text=data)
                )
            y, mo, d = m.groups()
            return {
                "year": int(y),
                "month": int(mo) if mo and mo.isdigit() else None,
                "day": int(d) if d and d.isdigit() else None,
            }
        return data

    @model_validator(mode="after")
    def _is_real_date(self) -> IssueDate:
        """A full date must exist on the calendar; a day needs a month."""
        if self.day is not None and self.month is None:
            raise ValueError(_("có ngày mà không có tháng"))
        if self.day is not None and self.month is not None:
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise ValueError(
                    _("không có ngày {day:02d}/{month:02d}/{year} trong lịch").format(
                        day=self.day, month=self.month, year=self.year
                    )
                ) from None
        w = _WRITTEN.match(self.written) if self.written else None
        if w is not None:
            for part, value in (("day", self.day), ("month", self.month)):
                pad = 10 if part == "day" else 3
                if value is not None and value < pad and not _OFFICIAL_DAY.match(w[part]):
                    deviate(
                        self,
                        "BC904",
                        _('{part} "{value}" thiếu số 0 đứng trước (viết "{padded}")').format(
                            part="ngày" if part == "day" else "tháng",
                            value=w[part],
                            padded=f"{value:02d}",
                        ),
                        field="written",
                        suggestion=f"{value:02d}",
                    )
        return self

    @property
    def is_draft(self) -> bool:
        return self.day is None or self.month is None

    def as_date(self) -> dt.date | None:
        """The full date, or None for a draft."""
        if self.day is None or self.month is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def latest(self) -> dt.date:
        """The last day this (possibly partial) date can mean; for "cited after" checks."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            nxt = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, self.month, self.day)


Layout = Literal["bao_cao", "cong_van"]
"""``bao_cao``: a titled report; ``cong_van``: sent as a letter, ``V/v …`` under the number."""


class Header(Deviating):
    """Everything above the body: what the clerk used to retype each time."""

    family: Family
    issuer: Issuer
    number: DocumentSymbol | None = None
    """Số và ký hiệu; ``None`` = the report has no number line at all."""
    place: NonEmptyText
    date: IssueDate
    doc_type: Text | None = "BÁO CÁO"
    """The title: ``BÁO CÁO``, ``BÁO CÁO KIỂM ĐIỂM``; ``None`` for a công văn."""
    layout: Layout | None = None
    """``None``: ``cong_van`` when there is no ``doc_type``, else ``bao_cao``."""
    subject: NonEmptyText
    """Trích yếu; a line break marks where the printed subject wraps."""
    notes: tuple[NonEmptyText, ...] = ()
    """Extra lines of the title block: a cut-off ("Số liệu tính đến ngày 30/11/2025"), a term."""
    addressees: tuple[NonEmptyText, ...] = ()
    """Kính gửi: the higher bodies a report is sent up to (format-rules.md §12)."""

    @model_validator(mode="after")
    def _forms(self) -> Header:
        """The symbol is in the family's form; the separator is the family's mark."""
        if self.number is not None and self.number.style != self.family:
            deviate(
                self,
                "BC902",
                _(
                    "số {number} viết theo thể thức {style} nhưng văn bản thuộc khối {family}"
                ).format(
                    number=self.number,
                    style=_FAMILY_VI[self.number.style],
                    family=_FAMILY_VI[self.family],
                ),
                field="number",
            )
        sep = self.issuer.separator
        if sep is not None and sep != FAMILY_SEPARATOR[self.family]:
            if sep not in ("rule", "none") and set(sep) != {"*"}:
                raise ValueError(
                    _(
                        'separator là "*", nhiều dấu sao, "rule" hoặc "none"; không phải {sep!r}'
                    ).format(sep=sep)
                )
            deviate(
                self,
                "BC905",
                _('dưới tên cơ quan in "{sep}"; thể thức khối {family} là "{official}"').format(
                    sep=sep, family=_FAMILY_VI[self.family], official=_SEP_VI[self.family]
                ),
                field="issuer",
                suggestion=FAMILY_SEPARATOR[self.family],
            )
        if self.doc_type is not None and not self.doc_type.strip():
            raise ValueError(_("doc_type không được để trống; bỏ hẳn trường này với công văn"))
        return self

    @property
    def form(self) -> Layout:
        """The layout in force: ``bao_cao`` or ``cong_van``."""
        if self.layout is not None:
            return self.layout
        return "cong_van" if self.doc_type is None else "bao_cao"
