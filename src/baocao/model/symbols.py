"""Số và ký hiệu: the number and code that identify an official document.

Two families write it differently (format-rules.md §4, §9):

* Party (``dang``): ``{number}-{type}/{issuer}`` — ``18-KL/TW``, ``12-BC/BTCHU``,
  joint issuers joined by a hyphen: ``05-QC/BTCTU-BDVTU``. The header line has no
  colon: ``Số 12-BC/BTCHU``.
* State (``nha_nuoc``): ``{number}/{year/}{type}-{issuer}`` — ``12/BC-UBND``,
  normative documents add the year: ``30/2020/NĐ-CP``; a công văn has no type
  code: ``05/BNV-VP``; a law has a year and an issuer only: ``80/2015/QH13``.
  The header line has a colon: ``Số: 12/BC-UBND``.

A symbol may also be a bare number (``03``), as in "Hướng dẫn số 03 của …".
A draft leaves the number blank for the clerk to fill at issuance; it prints as
``-BC/BTCHU`` and, in the header, ``Số    -BC/BTCHU`` / ``Số:    /BC-UBND``.

``str(DocumentSymbol.parse(s)) == s`` for every ``s`` that ``parse`` accepts
(surrounding whitespace and a leading ``Số``/``Số:`` aside), and
``DocumentSymbol.parse(str(x), x.style) == x`` for every valid symbol ``x``.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError, field_validator, model_validator

from ..errors import CitationError
from ..i18n import _
from .forms import FORM_RULES, deviate, lenient_mode, remembered
from .types import Deviating, Family, TextForm, nfc

__all__ = ["BLANK_NUMBER", "STATE_TYPE_CODES", "DocumentSymbol"]

BLANK_NUMBER = "    "
"""What a blank (draft) number prints as in the header's "Số" line: four spaces."""

STATE_TYPE_CODES: frozenset[str] = frozenset(
    {
        # NĐ 30/2020 Phụ lục III (format-rules.md §9)
        "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA",
        "BC", "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP",
        "PG", "PC", "PB", "SY", "TrS", "SL",
        # legal-normative documents
        "NĐ", "TT", "TTLT", "NQLT", "QĐLT", "CTLT",
        # Party codes that also turn up in State-form symbols (§4.1)
        "QĐi", "KL", "CV", "BS", "QH",
    }
)  # fmt: skip
"""Type codes recognised in a State symbol.

In ``12/BC-UBND`` the first hyphen group is a type code, in the công văn
``05/BNV-VP`` it is part of the issuer; the two are told apart by this set:
when the group after the slash (and year) is one of these codes *and* more
groups follow, it is the type code, otherwise everything after the slash is the
issuer. Either reading prints back identically.
"""

_EXPECTED_ANY = 'Party "18-KL/TW" or State "12/BC-UBND"'
_EXPECTED: dict[Family | None, str] = {
    None: _EXPECTED_ANY,
    "dang": 'Party "18-KL/TW" ({number}-{type}/{issuer})',
    "nha_nuoc": 'State "12/BC-UBND", "30/2020/NĐ-CP" or "05/BNV-VP" '
    "({number}/[{year}/][{type}-]{issuer})",
}

_PREFIX = re.compile(r"^Số\s*:?")
_PARTY = re.compile(r"(?<!\d)(?P<number>\d+)?-(?P<type>[^\s/-]+)(?:/(?P<issuer>\S+))?")
_SPACED = re.compile(r"(?<!\s)\s*([/-])\s*")
_STATE = re.compile(r"(?<!\d)(?P<number>\d+)?/(?:(?P<year>\d{4})/)?(?P<rest>\S+)")
_NUMBER_ONLY = re.compile(r"\d+")
_DIGITS = frozenset("0123456789")


def _is_code_part(part: str, dots: bool = False) -> bool:
    """One code group: a capital letter, then letters or ASCII digits (``QĐi``, ``CB3``).

    ``dots``: an issuer group may hold dots between letters (``SGDĐT.GDTrH``).
    """
    extra = "." if dots else ""
    return (
        bool(part)
        and part[0].isalpha()
        and part[0].isupper()
        and part[-1] != "."
        and all(ch.isalpha() or ch in _DIGITS or ch in extra for ch in part)
    )


def _is_issuer_code(code: str) -> bool:
    """Code groups joined by hyphens: ``TW``, ``BNV-VP``, ``BC-BCĐ-PCTT``, ``SGDĐT.GDTrH``."""
    return all(_is_code_part(part, dots=True) for part in code.split("-"))


