"""Citation words and boundaries in running text: document kinds, issuer and about ends.

Split from :mod:`baocao.model.citations` (which reads the citation itself) so
each stays a readable size; these functions look at plain text only.
"""

from __future__ import annotations

import re

__all__ = [
    "ABOUT_CONNECTORS",
    "KINDS",
    "about_end",
    "first_stop",
    "is_kind_phrase",
    "trim_issuer",
]

KINDS: tuple[str, ...] = tuple(
    sorted(
        {
            "Nghị quyết", "Nghị quyết liên tịch", "Nghị định", "Quyết định", "Quy định",
            "Quy chế", "Chỉ thị", "Kết luận", "Thông tri", "Hướng dẫn", "Thông báo",
            "Thông báo kết luận", "Thông cáo", "Báo cáo", "Tờ trình", "Chương trình",
            "Kế hoạch", "Đề án", "Phương án", "Dự án", "Biên bản", "Công văn", "Văn bản",
            "Công điện", "Thông tư", "Thông tư liên tịch", "Luật", "Bộ luật", "Pháp lệnh",
            "Lệnh", "Sắc lệnh", "Hợp đồng", "Bản ghi nhớ", "Bản thỏa thuận", "Giấy mời",
            "Giấy giới thiệu", "Giấy ủy quyền", "Quy hoạch", "Bản sao",
        },
        key=lambda kind: (-len(kind), kind),
    )
)  # fmt: skip
"""Document kinds recognised in running text, longest first so that
"Thông tư liên tịch" wins over "Thông tư"."""

ABOUT_CONNECTORS: tuple[str, ...] = (
    "về",
    "thực hiện",
    "hướng dẫn",
    "quy định",
    "ban hành",
    "phê duyệt",
    "sửa đổi",
    "triển khai",
)
"""Words that end the issuer and start the ``about`` part ("… của Chính phủ về …")."""

_ISSUER_STOP = re.compile(r"[,;.:!?…()\[\]\"“”\n\r\t]")
_ISSUER_WORDS = frozenset(
    {"nhân", "dân", "tỉnh", "huyện", "xã", "phường", "thị", "trấn", "quận", "thành",
     "phố", "khóa", "khoá", "và", "-"}
)  # fmt: skip
_NOT_LAST = frozenset({"khóa", "khoá", "và", "-"})


def is_kind_phrase(kind: str) -> bool:
    """An unknown kind: a capitalised word, then lowercase words ("Quy chế phối hợp")."""
    words = kind.split(" ")
    return words[0][0].isupper() and all(w[0].islower() for w in words[1:])


def first_stop(text: str, start: int) -> int:
    """Where an issuer in running text must end: the next punctuation or line break."""
    stop = _ISSUER_STOP.search(text, start)
    return stop.start() if stop is not None else len(text)


def trim_issuer(region: str) -> str:
    """The issuer at the start of ``region`` when no about-connector follows it.

    Running text goes on after the issuer ("… của Ban Thường vụ Huyện ủy một cách
    kịp thời"), so keep only words that look like a body's name: capitalised
    words, the lowercase syllable right after one ("Huyện ủy", "Bí thư"), and a few
    lowercase words found inside names ("nhân dân", "tỉnh", "khóa", "và"). The
    issuer may not end on "khóa", "và" or "-".
    """
    words = region.split(" ")
    keep = 0
    after_capital = False
    for index, word in enumerate(words):
        if not word:
            break
        capital = word[0].isupper()
        tail = after_capital and (word.isalpha() or word.isdigit())
        if not (capital or tail or word in _ISSUER_WORDS):
            break
        after_capital = capital
        if word not in _NOT_LAST:
            keep = index + 1
    return " ".join(words[:keep])


def about_end(text: str, start: int) -> int:
    """Where an ``about`` in running text ends.

    At ";", ":", "…", "!", "?", a line break, a full stop not followed by a letter
    or digit ("1.250" continues), or a ")" closing a bracket opened before it.
    Trailing spaces and commas are not part of the about.
    """
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char in ";:…!?\n\r":
            return index
        if char == ".":
            following = text[index + 1 : index + 2]
            if not (following and following.isalnum()):
                return index
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return index
            depth -= 1
    return len(text)
