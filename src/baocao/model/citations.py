"""Cited documents: "Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư về …".

A :class:`Citation` is read from and written back to exactly the text it came
from: ``str(Citation.parse(s)) == s``. The grammar (format-rules.md §15)::

    <kind> số <symbol>[, ngày <date>][ của <issuer>][ <about>]

* ``<kind>`` — one of :data:`KINDS` ("Kết luận", "Nghị định", …). ``parse`` also
  takes an unknown kind before " số " when it is one capitalised word followed
  by at most four lowercase ones ("Quy chế phối hợp").
* ``số`` may be left out when the symbol has codes (a Party later mention,
  "Nghị quyết 12-NQ/ĐU"); ``with_so`` records it.
* ``<symbol>`` — a :class:`~baocao.model.symbols.DocumentSymbol`: ``18-KL/TW``,
  ``30/2020/NĐ-CP``, ``12/BC-UBND`` or a bare ``03``.
* the date — ``d/m/yyyy`` (``short``), ``d-m-yyyy`` (``dash``, older Party texts)
  or ``dd tháng m năm yyyy`` (``long``). Party writes a comma before "ngày", State
  does not; ``comma`` records a citation that departs from its family's habit.
  The day is zero-padded below 10 and the month below 3 ("06/3/2018",
  "05/01/2024"), as in the header date; ``day_padded``/``month_padded`` record a
  date written otherwise.
* ``<issuer>`` — everything after " của " up to the first about-connector.
* ``<about>`` — starts at the first of :data:`ABOUT_CONNECTORS` ("về",
  "thực hiện", "hướng dẫn", …) that follows " của " (or directly follows the
  symbol/date when there is no issuer), and runs to the end; it keeps its
  connector word.

Formatting hints (``with_so``, ``comma``, ``date_form``, ``day_padded``,
``month_padded``) are ``None``/default whenever the text follows the usual
form, so a parsed citation equals the one built by hand from the same facts.

:func:`find_citations` finds citations inside running text, nested ones (inside
another citation's ``about``) included; see its docstring for where a citation
ends in running text.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Literal

from pydantic import ValidationError, field_validator, model_validator

from ..errors import CitationError
from ..i18n import _
from .citation_text import (
    ABOUT_CONNECTORS,
    KINDS,
    about_end,
    first_stop,
    is_kind_phrase,
    trim_issuer,
)
from .forms import remembered
from .symbols import DocumentSymbol
from .types import Family, TextForm, nfc

__all__ = ["ABOUT_CONNECTORS", "KINDS", "Citation", "DateForm", "find_citations"]

DateForm = Literal["short", "long", "dash"]
"""``short`` 22/9/2017, ``dash`` 22-9-2017, ``long`` 05 tháng 3 năm 2020."""

_FORMAT = "<kind> số <number>[-<type>/<issuer>][, ngày d/m/yyyy][ của <issuer>][ về …]"

# A symbol token: digits, then letter/digit groups joined by "-" or "/"; it must
# not run on into a letter, digit or dangling separator ("18-KL/" is no symbol).
_TOKEN = r"\d+(?:[-/][^\W_]+)*(?![\w/-])"
_KIND_ALTS = "|".join(re.escape(kind) for kind in KINDS)
_HEAD = re.compile(rf"(?<!\w)(?P<kind>{_KIND_ALTS})(?P<sep> số | )(?P<symbol>{_TOKEN})")
_GENERIC_HEAD = re.compile(
    rf"(?<![^\W\d_])(?P<kind>[^\W\d_]+(?: [^\W\d_]+){{0,4}}?)(?P<sep> số )(?P<symbol>{_TOKEN})"
)
_DATE = re.compile(
    r"(?P<comma>,)? ngày (?:"
    r"(?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>\d{4})"
    r"|(?P<dd>\d{1,2})-(?P<dm>\d{1,2})-(?P<dy>\d{4})"
    r"|(?P<ld>\d{1,2}) tháng (?P<lm>\d{1,2}) năm (?P<ly>\d{4})"
    r")(?![\w/-])"
)
_LOOSE_DATE = re.compile(r",? ngày ")
# A connector ends the issuer only when real text follows it.
_CONNECTOR = re.compile(
    " (?:" + "|".join(re.escape(c) for c in ABOUT_CONNECTORS) + r") (?=[^\s,;.:!?…)\]])"
)


class Citation(TextForm):
    """A document cited in the body, in the form it was written.

    >>> c = Citation.parse("Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư")
    >>> c.issuer, c.short()
    ('Ban Bí thư', 'Kết luận số 18-KL/TW')
    >>> str(c)
    'Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư'
    """

    kind: str
    """ "Kết luận", "Quy định", "Nghị định", "Công văn", … (see :data:`KINDS`)."""
    symbol: DocumentSymbol | None = None
    """``18-KL/TW``, ``30/2020/NĐ-CP``, ``03``; a string is parsed. ``None`` only
    for a citation built by hand ("Điều lệ Đảng"); ``parse`` always sets it."""
    date: datetime.date | None = None
    issuer: str | None = None
    """ "Ban Bí thư", "Ban Thường vụ Huyện ủy", "Ban Bí thư khóa X", "Chính phủ"."""
    about: str | None = None
    """Everything after the issuer, connector included: "về tiếp tục …"."""
    with_so: bool = True
    """False for the short later mention without "số": "Nghị quyết 12-NQ/ĐU"."""
    comma: bool | None = None
    """Comma before "ngày"; ``None`` = the family's habit (Party yes, State no)."""
    date_form: DateForm = "short"
    day_padded: bool | None = None
    """Day below 10 written "06"; ``None`` = yes (the rule)."""
    month_padded: bool | None = None
    """Month below 10 written "03"; ``None`` = the rule (only months 1 and 2 padded)."""

    @field_validator("kind")
    @classmethod
    def _kind_not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError(_('tên loại văn bản không được để trống ("Kết luận", "Nghị định", …)'))
        return value

    @field_validator("issuer", "about")
    @classmethod
    def _strip_optional(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        if not value:
            raise ValueError(_("không được để trống; bỏ hẳn trường này nếu không có"))
        return value

    @field_validator("date")
    @classmethod
    def _four_digit_year(cls, value: datetime.date | None) -> datetime.date | None:
        if value is not None and value.year < 1000:
            raise ValueError(_("năm phải có bốn chữ số, không phải {year}").format(year=value.year))
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Citation:
        if self.symbol is not None and self.symbol.number is None:
            raise ValueError(
                _('văn bản được viện dẫn phải có số, không phải "{symbol}"').format(
                    symbol=self.symbol
                )
            )
        if not self.with_so and (self.symbol is None or self.symbol.number_only):
            raise ValueError(
                _('chỉ được bỏ chữ "số" trước số và ký hiệu đầy đủ ("Nghị quyết 12-NQ/ĐU")')
            )
        return self

    @property
    def style(self) -> Family:
        """The family the citation is written in: the symbol's, else Party."""
        return self.symbol.style if self.symbol is not None else "dang"

    def short(self) -> str:
        """The later-mention form: ``Kết luận số 18-KL/TW``."""
        if self.symbol is None:
            return self.kind
        return f"{self.kind} số {self.symbol}"

    def date_text(self) -> str | None:
        """The date as written in the citation (without "ngày"), or None."""
        if self.date is None:
            return None
        d = self.date
        pad_day = True if self.day_padded is None else self.day_padded
        pad_month = d.month < 3 if self.month_padded is None else self.month_padded
        day = f"{d.day:02d}" if pad_day else str(d.day)
        month = f"{d.month:02d}" if pad_month else str(d.month)
        if self.date_form == "long":
            return f"{day} tháng {month} năm {d.year}"
        sep = "-" if self.date_form == "dash" else "/"
        return f"{day}{sep}{month}{sep}{d.year}"

    def __str__(self) -> str:
        """The citation exactly as it is (or was) written in the text."""
        parts = [self.kind]
        if self.symbol is not None:
            parts.append(f"{' số ' if self.with_so else ' '}{self.symbol}")
        if self.date is not None:
            comma = self.comma if self.comma is not None else self.style == "dang"
            parts.append(f"{',' if comma else ''} ngày {self.date_text()}")
        if self.issuer is not None:
            parts.append(f" của {self.issuer}")
        if self.about is not None:
            parts.append(f" {self.about}")
        return "".join(parts)

    @classmethod
    @remembered
    def parse(cls, text: str) -> Citation:
        """Read one whole citation; surrounding whitespace is ignored.

        Raises :class:`~baocao.errors.CitationError` naming the text and the
        expected form.
        """
        if not isinstance(text, str):
            raise CitationError(
                _("không đọc được {text!r} thành văn bản viện dẫn: cần dạng {form!r}").format(
                    text=text, form=_FORMAT
                )
            )
        cleaned = nfc(text).strip()
        try:
            if cleaned[-1:] in {";", ",", ".", ":"}:
                raise _Unreadable(
                    _(
                        'thừa "{mark}" ở cuối; câu văn chứa văn bản viện dẫn tự có dấu câu của nó'
                    ).format(mark=cleaned[-1])
                )
            _end, citation = _read(cleaned, _head_at_start(cleaned), whole=True)
        except _Unreadable as exc:
            reason = f"; {exc.reason}" if exc.reason else ""
            raise CitationError(
                _(
                    'không đọc được "{text}" thành văn bản viện dẫn: cần dạng "{form}"{reason}'
                ).format(text=text, form=_FORMAT, reason=reason)
            ) from None
        return citation


class _Unreadable(Exception):
    """Internal: the text is not a citation; ``reason`` says why, if known."""

    def __init__(self, reason: str = "") -> None:
        super().__init__(reason)
        self.reason = reason


def _head_at_start(text: str) -> re.Match[str]:
    """Match ``<kind> số <symbol>`` at the start of a whole citation."""
    head = _HEAD.match(text)
    if head is None:
        head = _GENERIC_HEAD.match(text)
        if head is not None and not is_kind_phrase(head["kind"]):
            head = None
    if head is not None:
        return head
    # Explain the failure as well as we can.
    before, found, after = text.partition(" số ")
    if not found:
        raise _Unreadable(_('thiếu chữ "số" và số văn bản'))
    token = after.split(" ", 1)[0].rstrip(",;.")
    if not token:
        raise _Unreadable(_('không có số sau chữ "số"'))
    try:
        symbol = DocumentSymbol.parse(token)
    except CitationError as exc:
        raise _Unreadable(str(exc)) from None
    if symbol.number is None:
        raise _Unreadable(
            _('số trong "{token}" để trống; văn bản được viện dẫn phải có số').format(token=token)
        )
    if not is_kind_phrase(before):
        raise _Unreadable(
            _('"{before}" không phải tên loại văn bản như "Kết luận"').format(before=before)
        )
    raise _Unreadable(_('thừa chữ sau số "{token}"').format(token=token))


def _read(text: str, head: re.Match[str], *, whole: bool) -> tuple[int, Citation]:
    """Read the citation whose ``<kind> số <symbol>`` head is ``head``.

    ``whole``: the citation is all of ``text`` (issuer and about run to its end,
    anything left over is an error). Otherwise read as far as running text allows.
    Returns the end offset and the citation; raises :class:`_Unreadable`.
    """
    try:
        symbol = DocumentSymbol.parse(head["symbol"])
    except CitationError as exc:
        raise _Unreadable(str(exc)) from None
    with_so = head["sep"] == " số "
    if not with_so and symbol.number_only:
        raise _Unreadable(_('thiếu chữ "số" trước số văn bản'))
    fields: dict[str, Any] = {"kind": head["kind"], "symbol": symbol, "with_so": with_so}
    pos = head.end()

    date = _DATE.match(text, pos)
    if date is not None:
        try:
            fields.update(_date_fields(date, symbol.style))
            pos = date.end()
        except _Unreadable:
            if whole:
                raise
    elif whole and _LOOSE_DATE.match(text, pos):
        raise _Unreadable(_('ngày sau chữ "ngày" phải viết d/m/yyyy hoặc "dd tháng m năm yyyy"'))

    about_start: int | None = None
    if text.startswith(" của ", pos):
        start = pos + len(" của ")
        stop = len(text) if whole else first_stop(text, start)
        region = text[start:stop]
        connector = _CONNECTOR.search(region)
        if connector is not None:
            issuer = region[: connector.start()]
            about_start = start + connector.start() + 1
        else:
            issuer = region if whole else trim_issuer(region)
        if issuer and issuer == issuer.strip():
            fields["issuer"] = issuer
            pos = start + len(issuer)
        elif whole:
            raise _Unreadable(_('cơ quan ban hành sau chữ "của" bị thiếu hoặc thừa dấu cách'))
        else:
            about_start = None
    if about_start is None and _CONNECTOR.match(text, pos):
        about_start = pos + 1
    if about_start is not None:
        stop = len(text) if whole else about_end(text, about_start)
        about = text[about_start:stop]
        about = about.rstrip() if whole else about.rstrip(" ,\t")
        fields["about"] = about
        pos = about_start + len(about)

    if whole and pos != len(text):
        raise _Unreadable(_('thừa "{rest}"').format(rest=text[pos:]))
    try:
        citation = Citation(**fields)
    except ValidationError as exc:
        raise _Unreadable("; ".join(str(e["msg"]) for e in exc.errors())) from None
    return pos, citation


def _date_fields(match: re.Match[str], style: Family) -> dict[str, Any]:
    """The date and its formatting hints, hints left out where they match the rule."""
    if match["sd"] is not None:
        form, day, month, year = "short", match["sd"], match["sm"], match["sy"]
    elif match["dd"] is not None:
        form, day, month, year = "dash", match["dd"], match["dm"], match["dy"]
    else:
        form, day, month, year = "long", match["ld"], match["lm"], match["ly"]
    try:
        value = datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise _Unreadable(
            _("không có ngày {date!r}").format(date=match.group().strip(", "))
        ) from None
    fields: dict[str, Any] = {"date": value, "date_form": form}
    comma = match["comma"] is not None
    if comma != (style == "dang"):
        fields["comma"] = comma
    if value.day < 10 and len(day) == 1:
        fields["day_padded"] = False
    if value.month < 10 and (len(month) == 2) != (value.month < 3):
        fields["month_padded"] = len(month) == 2
    return fields


def find_citations(text: str) -> list[tuple[int, int, Citation]]:
    """Every citation in running text, with its ``(start, end)`` span.

    Citations nested in another's ``about`` are returned too, after the one
    that contains them; results are ordered by start. Spans index the NFC form
    of ``text`` (the text itself when it is NFC, as all model text is), and
    ``Citation.parse(text[start:end])`` gives back the same citation.

    In running text only the kinds in :data:`KINDS` are recognised, and a
    citation ends:

    * after the symbol or date, unless " của " or an about-connector follows;
    * the issuer ends at an about-connector, at punctuation or a line break, or
      — when neither comes first — after the last word that looks like part of a
      body's name (see :func:`_trim_issuer`);
    * the about ends at ";", ":", a full stop, a line break or an unmatched ")",
      trailing commas dropped.
    """
    normalized = nfc(text)
    found: list[tuple[int, int, Citation]] = []
    for head in _HEAD.finditer(normalized):
        try:
            end, citation = _read(normalized, head, whole=False)
        except _Unreadable:
            continue
        found.append((head.start(), end, citation))
    return found