class DocumentSymbol(TextForm, Deviating):
    """Số và ký hiệu of a document, in the Party or the State form.

    >>> str(DocumentSymbol.parse("18-KL/TW"))
    '18-KL/TW'
    >>> DocumentSymbol.parse("30/2020/NĐ-CP").year
    2020
    >>> DocumentSymbol.parse("Số : 12 / BC-UBND").written
    'Số : 12 / BC-UBND'
    """

    style: Family
    """``dang``: ``18-KL/TW``; ``nha_nuoc``: ``30/2020/NĐ-CP``, ``12/BC-UBND``."""
    number: str | None = None
    """Digits as written, leading zeros kept (``"02"``); ``None`` = blank (a draft)."""
    year: int | None = None
    """State legal-normative documents only: the 2020 of ``30/2020/NĐ-CP``."""
    type_code: str | None = None
    """``KL``, ``QĐi``, ``BC``, ``NĐ``; ``None`` for a State công văn or a bare number."""
    issuer_code: str | None = None
    """``TW``, ``BTCHU``, ``CP``, ``UBND``, ``BNV-VP``, joint Party ``BTCTU-BDVTU``."""
    written: str | None = None
    """The text as written when it is not the official form (``Số : 07 /BC - CB``).

    Kept for re-printing faithfully (``form="written"``); ``None`` when the
    text was already official. A deviation BC901 (see ``baocao.model.forms``).
    """

    @field_validator("number", mode="before")
    @classmethod
    def _number_from_int(cls, value: Any) -> Any:
        """An integer number is written with at least two digits: ``5`` → ``"05"``."""
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                raise ValueError(_("số không được âm: {value}").format(value=value))
            return f"{value:02d}"
        return value

    @field_validator("number")
    @classmethod
    def _number_is_digits(cls, value: str | None) -> str | None:
        if value is not None and not (value and all(ch in _DIGITS for ch in value)):
            raise ValueError(
                _('số phải là chữ số như "12" hoặc "02", không phải {value!r}').format(value=value)
            )
        return value

    @field_validator("year")
    @classmethod
    def _four_digit_year(cls, value: int | None) -> int | None:
        if value is not None and not 1000 <= value <= 9999:
            raise ValueError(_("năm phải có bốn chữ số, không phải {year}").format(year=value))
        return value

    @field_validator("type_code")
    @classmethod
    def _type_code_shape(cls, value: str | None) -> str | None:
        if value is not None and not _is_code_part(value):
            raise ValueError(
                _(
                    "mã tên loại phải bắt đầu bằng chữ in hoa, tiếp theo là chữ hoặc số "
                    '("KL", "QĐi", "TTr"), không phải {value!r}'
                ).format(value=value)
            )
        return value

    @field_validator("issuer_code")
    @classmethod
    def _issuer_code_shape(cls, value: str | None) -> str | None:
        if value is not None and "" in value.split("-"):
            raise ValueError(
                _('mã cơ quan có nhóm trống quanh dấu "-": {value!r}').format(value=value)
            )
        if value is not None and not _is_issuer_code(value):
            raise ValueError(
                _(
                    "mã cơ quan phải là chữ (bắt đầu bằng chữ in hoa) hoặc số, các nhóm nối bằng "
                    '"-" ("TW", "UBND", "BNV-VP", "CB3"), không phải {value!r}'
                ).format(value=value)
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> DocumentSymbol:
        """Check that the parts present make a symbol of the given style."""
        has_codes = self.type_code is not None or self.issuer_code is not None
        if not has_codes:
            if self.year is not None:
                raise ValueError(_("ký hiệu có năm cần mã cơ quan ban hành (30/2020/NĐ-CP)"))
            if self.number is None:
                raise ValueError(_("số và ký hiệu cần số, mã, hoặc cả hai"))
            return self
        if self.style == "dang":
            if self.year is not None:
                raise ValueError(_("số và ký hiệu của Đảng không ghi năm (18-KL/TW)"))
            if self.type_code is None:
                raise ValueError(_("số và ký hiệu của Đảng cần mã tên loại (18-KL/TW)"))
            if self.issuer_code is None:
                deviate(
                    self,
                    "BC903",
                    _(
                        "số và ký hiệu của Đảng cần cả mã tên loại và mã cơ quan ban hành "
                        "(18-KL/TW), thiếu mã cơ quan ban hành sau dấu /"
                    ),
                )
        elif self.issuer_code is None:
            raise ValueError(
                _("số và ký hiệu của Nhà nước cần mã cơ quan ban hành (12/BC-UBND, 05/BNV-VP)")
            )
        if self.written is not None and self.written not in self._official():
            official = self._official()[-1]
            deviate(
                self,
                "BC901",
                _('"{written}" không đúng thể thức; viết đúng là "{official}"').format(
                    written=self.written, official=official
                ),
                suggestion=official,
            )
        return self

    @property
    def is_draft(self) -> bool:
        """True when the number is left blank for the clerk to fill at issuance."""
        return self.number is None

    @property
    def number_only(self) -> bool:
        """True for a bare number such as the ``03`` of "Hướng dẫn số 03"."""
        return self.type_code is None and self.issuer_code is None

    def _codes(self) -> str:
        """Everything after the number, separator included: ``-KL/TW``, ``/2020/NĐ-CP``."""
        if self.number_only:
            return ""
        if self.style == "dang":
            issuer = f"/{self.issuer_code}" if self.issuer_code is not None else ""
            return f"-{self.type_code}{issuer}"
        year = f"{self.year}/" if self.year is not None else ""
        kind = f"{self.type_code}-" if self.type_code is not None else ""
        return f"/{year}{kind}{self.issuer_code}"

    def __str__(self) -> str:
        """The symbol as cited: ``18-KL/TW``, ``30/2020/NĐ-CP``, ``05/BNV-VP``, ``03``."""
        return f"{self.number or ''}{self._codes()}"

    def _official(self) -> tuple[str, ...]:
        """The texts that are this symbol in official form, bare or after the family's "Số"."""
        label = "Số" if self.style == "dang" else "Số:"
        if self.number is None:
            return (str(self), f"{label}{BLANK_NUMBER}{self}", f"{label} {self}")
        return (str(self), f"{label} {self}")

    @classmethod
    @remembered
    def parse(cls, text: str, style: Family | None = None) -> DocumentSymbol:
        """Read a symbol; the style is inferred from the separators when not given.

        A hyphen right after the number means Party (``18-KL/TW``), a slash means
        State (``12/BC-UBND``). A bare number is Party unless ``style`` says
        otherwise. Accepted too: drafts with the number blank (``-BC/BTCHU``,
        ``   -BC/BTCHU``, ``/BC-UBND``) and the header forms ``Số 12-BC/BTCHU`` /
        ``Số: 12/BC-UBND``. Raises :class:`~baocao.errors.CitationError`.
        """
        if not isinstance(text, str):
            raise CitationError(
                _("không đọc được {text!r} thành số và ký hiệu; cần {expected}").format(
                    text=text, expected=_EXPECTED[style]
                )
            )
        original = text
        stripped = nfc(text).strip()
        cleaned = nfc(_SPACED.sub(r"\1", _PREFIX.sub("", stripped, count=1).strip()))

        def fail(reason: str = "") -> CitationError:
            detail = f" ({reason})" if reason else ""
            return CitationError(
                _('không đọc được "{text}" thành số và ký hiệu; cần {expected}{detail}').format(
                    text=original, expected=_EXPECTED[style], detail=detail
                )
            )

        fields: dict[str, Any]
        if _NUMBER_ONLY.fullmatch(cleaned):
            fields = {"style": style or "dang", "number": cleaned}
        elif (party := _PARTY.fullmatch(cleaned)) is not None and style != "nha_nuoc":
            fields = {
                "style": "dang",
                "number": party["number"],
                "type_code": party["type"],
                "issuer_code": party["issuer"],
            }
        elif (state := _STATE.fullmatch(cleaned)) is not None and style != "dang":
            head, _sep, tail = state["rest"].partition("-")
            is_typed = bool(tail) and head in STATE_TYPE_CODES
            fields = {
                "style": "nha_nuoc",
                "number": state["number"],
                "year": int(state["year"]) if state["year"] else None,
                "type_code": head if is_typed else None,
                "issuer_code": tail if is_typed else state["rest"],
            }
        else:
            raise fail()
        try:
            with lenient_mode():
                official = cls(**fields)
            if stripped not in official._official():
                fields["written"] = stripped
            return cls(**fields)
        except ValidationError as exc:
            reasons = "; ".join(
                str(err["msg"]).removeprefix("Value error, ") for err in exc.errors()
            )
            codes = [str(e["type"]) for e in exc.errors() if e["type"] in FORM_RULES]
            err = CitationError(reasons) if codes else fail(reasons)
            if codes:
                err.code = codes[0]
            raise err from None
