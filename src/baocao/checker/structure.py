"""BC8xx: the parts every report needs, and numbering that cannot go wrong by hand.

A report is signed (Hướng dẫn 36-HD/VPTW §1.7; NĐ 30/2020 Phụ lục I) and ends
its Nơi nhận with the "Lưu" line (format-rules.md §7, §12). Headings are
numbered by the scheme, so what goes wrong in data is a title that carries its
own number ("1. Kết quả" printed "1. 1. Kết quả") and paragraphs numbered by hand
out of sequence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..model import NumberedList, Paragraph, Section
from ..model.numbering import VI_ALPHABET
from .context import Context
from .paths import Loc
from .rule import Finding, Rule

__all__ = ["RULES"]

_OWN_NUMBER = re.compile(r"^\s*(?P<label>[IVXLCDM]+|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)-]\s+(?=\S)")
_HAND_NUMBER = re.compile(r"^\s*(?P<label>\d{1,3}|[a-zđ])[.)]\s+(?=\S)")


def missing_signer(ctx: Context) -> Iterator[Finding]:
    """BC801: nobody signs the report."""
    if not ctx.document.all_signers:
        yield Finding(
            "BC801",
            ("signer",),
            "báo cáo không có người ký",
            "thêm signer: {title: …, name: …} (và authority/on_behalf nếu ký thay mặt)",
        )


def signer_without_title(ctx: Context) -> Iterator[Finding]:
    """BC802: a signer with only a name: no "T/M …", no title line above the signature."""
    s = ctx.document.signer
    if s is not None and s.authority is None and not s.title:
        yield Finding(
            "BC802",
            ("signer",),
            f"người ký {s.name} không có chức vụ hoặc thẩm quyền ký",
            "thêm title (ví dụ: TRƯỞNG BAN) hoặc authority và on_behalf (T/M BAN THƯỜNG VỤ)",
        )


def missing_recipients(ctx: Context) -> Iterator[Finding]:
    """BC803: no Nơi nhận at all."""
    if ctx.document.recipients is None:
        yield Finding(
            "BC803",
            ("recipients",),
            "báo cáo không có nơi nhận",
            "thêm recipients: {items: […], archive: …}",
        )


def missing_archive(ctx: Context) -> Iterator[Finding]:
    """BC804: Nơi nhận without its "Lưu" line, or with it not last."""
    r = ctx.document.recipients
    if r is None or (r.archive and r.archive.strip()):
        return
    lưu = [i for i, item in enumerate(r.items) if item.name.casefold().startswith("lưu")]
    form = "Lưu Văn phòng …" if ctx.family == "dang" else "Lưu: VT, …"
    if not lưu:
        yield Finding(
            "BC804",
            ("recipients",),
            'nơi nhận thiếu dòng "Lưu" (nơi lưu văn bản)',
            f'thêm archive (in thành "- {form}.")',
        )
    elif lưu[-1] != len(r.items) - 1:
        yield Finding(
            "BC804",
            ("recipients", "items", lưu[-1]),
            'dòng "Lưu" phải là dòng cuối của nơi nhận',
            "chuyển nội dung dòng này sang archive",
        )


def _sections(sections: Sequence[Section], loc: Loc) -> Iterator[tuple[Loc, Section]]:
    for i, s in enumerate(sections):
        here = (*loc, "sections", i)
        yield here, s
        yield from _sections(s.sections, here)


def empty_parts(ctx: Context) -> Iterator[Finding]:
    """BC805: a heading with nothing under it, or a paragraph with no text."""
    for loc, s in _sections(ctx.document.sections, ()):
        if not s.title.strip():
            yield Finding("BC805", (*loc, "title"), "mục không có tiêu đề", "viết tiêu đề cho mục")
        elif not s.blocks and not s.sections and s.run_in is None:
            yield Finding(
                "BC805",
                (*loc, "title"),
                f'mục "{s.title}" không có nội dung',
                "viết nội dung cho mục hoặc bỏ mục",
            )
    for unit in ctx.units:
        if unit.role in ("paragraph", "bullet", "numbered", "preamble") and not unit.text.strip():
            yield unit.finding("BC805", 0, "đoạn văn trống", "bỏ đoạn trống")


def own_numbers(ctx: Context) -> Iterator[Finding]:
    """BC806: a heading or numbered item whose text starts with a number of its own."""
    for unit in ctx.units:
        if unit.role not in ("heading", "numbered"):
            continue
        m = _OWN_NUMBER.match(unit.text)
        if m:
            yield unit.finding(
                "BC806",
                0,
                f'"{unit.text[: m.end()].strip()}" được đánh số tự động; số gõ tay sẽ in '
                "thành hai số",
                unit.text[m.end() :],
            )


def _label_index(label: str) -> int:
    """1-based position of a hand-written label: "3" → 3, "c" → 3 (Vietnamese order)."""
    return int(label) if label.isdigit() else VI_ALPHABET.index(label) + 1


def _label(digit: bool, n: int) -> str:
    return VI_ALPHABET[n - 1] if not digit and n <= len(VI_ALPHABET) else str(n)


def _sequence(blocks: Sequence[object], loc: Loc) -> Iterator[Finding]:
    """Hand-numbered paragraphs run 1, 2, 3 (a, b, c, d, đ); numbered lists continue."""
    expected: tuple[bool, int] | None = None
    list_next = 1
    for i, b in enumerate(blocks):
        here = (*loc, "blocks", i)
        if isinstance(b, NumberedList):
            if b.start not in (1, list_next):
                yield Finding(
                    "BC807",
                    here,
                    f"danh sách đánh số bắt đầu từ {b.start}",
                    f"start: {list_next}" if list_next != 1 else "bỏ start (bắt đầu từ 1)",
                )
            list_next = b.start + len(b.items)
            continue
        m = _HAND_NUMBER.match(b.text) if isinstance(b, Paragraph) else None
        if m is None or not isinstance(b, Paragraph):
            expected = None
            continue
        digit, n = m["label"].isdigit(), _label_index(m["label"])
        if expected is not None and expected[0] == digit and n != expected[1]:
            want = _label(digit, expected[1])
            yield Finding(
                "BC807",
                here,
                f'đoạn đánh số tay "{m["label"]}" không theo thứ tự (cần "{want}")',
                f"{want}{b.text[m.end('label')]}",
            )
        expected = (digit, n + 1)


def numbering_sequence(ctx: Context) -> Iterator[Finding]:
    """BC807: hand numbering that skips or repeats, and numbered lists restarting oddly."""
    yield from _sequence(ctx.document.preamble, ("preamble",))
    for loc, s in _sections(ctx.document.sections, ()):
        yield from _sequence(s.blocks, loc)


RULES = (
    Rule("BC801", "error", "Thiếu người ký", missing_signer),
    Rule("BC802", "warning", "Người ký thiếu chức vụ", signer_without_title),
    Rule("BC803", "warning", "Thiếu nơi nhận", missing_recipients),
    Rule("BC804", "warning", 'Nơi nhận thiếu dòng "Lưu"', missing_archive),
    Rule("BC805", "warning", "Mục hoặc đoạn trống", empty_parts),
    Rule("BC806", "error", "Tiêu đề tự ghi số", own_numbers),
    Rule("BC807", "warning", "Đánh số không theo thứ tự", numbering_sequence),
)
