"""Numbers in the vi-VN convention: "." groups thousands, "," marks decimals (§14).

Babel supplies the locale data (``LOCALE``) so separators follow CLDR, not a
hand-written table. Rounding is half-up, the rule taught in Vietnamese schools
and expected by readers of a report (2,25 → 2,3), not Python's banker's rounding.
"""

from __future__ import annotations

import decimal
import functools
from decimal import Decimal

from babel.numbers import format_decimal

from baocao.vi._checks import require_int

__all__ = ["LOCALE", "format_count", "format_fraction", "format_number", "format_percent"]

LOCALE = "vi"
"""Babel locale used for every number; "vi" and "vi_VN" carry the same symbols."""

Number = int | float | Decimal


def _to_decimal(value: Number) -> Decimal:
    """Convert exactly; a float goes through ``repr`` so 0.1 stays 0.1, not 0.1000…0555."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TypeError(f"expected int, float or Decimal, got {type(value).__name__}: {value!r}")
    d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not d.is_finite():
        raise ValueError(f"cannot format a non-finite number: {value!r}")
    return d


def _natural_places(value: Number, d: Decimal) -> int:
    """Decimal places to show when the caller gave none.

    A ``Decimal`` keeps the places it was written with ("1.500.050,30"); a float
    shows only what it needs (``100.0`` → "100").
    """
    if isinstance(value, int):
        return 0
    if isinstance(value, float):
        d = d.normalize()
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)  # finite, checked in _to_decimal
    return max(0, -exponent)


def format_number(value: int | float | Decimal, decimals: int | None = None) -> str:
    """Format with vi-VN separators, rounding half-up to ``decimals`` places when given.

    >>> format_number(1250000)
    '1.250.000'
    >>> format_number(1234.5)
    '1.234,5'
    >>> format_number(2.25, 1)
    '2,3'
    """
    kind = type(value)
    if kind not in (int, float, Decimal) or (decimals is not None and type(decimals) is not int):
        return _format_number(value, decimals)  # raises the error naming the bad argument
    # The key keeps what equality forgets: 1, 1.0 and Decimal("1.0") are equal
    # but print differently.
    return _cached(kind.__name__, value if kind is int else repr(value), decimals, value)


@functools.lru_cache(maxsize=8192)
def _cached(kind: str, key: object, decimals: int | None, value: Number) -> str:
    """``format_number`` once per distinct value: a report repeats its figures."""
    del kind, key  # part of the cache key only
    return _format_number(value, decimals)


def _format_number(value: Number, decimals: int | None) -> str:
    d = _to_decimal(value)
    if decimals is not None and require_int(decimals, "decimals") < 0:
        raise ValueError(f"decimals must be >= 0: {decimals}")
    places = _natural_places(value, d) if decimals is None else decimals
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_UP
        ctx.prec = max(28, len(d.as_tuple().digits) + places + 2)
        rounded = d.quantize(Decimal(1).scaleb(-places))
        if rounded.is_zero():
            rounded = rounded.copy_abs()  # never print "-0"
        pattern = "#,##0" + ("." + "0" * places if places else "")
        text: str = format_decimal(rounded, format=pattern, locale=LOCALE)
    return text


def format_percent(value: int | float | Decimal, decimals: int = 1) -> str:
    """Format a percentage number (99.1 means 99,1 %), written "99,1%" with no space.

    An all-zero fraction is dropped so a whole percentage reads "100%", not "100,0%".

    >>> format_percent(99.1)
    '99,1%'
    >>> format_percent(100)
    '100%'
    """
    if require_int(decimals, "decimals") < 0:
        raise ValueError(f"decimals must be >= 0: {decimals}")
    text = format_number(value, decimals)
    whole, _, fraction = text.partition(",")
    if not fraction.strip("0"):
        text = whole
    return f"{text}%"


def format_count(n: int, pad: bool = True) -> str:
    """A count of things; with ``pad`` 1–9 get a leading zero, as in "ít nhất 01 lần".

    The seed report pads some counts ("01 lần") and not others ("3 khó khăn"),
    hence the switch.

    >>> format_count(1)
    '01'
    >>> format_count(17)
    '17'
    """
    if require_int(n, "n") < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    if pad and 1 <= n <= 9:
        return f"0{n}"
    return format_number(n)


def format_fraction(a: int, b: int) -> str:
    """A tally "a/b" such as "17/17 Tổ huyện"; large parts keep thousands separators.

    >>> format_fraction(17, 17)
    '17/17'
    """
    if require_int(a, "a") < 0 or require_int(b, "b") <= 0:
        raise ValueError(f"need a >= 0 and b > 0: {a}/{b}")
    return f"{format_number(a)}/{format_number(b)}"
