"""Printed forms of header and closing values: the rules that turn data into lines.

These used to be methods of the model (``DocumentSymbol.header``,
``Header.addressee_lines``, ``Signer.authority_line``); the model is validated
data, and how a value is printed belongs to the layout. Each function takes
``form``: ``official`` prints the official form, ``written`` reprints what the
office typed where the model kept it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ValidationError

from ..model import (
    AUTHORITY_FORMS,
    DocumentSymbol,
    Family,
    Header,
    IssueDate,
    Signer,
    lenient_mode,
)
from ..model.symbols import BLANK_NUMBER
from ..textlines import text_lines
from ..vi import place_date

__all__ = [
    "FORMS",
    "PrintForm",
    "addressee_lines",
    "authority_line",
    "date_line",
    "signer_lines",
    "subject_lines",
    "symbol_line",
]

PrintForm = Literal["official", "written"]
"""``official``: as the rules print it; ``written``: as the office typed it."""

FORMS: tuple[PrintForm, ...] = ("official", "written")


def symbol_line(
    symbol: DocumentSymbol, form: PrintForm = "official", family: Family | None = None
) -> str:
    """The report's own "Số" line: ``Số 12-BC/BTCHU`` (Party), ``Số: 12/BC-UBND`` (State).

    A blank number prints as four spaces: ``Số    -BC/BTCHU``, ``Số:    /BC-UBND``.
    ``written`` reprints a non-official number as typed (``Số : 07 /BC - CB``);
    ``official`` with ``family`` prints a number typed in the other family's
    form in the report's own (``07/BC-CB`` in a Party report: ``Số 07-BC/CB``).
    """
    if form == "written" and symbol.written is not None:
        w = symbol.written
        return w if w.startswith("Số") else f"Số {w}"
    if form == "official" and family is not None and symbol.style != family:
        symbol = _in_family(symbol, family)
    label = "Số" if symbol.style == "dang" else "Số:"
    number = BLANK_NUMBER if symbol.number is None else f" {symbol.number}"
    return f"{label}{number}{str(symbol).removeprefix(symbol.number or '')}"


def _in_family(symbol: DocumentSymbol, family: Family) -> DocumentSymbol:
    """The same parts in ``family``'s form, when they make a symbol of that form."""
    try:
        with lenient_mode(False):
            return DocumentSymbol(
                style=family,
                number=symbol.number,
                year=symbol.year,
                type_code=symbol.type_code,
                issuer_code=symbol.issuer_code,
            )
    except ValidationError:
        return symbol


def date_line(place: str, date: IssueDate, form: PrintForm = "official") -> str:
    """``Minh Sơn, ngày 05 tháng 12 năm 2025``; ``written`` keeps the date as typed."""
    if form == "written" and date.written is not None:
        return f"{place.strip()}, {date.written}"
    return place_date(place, date.day, date.month, date.year)


def subject_lines(header: Header) -> tuple[str, ...]:
    """The trích yếu as printed lines; a công văn's starts with ``V/v``."""
    lines = tuple(line.strip() for line in text_lines(header.subject) if line.strip())
    if header.form == "cong_van" and lines and not lines[0].startswith("V/v"):
        lines = (f"V/v {lines[0]}", *lines[1:])
    return lines


def addressee_lines(header: Header) -> tuple[str, ...]:
    """``Kính gửi: A`` for one body; ``Kính gửi:`` then ``- A;`` … ``- B.`` for several."""
    names = header.addressees
    if not names:
        return ()
    if len(names) == 1:
        return (f"Kính gửi: {names[0]}",)
    items = [f"- {a};" for a in names[:-1]] + [f"- {names[-1]}."]
    return ("Kính gửi:", *items)


def authority_line(signer: Signer, family: Family) -> str | None:
    """``T/M BAN THƯỜNG VỤ`` (Party) or ``TM. ỦY BAN NHÂN DÂN`` (State)."""
    if signer.authority is None:
        return None
    forms = AUTHORITY_FORMS[family]
    if signer.authority not in forms:
        raise ValueError(f"{signer.authority} is not a signing form of the {family} family")
    if signer.authority == "Q":
        return f"Q. {signer.title or signer.on_behalf or ''}".strip()
    return f"{forms[signer.authority]} {signer.on_behalf}"


def signer_lines(signer: Signer, family: Family) -> tuple[str, ...]:
    """The capital lines above the signature, without the name."""
    out = []
    auth = authority_line(signer, family)
    if auth:
        out.append(auth)
    if signer.title and signer.authority != "Q":
        out.append(signer.title)
    return tuple(out)
