"""BC405–BC410: figures a reader can tell are wrong without the source data.

A commune of 141.906.000 people, a share of 101,3%, "312/325 đảng viên, đạt
104,2%", a table whose total row is not the sum of its rows, "1,250" in a report
that writes thousands "1.250", "1.250 triệu đồng, trong đó 1.480 triệu đồng".
Numbers are read in the vi-VN form (format-rules.md §14): "." groups thousands,
"," marks decimals.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..i18n import _
from .context import Context, TextUnit
from .rule import Finding, Rule

__all__ = ["RULES", "read_number"]

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


def read_number(text: str) -> float | None:
    """ "1.250" → 1250, "96,2" → 96.2, "12" → 12; None for anything else."""
    text = text.strip()
    if not re.fullmatch(_NUM, text):
        return None
    return float(text.replace(".", "").replace(",", "."))


def _format(value: float) -> str:
    whole = f"{round(value):,}".replace(",", ".")
    return whole if value == int(value) else f"{value:.1f}".replace(".", ",")


_COMMUNE = re.compile(r"\b(?:XÃ|PHƯỜNG|THỊ TRẤN|THÔN|CHI BỘ|ĐẶC KHU)\b")
_POPULATION = re.compile(
    rf"dân số(?:\s+(?:là|toàn xã|của xã|khoảng|có))?\s+({_NUM})\s+(?:người|nhân khẩu)",
    re.IGNORECASE,
)
_AREA = re.compile(
    rf"diện tích(?:\s+tự nhiên)?(?:\s+(?:là|khoảng))?\s+({_NUM})\s*(km²|km2|ha)\b", re.IGNORECASE
)
_LIMITS = {"commune": (200_000, 1_000.0), "other": (120_000_000, 400_000.0)}
"""Largest plausible population and area (km²) for a commune-level issuer, and for any."""


def _level(ctx: Context) -> str:
    issuer = ctx.document.header.issuer
    name = " ".join(str(getattr(issuer, "name", "") or "").split()).upper()
    return "commune" if _COMMUNE.search(name) else "other"


def out_of_range(ctx: Context) -> Iterator[Finding]:
    """BC405: a population or an area too large for the body that reports it."""
    level = _level(ctx)
    people, area = _LIMITS[level]
    where = _("cấp xã") if level == "commune" else _("một địa phương")
    for unit in ctx.units:
        for m in _POPULATION.finditer(unit.text):
            value = read_number(m[1])
            if value is not None and value > people:
                yield unit.finding(
                    "BC405",
                    m.start(1),
                    _("dân số {n} người không thể có ở {where}").format(n=m[1], where=where),
                    _("kiểm tra lại số liệu (dấu chấm phân cách hàng nghìn)"),
                    len(m[1]) + len(" người"),
                )
        for m in _AREA.finditer(unit.text):
            value = read_number(m[1])
            if value is None:
                continue
            km2 = value / 100 if m[2] == "ha" else value
            if km2 > area:
                yield unit.finding(
                    "BC405",
                    m.start(1),
                    _("diện tích {n} {unit} quá lớn cho {where}").format(
                        n=m[1], unit=m[2], where=where
                    ),
                    _("kiểm tra lại số liệu và đơn vị"),
                    m.end() - m.start(1),
                )


_THOUSANDS_DOT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)")
_THOUSANDS_COMMA = re.compile(r"(?<![\d.,/])\d{1,3},\d{3}(?![\d.,])")
_DECIMAL_DOT = re.compile(
    r"(?<![\d.,/])\d+\.\d{1,2}(?![\d.,/])(?=\s?(?:%|triệu|tỷ|nghìn|ha\b|km|tạ|tấn|kg))"
)


def mixed_separators(ctx: Context) -> Iterator[Finding]:
    """BC406: "1,250" where the report groups thousands "1.250"; a decimal point "96.2%"."""
    dots = any(_THOUSANDS_DOT.search(u.text) for u in ctx.units)
    for unit in ctx.units:
        if dots:
            for m in _THOUSANDS_COMMA.finditer(unit.text):
                yield unit.finding(
                    "BC406",
                    m.start(),
                    _(
                        '"{n}": báo cáo phân cách hàng nghìn bằng dấu chấm, ở đây là dấu phẩy '
                        "(đọc thành số thập phân)"
                    ).format(n=m[0]),
                    m[0].replace(",", "."),
                    len(m[0]),
                )
        for m in _DECIMAL_DOT.finditer(unit.text):
            yield unit.finding(
                "BC406",
                m.start(),
                _(
                    '"{n}": số thập phân viết bằng dấu phẩy ("{fixed}"); '
                    "dấu chấm phân cách hàng nghìn"
                ).format(n=m[0], fixed=m[0].replace(".", ",")),
                m[0].replace(".", ","),
                len(m[0]),
            )


_TOTAL_LABEL = re.compile(r"^\s*(?:tổng cộng|tổng số|tổng|cộng)\b", re.IGNORECASE)


def table_totals(ctx: Context) -> Iterator[Finding]:
    """BC407: a "Tổng cộng" row whose figure is not the sum of the rows above it."""
    tables: dict[tuple[object, ...], dict[int, dict[int, TextUnit]]] = defaultdict(dict)
    for unit in ctx.units:
        loc = unit.loc
        if unit.role == "cell" and len(loc) >= 3 and loc[-3] == "rows":
            r, c = loc[-2], loc[-1]
            assert isinstance(r, int) and isinstance(c, int)
            tables[loc[:-3]].setdefault(r, {})[c] = unit
    for rows in tables.values():
        for r, cells in rows.items():
            if not any(_TOTAL_LABEL.match(u.text) for u in cells.values()):
                continue
            for c, cell in cells.items():
                total = read_number(cell.text)
                if total is None:
                    continue
                values = [
                    read_number(other[c].text) for o, other in rows.items() if o != r and c in other
                ]
                if not values or any(v is None for v in values):
                    continue
                added = sum(v for v in values if v is not None)
                if abs(added - total) > 1e-6:
                    yield cell.finding(
                        "BC407",
                        0,
                        _("dòng tổng ghi {total} nhưng cộng các dòng được {sum}").format(
                            total=cell.text.strip(), sum=_format(added)
                        ),
                        _format(added),
                        len(cell.text),
                    )


_PART_OF = re.compile(
    rf"(?<![\d.,/])(?P<whole>{_NUM})(?!\s?%)\s+(?P<noun>[^\d;:()][^;:()]{{0,59}}?)[,;]?\s+trong đó"
    rf"(?:\s+có)?(?:\s+[^\W\d]+){{0,4}}?\s+(?P<part>{_NUM})(?![\d.,/%])(?!\s?%)"
)


def part_over_whole(ctx: Context) -> Iterator[Finding]:
    """BC408: "38 luồng dư luận, trong đó 41 luồng …": a part larger than the whole in prose."""
    for unit in ctx.units:
        for m in _PART_OF.finditer(unit.text):
            whole, part = read_number(m["whole"]), read_number(m["part"])
            if re.fullmatch(r"\d{1,3},\d{3}", m["whole"]):
                continue  # "1,250": a thousands comma (BC406), not 1,25
            if whole is None or part is None or part <= whole:
                continue
            rest = unit.text[m.end("part") :]
            yield unit.finding(
                "BC408",
                m.start("part"),
                _("{part} lớn hơn tổng số {whole} {noun} nêu ngay trước").format(
                    part=m["part"], whole=m["whole"], noun=m["noun"].strip()
                ),
                _("kiểm tra lại số liệu"),
                len(m["part"])
                + len(rest)
                - len(rest.lstrip())
                + len(re.match(r"\S*", rest.lstrip())[0]),  # type: ignore[index]
            )


_FRACTION = rf"(?P<a>{_NUM})/(?P<b>{_NUM})"
_PERCENT = rf"(?P<p>{_NUM})\s?%"
_FRACTION_THEN_PERCENT = re.compile(
    rf"(?<![\d/.,-]){_FRACTION}(?![\d/])[^;.%]{{0,80}}?đạt\s+{_PERCENT}"
)
_PERCENT_THEN_FRACTION = re.compile(rf"(?<![\d.,]){_PERCENT}\s*\(\s*{_FRACTION}")


def percent_vs_fraction(ctx: Context) -> Iterator[Finding]:
    """BC409: "312/325 đảng viên …, đạt 104,2%": the share does not match the fraction."""
    for unit in ctx.units:
        for pattern in (_FRACTION_THEN_PERCENT, _PERCENT_THEN_FRACTION):
            for m in pattern.finditer(unit.text):
                a, b, p = read_number(m["a"]), read_number(m["b"]), read_number(m["p"])
                if "tỷ lệ" in m[0].casefold():
                    continue  # "12/12 kỳ, tỷ lệ … đạt 94,4%": the share is of something else
                if a is None or not b or p is None or a > b:
                    continue
                share = a / b * 100
                if abs(share - p) <= 0.6:
                    continue
                yield unit.finding(
                    "BC409",
                    m.start("p"),
                    _("{p}% không khớp {a}/{b} (= {share}%)").format(
                        p=m["p"], a=m["a"], b=m["b"], share=_format(round(share, 1))
                    ),
                    _format(round(share, 1)) + "%",
                    m.end("p") - m.start("p") + 1,
                )


_SHARE = re.compile(rf"tỷ lệ[^;:%]{{0,80}}?(?P<p>{_NUM})\s?%", re.IGNORECASE)
_AGAINST = ("kế hoạch", "dự toán", "chỉ tiêu", "mục tiêu", "so với", "cùng kỳ")


def share_over_hundred(ctx: Context) -> Iterator[Finding]:
    """BC410: "tỷ lệ … đạt 101,3%": a rate of a whole cannot exceed 100% even after "đạt"."""
    for unit in ctx.units:
        for m in _SHARE.finditer(unit.text):
            p = read_number(m["p"])
            after = unit.text[m.end() :].lstrip().casefold()
            between = m[0].casefold()
            if (
                p is None
                or p <= 100
                or after.startswith(_AGAINST)
                or any(w in between for w in ("tăng", "giảm", "so với"))
            ):
                continue
            yield unit.finding(
                "BC410",
                m.start("p"),
                _("tỷ lệ {p}% vượt quá 100%").format(p=m["p"]),
                _("kiểm tra lại số liệu"),
                m.end() - m.start("p"),
            )


RULES = (
    Rule("BC405", "error", "Dân số, diện tích không thể có", out_of_range),
    Rule("BC406", "warning", "Dấu phân cách số không thống nhất", mixed_separators),
    Rule("BC407", "error", "Dòng tổng cộng không khớp", table_totals),
    Rule("BC408", "warning", "Phần lớn hơn tổng trong câu", part_over_whole),
    Rule("BC409", "warning", "Tỷ lệ không khớp phân số", percent_vs_fraction),
    Rule("BC410", "warning", "Tỷ lệ trên 100%", share_over_hundred),
)
