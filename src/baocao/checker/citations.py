"""BC1xx: one document, cited one way.

A reviewer checks that every mention of a document gives the same number, date
and issuer. The seed cites Regulation 02 as ``02-QĐ/HU`` in its subject and
preamble and as ``02-QĐi/HU`` in the body: one of them is wrong.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence

from .context import Context, Occurrence
from .rule import Finding, Rule
from .symbols import symbol_fits
from .text import same_tone_marks

__all__ = ["RULES", "document_groups"]

_TERM = re.compile(r"(?<!\s)\s+kh(?:óa|oá)\s+[IVXLCDM]+$", re.IGNORECASE)
"""The term of a body, "khóa X" / "khoá XII": the same body in another term is the same issuer."""


def _issuer_key(issuer: str | None) -> str | None:
    """An issuer for comparison: case, "uỷ"/"ủy" and a trailing "khóa X" ignored."""
    if issuer is None:
        return None
    return _TERM.sub("", same_tone_marks(issuer).casefold()).strip()


def document_groups(ctx: Context) -> list[list[Occurrence]]:
    """Citations of the same document, grouped; only documents cited more than once.

    Two citations name the same document when kind, number and year agree and
    either the issuer code (``HU`` of ``02-QĐi/HU``) or the issuer named after
    "của" agrees. "Quy định số 02-QĐi/HU" and "Quy định số 03-QĐi/HU" differ.
    """
    cited = [o for o in ctx.citations if o.citation.symbol is not None]
    parent = list(range(len(cited)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[tuple[Hashable, ...], int] = {}
    for i, occ in enumerate(cited):
        c = occ.citation
        assert c.symbol is not None
        base = (c.kind.casefold(), c.symbol.number, c.symbol.year)
        keys: list[tuple[Hashable, ...]] = []
        if c.symbol.issuer_code is not None:
            keys.append((*base, "code", c.symbol.issuer_code))
        if c.issuer is not None:
            keys.append((*base, "issuer", _issuer_key(c.issuer)))
        for key in keys:
            if key in by_key:
                parent[find(i)] = find(by_key[key])
            else:
                by_key[key] = i
    groups: dict[int, list[Occurrence]] = defaultdict(list)
    for i, occ in enumerate(cited):
        groups[find(i)].append(occ)
    return [g for g in groups.values() if len(g) > 1]


def _preferred(values: Sequence[str], fits: Callable[[str], bool]) -> str:
    """The form to keep: the most used of those that fit the rules, ties to the first."""
    counts = Counter(values)
    candidates = [v for v in counts if fits(v)] or list(counts)
    return max(candidates, key=lambda v: (counts[v], -values.index(v)))


def _symbol(occ: Occurrence) -> str | None:
    symbol = occ.citation.symbol
    return None if symbol is None or symbol.number_only else str(symbol)


def _date(occ: Occurrence) -> str | None:
    return occ.citation.date_text()


def _issuer(occ: Occurrence) -> str | None:
    return occ.citation.issuer


_ASPECTS: tuple[tuple[str, Callable[[Occurrence], str | None], str], ...] = (
    ("số, ký hiệu", _symbol, "{kind} số {value}"),
    ("ngày", _date, "ngày {value}"),
    ("cơ quan ban hành", _issuer, "của {value}"),
)
"""What must agree between mentions: name, reader, how the fix is written."""


def _any(value: str) -> bool:
    return True


def _fits(ctx: Context, kind: str) -> Callable[[str], bool]:
    """Whether a symbol written one way suits ``kind`` (BC2xx finds nothing)."""
    return functools.partial(symbol_fits, ctx, kind)


def _kind_fits(ctx: Context, symbol: str, kind: str) -> bool:
    return symbol_fits(ctx, kind, symbol)


def _same(name: str, a: str, b: str) -> bool:
    return _issuer_key(a) == _issuer_key(b) if name == "cơ quan ban hành" else a == b


def inconsistent_citations(ctx: Context) -> Iterator[Finding]:
    """BC101: a mention that differs from the others in symbol, date or issuer."""
    for group in document_groups(ctx):
        kind = group[0].citation.kind
        problems: dict[int, list[tuple[str, str, str, int]]] = defaultdict(list)
        for name, read, _ in _ASPECTS:
            seen = [(i, v) for i, occ in enumerate(group) if (v := read(occ)) is not None]
            values = [v for _, v in seen]
            if not values:
                continue
            keep = _preferred(values, _fits(ctx, kind) if name == "số, ký hiệu" else _any)
            count = sum(_same(name, v, keep) for v in values)
            for i, v in seen:
                if not _same(name, v, keep):
                    problems[i].append((name, v, keep, count))
        for i, found in sorted(problems.items()):
            what = "; ".join(
                f"{name} {v} (nơi khác: {keep}, {n} lần)" for name, v, keep, n in found
            )
            forms = {name: form for name, _, form in _ASPECTS}
            fix = ", ".join(forms[name].format(kind=kind, value=keep) for name, _, keep, _ in found)
            yield group[i].finding(
                "BC101",
                f"{group[i].citation.short()} được viện dẫn không thống nhất: {what}",
                f"ghi thống nhất: {fix}",
            )


def kind_conflicts(ctx: Context) -> Iterator[Finding]:
    """BC102: one number and symbol cited under two kinds ("Quyết định"/"Quy định")."""
    by_symbol: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in ctx.citations:
        symbol = occ.citation.symbol
        if symbol is not None and not symbol.number_only:
            by_symbol[str(symbol)].append(occ)
    for written, group in by_symbol.items():
        kinds = [o.citation.kind for o in group]
        if len(set(kinds)) < 2:
            continue
        keep = _preferred(kinds, functools.partial(_kind_fits, ctx, written))
        for occ in group:
            if occ.citation.kind != keep:
                yield occ.finding(
                    "BC102",
                    f'số, ký hiệu {written} được ghi là "{occ.citation.kind}" ở đây '
                    f'nhưng là "{keep}" ở {kinds.count(keep)} chỗ khác',
                    f"{keep} số {written}",
                )


RULES = (
    Rule("BC101", "error", "Viện dẫn không thống nhất", inconsistent_citations),
    Rule("BC102", "error", "Một số, ký hiệu mang hai tên loại", kind_conflicts),
)
