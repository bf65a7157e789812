"""Citations as offices really write them, and the checks on each one (BC103, BC104, BC203).

:func:`baocao.model.find_citations` reads the textbook form ("Kế hoạch số
39-KH/HU, ngày 15/01/2024 của …"). Real preambles also write "kế hoạch số …" in
lower case, "Kế hoạch 139-KH/HU" without "số", the State's slash in a Party
symbol ("39/KH/HU") or the Party's hyphen in a State one ("45-KH/UBND").
:func:`real_mentions` finds those too, in the form the model reads, so every
citation rule runs on them; BC203 reports the symbol's form, BC103 an issuer
code that contradicts the issuer named, BC104 a document first cited without the
date a later mention gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..errors import CitationError
from ..i18n import _
from ..model import Citation
from ..model.citations import KINDS
from .rule import Finding, Rule

if TYPE_CHECKING:
    from .context import Context, Occurrence

__all__ = ["RULES", "expected_issuer_code", "real_mentions"]

_KIND_ALTS = "|".join(re.escape(k) for k in KINDS)
_MENTION = re.compile(
    rf"(?<!\w)(?P<kind>{_KIND_ALTS})(?P<so>\s+số)?\s+"
    r"(?P<symbol>\d+(?:/\d{4})?(?:[-/][^\W\d_][^\W_]*)+)(?![\w/-])"
    r"(?P<date>,?\s+ngày\s+(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?P<issuer>\s+của\s+[^,;.:()\n]+?(?=\s+(?:về|thực hiện|hướng dẫn|quy định|ban hành|"
    r"triển khai|phê duyệt)\s|[,;.:()\n]|$))?",
    re.IGNORECASE,
)
_STATE_CODES = re.compile(r"^(?:UBND|HĐND|CP|TTg|QH|UBTVQH\d*|BNV|BTC|S[A-ZĐ]+|CA[TH]|BCA)(?:-|$)")
_PARTY_LEVEL = (
    (re.compile(r"Trung ương|Bộ Chính trị|Ban Bí thư", re.I), "TW"),
    (re.compile(r"(?:Tỉnh|Thành|Thị) (?:ủy|uỷ)", re.I), "TU"),
    (re.compile(r"Huyện (?:ủy|uỷ)", re.I), "HU"),
    (re.compile(r"Quận (?:ủy|uỷ)", re.I), "QU"),
    (re.compile(r"Đảng (?:ủy|uỷ)", re.I), "ĐU"),
)
_PARTY_BODY = (
    (re.compile(r"^(?:Ban Thường vụ|Ban Chấp hành|Thường trực)\b", re.I), ""),
    (re.compile(r"^Ban Tuyên giáo và Dân vận\b", re.I), "BTGDV"),
    (re.compile(r"^Ban Tuyên giáo\b", re.I), "BTG"),
    (re.compile(r"^Ban Tổ chức\b", re.I), "BTC"),
    (re.compile(r"^Ban Dân vận\b", re.I), "BDV"),
    (re.compile(r"^(?:Ủy|Uỷ) ban Kiểm tra\b", re.I), "UBKT"),
    (re.compile(r"^Văn phòng\b", re.I), "VP"),
    (re.compile(r"^(?:Huyện|Tỉnh|Thành|Thị|Quận|Đảng) (?:ủy|uỷ)\b", re.I), ""),
)
_STATE_BODY = (
    (re.compile(r"^(?:Chủ tịch )?(?:Ủy|Uỷ) ban nhân dân\b", re.I), "UBND"),
    (re.compile(r"^(?:Thường trực |Chủ tịch )?Hội đồng nhân dân\b", re.I), "HĐND"),
    (re.compile(r"^Thủ tướng Chính phủ\b", re.I), "TTg"),
    (re.compile(r"^Chính phủ\b", re.I), "CP"),
    (re.compile(r"^Bộ Nội vụ\b", re.I), "BNV"),
    (re.compile(r"^Công an (?:tỉnh|thành phố)\b", re.I), "CAT"),
)
_SO = re.compile(r"^Sở ((?:[^\W\d_]+ ?)+)$")


def _family_of_symbol(symbol: str) -> str:
    """``dang`` or ``nha_nuoc``, by the issuer codes in the symbol (not by its separators)."""
    codes = re.split(r"[-/]", symbol)[1:]
    return "nha_nuoc" if any(_STATE_CODES.match(c) for c in codes) else "dang"


def normalized_symbol(symbol: str) -> str:
    """The symbol in its family's form: "39/KH/HU" → "39-KH/HU", "45-KH/UBND" → "45/KH-UBND"."""
    parts = re.split(r"[-/]", symbol)
    number, codes = parts[0], parts[1:]
    if codes and re.fullmatch(r"\d{4}", codes[0]):
        return symbol  # a State legal document, 30/2020/NĐ-CP
    if len(codes) < 2:
        return symbol
    if _family_of_symbol(symbol) == "nha_nuoc":
        return f"{number}/{codes[0]}-{'-'.join(codes[1:])}"
    return f"{number}-{codes[0]}/{'-'.join(codes[1:])}"


