"""BC2xx: the type code in a document's number matches the kind named.

"Kế hoạch số 135-KH/TU" is right, "Kế hoạch số 135-BC/TU" is not. The code
tables (``data/type_codes.yaml``) follow format-rules.md §4.1 (Party, Hướng dẫn
36-HD/VPTW) and §9 (State, Nghị định 30/2020/NĐ-CP Phụ lục III). Where the
guidance changed over time (Party "Quy định": ``QĐi`` under HD 36, ``QĐ`` later)
the code of another period is a warning, not an error.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Literal

from ..errors import CitationError
from ..i18n import _
from ..model import DocumentSymbol
from .context import Context
from .data import type_codes
from .rule import Finding, Rule

__all__ = ["RULES", "symbol_fits", "verdict"]

Verdict = Literal["ok", "other_profile", "wrong", "unchecked"]


def verdict(ctx: Context, kind: str, symbol: DocumentSymbol) -> tuple[Verdict, str | None]:
    """How ``symbol``'s type code fits ``kind``, and the code to use instead."""
    if symbol.type_code is None:
        return "unchecked", None
    family = symbol.style
    codes = type_codes().table(family).codes(kind, ctx.profiles[family])
    if codes is None:
        return "unchecked", None
    right, other = codes
    expected = sorted(right)[0]
    if symbol.type_code in right:
        return "ok", None
    return ("other_profile" if symbol.type_code in other else "wrong"), expected


def symbol_fits(ctx: Context, kind: str, symbol: str) -> bool:
    """True when the symbol written as ``symbol`` raises no BC2xx for ``kind``."""
    try:
        parsed = DocumentSymbol.parse(symbol)
    except CitationError:
        return False
    return verdict(ctx, kind, parsed)[0] in ("ok", "unchecked")


HD36_FROM = datetime.date(2018, 4, 3)
"""Hướng dẫn 36-HD/VPTW takes effect; before it no Party document was numbered "QĐi"."""


def _cited_verdict(
    ctx: Context, kind: str, symbol: DocumentSymbol, date: datetime.date | None
) -> tuple[Verdict, str | None]:
    """:func:`verdict` for a cited document, by the document's own date and issuer.

    A Party document dated before Hướng dẫn 36 took effect keeps the code of its
    time: "29-QĐ/TW" of 2016 is right, "QĐi" did not exist yet. The central level
    (``…/TW``) has numbered its regulations "QĐ" since 2019 (205-QĐ/TW, 22-QĐ/TW,
    144-QĐ/TW): both codes are accepted there.
    """
    result, code = verdict(ctx, kind, symbol)
    if symbol.style != "dang" or symbol.type_code is None:
        return result, code
    if date is not None and date < HD36_FROM:
        if result == "other_profile":
            return "ok", None
        if result == "ok" and symbol.type_code.endswith("i"):
            return "other_profile", symbol.type_code[:-1]
    if symbol.issuer_code == "TW" and result == "other_profile":
        return "ok", None
    return result, code


def _corrected(symbol: DocumentSymbol, code: str) -> str:
    return str(symbol.model_copy(update={"type_code": code}))


def _checks(ctx: Context, want: Verdict) -> Iterator[Finding]:
    """Findings for every cited symbol (and the report's own number) with verdict ``want``."""
    header = ctx.document.header
    own_kind = (header.doc_type or "Công văn").strip().capitalize()
    result, code = (
        verdict(ctx, own_kind, header.number) if header.number is not None else ("ok", None)
    )
    if result == want and code is not None and header.number is not None:
        yield Finding(
            _CODE[want],
            ("header", "number"),
            _message(want, own_kind, header.number, code, ctx),
            _corrected(header.number, code),
        )
    for occ in ctx.citations:
        c = occ.citation
        if c.symbol is None:
            continue
        result, code = _cited_verdict(ctx, c.kind, c.symbol, c.date)
        if result == want and code is not None:
            early = c.date is not None and c.date < HD36_FROM and c.symbol.style == "dang"
            yield occ.finding(
                _CODE[want],
                _early_message(c.kind, c.symbol, code)
                if early
                else _message(want, c.kind, c.symbol, code, ctx),
                f"{c.kind} số {_corrected(c.symbol, code)}",
            )


def _early_message(kind: str, symbol: DocumentSymbol, code: str) -> str:
    return _(
        "{kind} số {symbol} ban hành trước Hướng dẫn 36-HD/VPTW (03/4/2018), khi chưa có "
        'ký hiệu "{written}"; văn bản thời đó ghi "{code}"'
    ).format(kind=kind, symbol=symbol, written=symbol.type_code, code=code)


def _message(want: Verdict, kind: str, symbol: DocumentSymbol, code: str, ctx: Context) -> str:
    family = symbol.style
    who = "của Đảng" if family == "dang" else "của Nhà nước"
    if want == "wrong":
        return (
            f'{kind} số {symbol}: ký hiệu tên loại "{symbol.type_code}" không phải của '
            f'"{kind}"; văn bản {who} ghi "{code}"'
        )
    profile = ctx.profiles[family]
    guide = type_codes().table(family).profiles.get(profile, profile)
    return (
        f"{kind} số {symbol}: theo {guide} (hồ sơ {profile}), {kind.lower()} ghi ký hiệu "
        f'"{code}"; "{symbol.type_code}" là cách ghi của giai đoạn khác'
    )


_CODE: dict[Verdict, str] = {"wrong": "BC201", "other_profile": "BC202"}


def wrong_type_codes(ctx: Context) -> Iterator[Finding]:
    """BC201: the type code belongs to another kind."""
    return _checks(ctx, "wrong")


def period_type_codes(ctx: Context) -> Iterator[Finding]:
    """BC202: the type code is the kind's under another format profile."""
    return _checks(ctx, "other_profile")


RULES = (
    Rule("BC201", "error", "Ký hiệu tên loại không khớp tên loại", wrong_type_codes),
    Rule("BC202", "warning", "Ký hiệu tên loại theo giai đoạn khác", period_type_codes),
)
