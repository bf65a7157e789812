"""The seed example, rendered as plain text, matches the original report paragraph by paragraph."""

from __future__ import annotations

import re

from baocao.engines.text import render_text

# Normalizations allowed between the original text and our rendering, each listed:
# 1. Paragraphs the original splits across a page break are joined with a space
#    (three places: "Điều lệ / Đảng", "100% các / chi bộ", "báo / cáo").
PAGE_BREAK_SPLITS = [
    ("chế độ sinh hoạt được duy trì theo quy định của Điều lệ", "Đảng, quy chế làm việc"),
    ("chưa thực hiện kiểm tra, giám sát 100% các", "chi bộ trực thuộc đảng bộ"),
    ("Hằng tháng, đảng ủy các xã, thị trấn báo", "cáo (bằng văn bản)"),
]
# 2. The original text lacks the first-page header (issuer, number, motto, place and
#    date): our header paragraphs, everything before "BÁO CÁO", are dropped.
# 3. The original lost the signer's title line; ours ("TRƯỞNG BAN") is dropped.
# 4. The recipients list is one paragraph in both; whitespace at line ends is ignored.


def _paragraphs(text: str) -> list[str]:
    return [re.sub(r"[ \t]+\n", "\n", p.strip()) for p in text.split("\n\n") if p.strip()]


def _join_page_breaks(paras: list[str]) -> list[str]:
    out: list[str] = []
    for p in paras:
        if out and any(out[-1].endswith(a) and p.startswith(b) for a, b in PAGE_BREAK_SPLITS):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def test_seed_text_matches_paragraph_by_paragraph(seed_report, seed_text) -> None:  # type: ignore[no-untyped-def]
    """Every paragraph of the seed comes back, in order, from the example data."""
    expected = _join_page_breaks(_paragraphs(seed_text))
    ours = _paragraphs(render_text(seed_report))
    start = next(i for i, p in enumerate(ours) if p.startswith("BÁO CÁO"))
    ours = ours[start:]
    assert ours[-2] == "TRƯỞNG BAN"
    ours = ours[:-2] + ours[-1:]
    assert len(ours) == len(expected)
    for i, (a, b) in enumerate(zip(ours, expected, strict=True)):
        assert a == b, f"paragraph {i} differs:\n ours: {a[:200]}\n seed: {b[:200]}"


def test_page_break_splits_exist_in_seed(seed_text) -> None:  # type: ignore[no-untyped-def]
    """The normalization list names real places in the seed, so it cannot hide a difference."""
    for a, b in PAGE_BREAK_SPLITS:
        assert f"{a}\n\n{b}" in seed_text


def test_header_paragraphs_come_first(seed_report) -> None:  # type: ignore[no-untyped-def]
    """The dropped header paragraphs are the draft header and the Party motto."""
    ours = _paragraphs(render_text(seed_report))
    assert ours[0].splitlines() == ["HUYỆN ỦY MINH SƠN", "BAN TỔ CHỨC", "*", "Số    -BC/BTCHU"]
    assert ours[1].splitlines() == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Minh Sơn, ngày    tháng 12 năm 2023"]