def expected_issuer_code(issuer: str, family: str) -> str | None:
    """The issuer code a body signs with, when its name says it.

    "Ban Tuyên giáo Huyện ủy" → ``BTGHU``; None for a name the tables do not know.
    """
    name = " ".join(issuer.split())
    if family == "dang":
        level = next((code for p, code in _PARTY_LEVEL if p.search(name)), None)
        body = next((code for p, code in _PARTY_BODY if p.search(name)), None)
        if level is None or body is None:
            return None
        return body + level
    for pattern, code in _STATE_BODY:
        if pattern.search(name):
            return code
    m = _SO.match(name)
    if m:
        words = [w for w in m[1].split() if w.casefold() != "và"]
        return "S" + "".join(w[0].upper() for w in words)
    return None


def real_mentions(
    text: str, known: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int, Citation]]:
    """Citations the textbook reader misses, as ``(start, end, citation)`` read in normal form.

    ``known`` are the spans already read; a mention starting inside one is left out.
    """
    for m in _MENTION.finditer(text):
        if any(s <= m.start() < e for s, e in known):
            continue
        kind = next(k for k in KINDS if k.casefold() == m["kind"].casefold())
        date = (m["date"] or "").strip().lstrip(",").strip()
        normal = f"{kind} số {normalized_symbol(m['symbol'])}"
        if date:
            normal += (", " if _family_of_symbol(m["symbol"]) == "dang" else " ") + date
        if m["issuer"]:
            normal += " " + " ".join(m["issuer"].split())
        try:
            citation = Citation.parse(normal)
        except (CitationError, ValueError):
            continue
        yield m.start(), m.end(), citation


def _written(text: str) -> tuple[str, str, bool] | None:
    """The kind, the symbol and whether "số" is written, of a citation's text."""
    m = _MENTION.match(text)
    return (m["kind"], m["symbol"], m["so"] is not None) if m else None


def symbol_forms(ctx: Context) -> Iterator[Finding]:
    """BC203: a symbol in the other family's form; a kind in lower case; State without "số"."""
    for occ in ctx.citations:
        read = _written(occ.text)
        if read is None:
            continue
        kind, written, so = read
        right = normalized_symbol(written)
        state = _family_of_symbol(written) == "nha_nuoc"
        if right == written and (kind[:1].islower() or (state and not so)):
            yield occ.finding(
                "BC203",
                _(
                    '"{text}": tên loại văn bản viết hoa chữ đầu và có chữ "số" trước số, ký hiệu'
                ).format(text=f"{kind}{' số' if so else ''} {written}"),
                f"{occ.citation.kind} số {written}",
            )
        elif right != written:
            yield occ.finding(
                "BC203",
                _('số, ký hiệu "{written}" viết sai dạng: văn bản {who} ghi "{right}"').format(
                    written=written,
                    right=right,
                    who=_("của Đảng")
                    if _family_of_symbol(written) == "dang"
                    else _("của Nhà nước"),
                ),
                f"{occ.citation.kind} số {right}",
            )


def _issuer_code_root(code: str, family: str) -> str:
    return code.split("-")[0] if family == "nha_nuoc" else code


def issuer_mismatches(ctx: Context) -> Iterator[Finding]:
    """BC103: the issuer code in the symbol is not the issuer named after "của"."""
    for occ in ctx.citations:
        c = occ.citation
        if c.symbol is None or c.symbol.issuer_code is None or c.issuer is None:
            continue
        family = c.symbol.style
        expected = expected_issuer_code(c.issuer, family)
        written = _issuer_code_root(c.symbol.issuer_code, family)
        if expected is None or "-" in written or written == expected:
            continue
        if expected.startswith("S") and written[:2] == expected[:2]:
            continue  # a Sở abbreviates its name its own way: SNN for Nông nghiệp và PTNT
        yield occ.finding(
            "BC103",
            _('{short}: ký hiệu cơ quan "{written}" không phải của {issuer} ("{expected}")').format(
                short=c.short(), written=written, issuer=c.issuer, expected=expected
            ),
            _("kiểm tra lại số, ký hiệu hoặc cơ quan ban hành"),
        )


_UNNUMBERED = re.compile(
    r"(?<!\w)(?P<kind>Kế hoạch|Hướng dẫn|Công văn|Quyết định|Chỉ thị|Thông báo|Chương trình|"
    r"Thông tri)(?:\s+số)?(?=\s+(?:ngày\s+\d|của\s))[^,;:.]*",
    re.IGNORECASE,
)


def unnumbered_bases(ctx: Context) -> Iterator[Finding]:
    """BC105: the preamble rests on a document it names without its number and symbol."""
    for unit in ctx.units:
        if unit.role != "preamble":
            continue
        for m in _UNNUMBERED.finditer(unit.text):
            if any(o.unit is unit and o.start <= m.start() < o.end for o in ctx.citations):
                continue
            yield unit.finding(
                "BC105",
                m.start(),
                _('"{text}": văn bản làm căn cứ thiếu số, ký hiệu').format(text=m[0].strip()),
                _("ghi đủ: tên loại, số, ký hiệu, ngày ban hành, cơ quan ban hành"),
                len(m[0].rstrip()),
            )


def first_mention_undated(ctx: Context) -> Iterator[Finding]:
    """BC104: the preamble cites a document without its date, which a later mention gives.

    The preamble is where a report names its bases in full; a body that mentions
    a document briefly before citing it in full is left alone.
    """
    first: dict[tuple[str, str], Occurrence] = {}
    dated: dict[tuple[str, str], Occurrence] = {}
    for occ in ctx.citations:
        c = occ.citation
        if c.symbol is None or c.symbol.number_only:
            continue
        key = (c.kind.casefold(), str(c.symbol))
        first.setdefault(key, occ)
        if c.date is not None:
            dated.setdefault(key, occ)
    for key, occ in first.items():
        later = dated.get(key)
        if occ.citation.date is None and later is not None and occ.unit.role == "preamble":
            yield occ.finding(
                "BC104",
                _(
                    "{short} được viện dẫn lần đầu mà không ghi ngày ban hành "
                    "(ngày {date} ở chỗ sau)"
                ).format(short=occ.citation.short(), date=later.citation.date_text()),
                _("{short}, ngày {date}").format(
                    short=occ.citation.short(), date=later.citation.date_text()
                ),
            )


RULES = (
    Rule("BC103", "error", "Ký hiệu cơ quan không khớp cơ quan ban hành", issuer_mismatches),
    Rule("BC104", "warning", "Lần viện dẫn đầu không ghi ngày", first_mention_undated),
    Rule("BC105", "warning", "Văn bản căn cứ thiếu số, ký hiệu", unnumbered_bases),
    Rule("BC203", "error", "Số, ký hiệu viết sai dạng", symbol_forms),
)
