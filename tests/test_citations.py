"""Cited documents: exact round-trip of every citation form, in isolation and in running text."""

from __future__ import annotations

import datetime
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from baocao.errors import CitationError
from baocao.model.citations import ABOUT_CONNECTORS, KINDS, Citation, find_citations
from baocao.model.symbols import STATE_TYPE_CODES, DocumentSymbol

pytestmark = pytest.mark.usefixtures("english")  # these tests assert the English messages


SEED_TEXT = Path(__file__).resolve().parent / "data" / "seed-report.txt"
EXPECTED = 'expected "<kind> số <number>[-<type>/<issuer>][, ngày d/m/yyyy][ của <issuer>][ về …]"'

# Every citation in the seed report, as written there, with how often it occurs
# as a citation (nested ones included). Kept by hand so the round-trip test does
# not rest on find_citations alone.
_ABOUT_02 = (
    "về trách nhiệm, quyền hạn của các đồng chí ủy viên Ban Chấp hành Đảng bộ huyện, "
    "lãnh đạo các phòng, ban, đơn vị và cán bộ, công chức dự, theo dõi, hướng dẫn sinh "
    "hoạt ở các chi bộ thôn, bản"
)
SEED_CITATIONS: dict[str, int] = {
    # The title line breaks after the date, so the title's citation stops there.
    "Quy định số 02-QĐ/HU, ngày 24/9/2018": 1,
    "Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư về tiếp tục đẩy mạnh thực hiện "
    "Chỉ thị số 10-CT/TW của Ban Bí thư khóa X về nâng cao chất lượng sinh hoạt chi bộ "
    "trong tình hình mới": 1,
    "Chỉ thị số 10-CT/TW của Ban Bí thư khóa X về nâng cao chất lượng sinh hoạt chi bộ "
    "trong tình hình mới": 1,
    "Kế hoạch số 135-KH/TU, ngày 06/3/2018 của Ban Thường vụ Tỉnh ủy": 2,
    "Kế hoạch số 158-KH/HU, ngày 28/3/2018 của Ban Thường vụ Huyện ủy thực hiện Kết luận "
    "số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư": 3,
    "Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư": 5,
    f"Quy định số 02-QĐ/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy {_ABOUT_02}": 1,
    "Quyết định số 1848-QĐ/HU, ngày 30/12/2022 của Ban Thường vụ Huyện ủy về việc phân "
    "công các Tổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ thôn, bản, Tổ dân phố trên địa "
    "bàn huyện": 1,
    "Công văn số 1027-CV/HU, ngày 27/11/2023 của Ban Thường vụ Huyện ủy về việc báo cáo "
    "kết quả thực hiện Quy định số 02-QĐ/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy": 1,
    "Quy định số 02-QĐ/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy": 1,
    "Hướng dẫn số 03-HD/TU, ngày 08/10/2018 của Ban Thường vụ Tỉnh ủy": 1,
    "Quy định số 03-QĐi/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy": 1,
    "Quy định số 14-QĐi/TU của Ban Thường vụ Tỉnh ủy": 1,
    f"Quy định số 02-QĐi/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy {_ABOUT_02}": 2,
    "Hướng dẫn số 03 của Ban Thường vụ Tỉnh ủy": 1,
    "Hướng dẫn số 03": 1,
    "Quy định số 14 của Tỉnh ủy": 1,
    "Hướng dẫn số 03-HD/TU, ngày 08/10/2018 của Ban Thường vụ Tỉnh ủy về nội dung sinh "
    "hoạt chi bộ": 1,
    "Quy định số 14-QĐi/TU, ngày 08/10/2018 của Ban Thường vụ Tỉnh ủy về tiêu chí đánh giá "
    "chất lượng sinh hoạt cho bộ": 1,
    "Kế hoạch số 251-KH/HU, ngày 30/12/2022 của Ban Thường vụ Huyện ủy về tổ chức mô hình "
    "sinh hoạt chi bộ mẫu năm 2023": 1,
    "Quy định số 02-QĐi/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy": 4,
}


@pytest.fixture(scope="module")
def seed_text() -> str:
    """The seed report's text, from the copy kept in tests/data."""
    return SEED_TEXT.read_text(encoding="utf-8")


# --- the seed -------------------------------------------------------------------


@pytest.mark.parametrize("text", list(SEED_CITATIONS))
def test_seed_citation_strings_round_trip(text: str) -> None:
    """Each citation string of the seed parses and prints back character for character."""
    citation = Citation.parse(text)
    assert str(citation) == text
    assert Citation.parse(str(citation)) == citation


def test_every_citation_found_in_the_seed_round_trips(seed_text: str) -> None:
    """find_citations over the seed yields spans that parse and print back exactly."""
    found = find_citations(seed_text)
    assert found, "the seed cites documents; none were found"
    for start, end, citation in found:
        span = seed_text[start:end]
        assert str(citation) == span
        assert Citation.parse(span) == citation


def test_find_citations_finds_exactly_the_seed_list(seed_text: str) -> None:
    """The citations found in the seed are the hand-kept list, occurrence for occurrence."""
    found = Counter(seed_text[start:end] for start, end, _ in find_citations(seed_text))
    assert found == Counter(SEED_CITATIONS)
    assert sum(found.values()) == 32
    for text in SEED_CITATIONS:
        assert text in seed_text


def test_seed_citation_fields() -> None:
    """Seed citations split into kind, symbol, date, issuer and about as a reader would."""
    kl18 = Citation.parse(
        "Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư về tiếp tục đẩy mạnh thực hiện "
        "Chỉ thị số 10-CT/TW của Ban Bí thư khóa X về nâng cao chất lượng sinh hoạt chi bộ "
        "trong tình hình mới"
    )
    assert kl18.kind == "Kết luận"
    assert kl18.symbol == DocumentSymbol(
        style="dang", number="18", type_code="KL", issuer_code="TW"
    )
    assert kl18.date == datetime.date(2017, 9, 22)
    assert kl18.issuer == "Ban Bí thư"
    assert kl18.about is not None and kl18.about.startswith("về tiếp tục đẩy mạnh")
    assert kl18.comma is None  # the Party habit
    assert kl18.style == "dang"
    assert kl18.short() == "Kết luận số 18-KL/TW"

    kh158 = Citation.parse(
        "Kế hoạch số 158-KH/HU, ngày 28/3/2018 của Ban Thường vụ Huyện ủy thực hiện Kết luận "
        "số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư"
    )
    assert kh158.issuer == "Ban Thường vụ Huyện ủy"
    assert kh158.about == "thực hiện Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư"

    ct10 = Citation.parse("Chỉ thị số 10-CT/TW của Ban Bí thư khóa X")
    assert ct10.issuer == "Ban Bí thư khóa X"
    assert ct10.date is None

    hd03 = Citation.parse("Hướng dẫn số 03 của Ban Thường vụ Tỉnh ủy")
    assert hd03.symbol == DocumentSymbol(style="dang", number="03")
    assert hd03.short() == "Hướng dẫn số 03"

    kh135 = Citation.parse("Kế hoạch số 135-KH/TU, ngày 06/3/2018 của Ban Thường vụ Tỉnh ủy")
    assert kh135.date == datetime.date(2018, 3, 6)
    assert (kh135.day_padded, kh135.month_padded) == (None, None)


def test_hand_built_citation_equals_the_parsed_one() -> None:
    """A citation built from its facts equals the one parsed from its usual text."""
    built = Citation(
        kind="Hướng dẫn",
        symbol="03-HD/TU",
        date=datetime.date(2018, 10, 8),
        issuer="Ban Thường vụ Tỉnh ủy",
    )
    text = "Hướng dẫn số 03-HD/TU, ngày 08/10/2018 của Ban Thường vụ Tỉnh ủy"
    assert str(built) == text
    assert Citation.parse(text) == built


def test_regulation_02_cited_with_two_symbols_both_parse() -> None:
    """The seed's defect — 02-QĐ/HU and 02-QĐi/HU for one regulation — parses both ways."""
    qd = Citation.parse("Quy định số 02-QĐ/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy")
    qdi = Citation.parse("Quy định số 02-QĐi/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy")
    assert qd.symbol is not None and qdi.symbol is not None
    assert qd.symbol != qdi.symbol
    assert (qd.symbol.type_code, qdi.symbol.type_code) == ("QĐ", "QĐi")
    # Same kind, number, issuer and date: a checker can tell it is one document.
    assert (qd.kind, qd.symbol.number, qd.symbol.issuer_code, qd.date, qd.issuer) == (
        qdi.kind,
        qdi.symbol.number,
        qdi.symbol.issuer_code,
        qdi.date,
        qdi.issuer,
    )


def test_seed_defect_is_visible_to_find_citations(seed_text: str) -> None:
    """Both spellings of Regulation 02 turn up when the seed is scanned."""
    codes = {
        str(c.symbol)
        for _, _, c in find_citations(seed_text)
        if c.kind == "Quy định" and c.symbol is not None and c.symbol.number == "02"
    }
    assert codes == {"02-QĐ/HU", "02-QĐi/HU"}


# --- running text -----------------------------------------------------------------


def test_nested_citations_are_found_after_their_parent() -> None:
    """A citation inside another's ``about`` is found too, right after the outer one."""
    text = (
        "Thực hiện Kế hoạch số 158-KH/HU, ngày 28/3/2018 của Ban Thường vụ Huyện ủy thực "
        "hiện Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư; Hướng dẫn số 03."
    )
    found = find_citations(text)
    assert [text[s:e] for s, e, _ in found] == [
        "Kế hoạch số 158-KH/HU, ngày 28/3/2018 của Ban Thường vụ Huyện ủy thực hiện Kết luận "
        "số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư",
        "Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư",
        "Hướng dẫn số 03",
    ]
    outer_start, outer_end, _ = found[0]
    inner_start, inner_end, _ = found[1]
    assert outer_start < inner_start < inner_end == outer_end


def test_issuer_in_running_text_stops_where_the_name_ends() -> None:
    """Without punctuation after it, the issuer stops at the last word of the body's name."""
    text = (
        "tổng kết việc thực hiện Quy định số 02-QĐi/HU, ngày 24/9/2018 của Ban Thường vụ "
        "Huyện ủy một cách kịp thời, nghiêm túc."
    )
    [(start, end, citation)] = find_citations(text)
    assert citation.issuer == "Ban Thường vụ Huyện ủy"
    assert text[end:].startswith(" một cách")
    assert text[start:end] == str(citation)


def test_running_text_edges() -> None:
    """Citations stop at brackets, "và", lowercase owners and line breaks."""
    text = (
        "(theo Hướng dẫn số 03 của Ban Thường vụ Tỉnh ủy); theo Hướng dẫn số 03 và "
        "Quy định số 14 của Tỉnh ủy. Kế hoạch số 5 của các chi bộ; Quy định số 02-QĐ/HU, "
        "ngày 24/9/2018\ncủa Ban Thường vụ Huyện ủy; Nghị quyết 12-NQ/ĐU của Đảng ủy xã Y; "
        "Báo cáo 2023-2024, Kết luận 18; Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Ủy "
        "ban nhân dân tỉnh Sơn La."
    )
    assert [text[s:e] for s, e, _ in find_citations(text)] == [
        "Hướng dẫn số 03 của Ban Thường vụ Tỉnh ủy",
        "Hướng dẫn số 03",
        "Quy định số 14 của Tỉnh ủy",
        "Kế hoạch số 5",
        "Quy định số 02-QĐ/HU, ngày 24/9/2018",
        "Nghị quyết 12-NQ/ĐU của Đảng ủy xã Y",
        "Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh Sơn La",
    ]


def test_about_in_running_text_keeps_inner_punctuation() -> None:
    """An about keeps its commas, numbers like 1.250 and balanced brackets; it ends at ";"."""
    text = (
        "Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn "
        "thư (gồm 1.250 văn bản, hồ sơ); Ban Tổ chức báo cáo."
    )
    [(_, _, citation)] = find_citations(text)
    assert citation.about == "về công tác văn thư (gồm 1.250 văn bản, hồ sơ)"
    assert citation.style == "nha_nuoc"


def test_spans_index_the_nfc_text() -> None:
    """Decomposed (NFD) input is read as NFC; spans index the NFC text."""
    nfc_text = "Theo Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư."
    nfd_text = unicodedata.normalize("NFD", nfc_text)
    [(start, end, citation)] = find_citations(nfd_text)
    assert nfc_text[start:end] == str(citation)
    assert Citation.parse(unicodedata.normalize("NFD", str(citation))) == citation


# --- State forms and date forms -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
        "Báo cáo số 123/BC-UBND",
        "Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh Sơn La về việc "
        "giao chỉ tiêu",
        "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
        "Công văn số 05/BNV-VP ngày 10/02/2024 của Bộ Nội vụ",
        "Thông tư số 01/2011/TT-BNV",
        "Luật số 80/2015/QH13 về ban hành văn bản quy phạm pháp luật",
        "Thông tư liên tịch số 01/2015/TTLT-BTP-BNV",
        "Quyết định số 28/2018/QĐ-TTg ngày 12/7/2018 của Thủ tướng Chính phủ",
    ],
)
def test_state_citations_round_trip(text: str) -> None:
    """State citations (no comma before "ngày", short or long date) print back unchanged."""
    citation = Citation.parse(text)
    assert citation.style == "nha_nuoc"
    assert citation.comma is None
    assert str(citation) == text


def test_state_fields_and_long_date() -> None:
    """The long date form is read as a date and remembered as ``long``."""
    citation = Citation.parse(
        "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư"
    )
    assert citation.date == datetime.date(2020, 3, 5)
    assert citation.date_form == "long"
    assert citation.issuer == "Chính phủ"
    assert citation.about == "về công tác văn thư"
    assert citation.short() == "Nghị định số 30/2020/NĐ-CP"
    assert Citation.parse("Thông tư liên tịch số 01/2015/TTLT-BTP-BNV").kind == "Thông tư liên tịch"
    jan = Citation.parse("Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh")
    assert (jan.date, jan.month_padded) == (datetime.date(2024, 1, 5), None)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Kết luận số 18-KL/TW ngày 22/9/2017 của Ban Bí thư", {"comma": False}),
        ("Nghị định số 30/2020/NĐ-CP, ngày 05/3/2020 của Chính phủ", {"comma": True}),
        ("Kết luận số 18-KL/TW, ngày 22/09/2017", {"month_padded": True}),
        ("Quyết định số 12/QĐ-UBND ngày 05/1/2024", {"month_padded": False}),
        ("Nghị định số 30/2020/NĐ-CP ngày 5/3/2020", {"day_padded": False}),
        ("Quy định số 31-QĐ/TW, ngày 01-10-1997", {"date_form": "dash"}),
        ("Nghị quyết 12-NQ/ĐU", {"with_so": False}),
        ("Kết luận số 18-KL/TW, ngày 22 tháng 9 năm 2017", {"date_form": "long"}),
    ],
)
def test_departures_from_the_usual_form_are_recorded(text: str, fields: dict[str, object]) -> None:
    """Comma, padding, date form and a missing "số" are recorded so the text comes back."""
    citation = Citation.parse(text)
    for name, value in fields.items():
        assert getattr(citation, name) == value
    assert str(citation) == text


def test_about_without_issuer_and_unknown_kind() -> None:
    """An about may follow the symbol directly; an unlisted kind is read before " số "."""
    citation = Citation.parse("Kết luận số 18-KL/TW về tiếp tục đẩy mạnh")
    assert (citation.issuer, citation.about) == (None, "về tiếp tục đẩy mạnh")
    joint = Citation.parse("Quy chế phối hợp số 05-QC/BTCTU-BDVTU")
    assert joint.kind == "Quy chế phối hợp"
    assert joint.symbol is not None and joint.symbol.issuer_code == "BTCTU-BDVTU"


def test_first_connector_ends_the_issuer() -> None:
    """The issuer ends at the first about-connector after "của"; later ones stay in about."""
    citation = Citation.parse(
        "Quy định số 02-QĐ/HU, ngày 24/9/2018 của Ban Thường vụ Huyện ủy " + _ABOUT_02
    )
    assert citation.issuer == "Ban Thường vụ Huyện ủy"
    assert citation.about == _ABOUT_02
    assert "về" in ABOUT_CONNECTORS and "thực hiện" in ABOUT_CONNECTORS


def test_kinds_are_longest_first() -> None:
    """KINDS lists longer kinds before their prefixes ("Thông tư liên tịch" before "Thông tư")."""
    assert KINDS.index("Thông tư liên tịch") < KINDS.index("Thông tư")
    assert KINDS.index("Thông báo kết luận") < KINDS.index("Thông báo")
    assert {"Nghị quyết", "Nghị định", "Kết luận", "Công văn"} <= set(KINDS)


# --- model validation -----------------------------------------------------------------


def test_citations_may_be_given_as_strings() -> None:
    """A YAML list of plain strings validates into citations."""
    adapter = TypeAdapter(list[Citation])
    citations = adapter.validate_python(
        ["Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư", "Báo cáo số 123/BC-UBND"]
    )
    assert [c.short() for c in citations] == ["Kết luận số 18-KL/TW", "Báo cáo số 123/BC-UBND"]
    with pytest.raises(ValidationError, match="cannot read"):
        adapter.validate_python(["Kết luận 18"])


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "Kết luận", "symbol": "-KL/TW"}, "needs its number"),
        ({"kind": "Hướng dẫn", "symbol": "03", "with_so": False}, '"số" may only be left out'),
        ({"kind": "Kết luận", "symbol": "18-KL/TW", "issuer": "  "}, "must not be empty"),
        ({"kind": " ", "symbol": "18-KL/TW"}, "kind must not be empty"),
        ({"kind": "Kết luận", "symbol": "18-KL/TW", "date_form": "iso"}, "date_form"),
    ],
)
def test_inconsistent_citation_fields_are_rejected(fields: dict[str, object], message: str) -> None:
    """A citation built from fields must be one that can be written out."""
    with pytest.raises(ValidationError, match=message):
        Citation.model_validate(fields)


def test_citation_without_symbol_formats() -> None:
    """A hand-built citation without a symbol prints kind, issuer and about."""
    citation = Citation(kind="Điều lệ", issuer="Đảng")
    assert str(citation) == "Điều lệ của Đảng"
    assert citation.short() == "Điều lệ"
    assert citation.style == "dang"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Kết luận 18", '"số" is missing before the bare number'),
        ("Kết luận số 18/KL-", 'cannot read "18/KL-" as a document symbol'),
        ("Kết luận số", '"số" and the document number are missing'),
        ("Kết luận số 18-KL/TW, ngày 31/2/2017", "there is no such date"),
        ("Kết luận số 18-KL/TW, ngày 22/9/17", 'the date after "ngày" must be d/m/yyyy'),
        ("Kết luận số 18-KL/TW của", 'unexpected " của"'),
        ("Kết luận số 18-KL/TW, của Ban Bí thư", 'unexpected ", của Ban Bí thư"'),
        ("Kết luận số 18-KL/TW  của Ban Bí thư", 'unexpected "  của Ban Bí thư"'),
        ("theo Kết luận số 18-KL/TW", '"theo Kết luận" is not a document kind'),
        ("Kết luận số -KL/TW", "is blank; a cited document has one"),
        ("Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư;", 'unexpected ";" at the end'),
        ("18-KL/TW", '"số" and the document number are missing'),
    ],
)
def test_bad_citations_name_the_text_and_the_expected_form(text: str, reason: str) -> None:
    """Unreadable citations raise CitationError quoting the text, the form and the reason."""
    with pytest.raises(CitationError) as raised:
        Citation.parse(text)
    message = str(raised.value)
    assert message.startswith(f'cannot read "{text}" as a citation: {EXPECTED}')
    assert reason in message


# --- round-trip property ------------------------------------------------------------------

_WORDS_CAP = ["Ban", "Thường", "Huyện", "Tỉnh", "Bí", "Ủy", "Sơn", "La", "Đảng", "Bộ", "Nội"]
_ISSUERS = st.sampled_from(
    [
        "Ban Bí thư",
        "Ban Bí thư khóa X",
        "Ban Thường vụ Huyện ủy",
        "Ban Thường vụ Tỉnh ủy",
        "Tỉnh ủy",
        "Chính phủ",
        "Ủy ban nhân dân tỉnh Sơn La",
        "Bộ Nội vụ",
    ]
) | st.lists(st.sampled_from(_WORDS_CAP), min_size=1, max_size=4).map(" ".join)
_ABOUT_WORDS = ["việc", "nâng", "cao", "chất", "lượng", "của", "số", "chi", "bộ", "2023", "và"]


@st.composite
def _about(draw: st.DrawFn) -> str:
    connector = draw(st.sampled_from(ABOUT_CONNECTORS))
    words = draw(st.lists(st.sampled_from(_ABOUT_WORDS), min_size=1, max_size=6))
    joiner = draw(st.sampled_from([" ", ", "]))
    return f"{connector} {joiner.join(words)}"


@st.composite
def _symbols(draw: st.DrawFn) -> DocumentSymbol:
    number = draw(st.text(alphabet="0123456789", min_size=1, max_size=4))
    shape = draw(st.sampled_from(["party", "state", "number_only"]))
    if shape == "party":
        return DocumentSymbol(
            style="dang",
            number=number,
            type_code=draw(st.sampled_from(["KL", "QĐi", "QĐ", "HD", "KH", "CT", "TTr"])),
            issuer_code=draw(st.sampled_from(["TW", "HU", "TU", "ĐU", "BTCTU-BDVTU", "CB3"])),
        )
    if shape == "state":
        return DocumentSymbol(
            style="nha_nuoc",
            number=number,
            year=draw(st.none() | st.integers(1990, 2030)),
            type_code=draw(st.sampled_from(sorted(STATE_TYPE_CODES))),
            issuer_code=draw(st.sampled_from(["CP", "UBND", "TTg", "BNV", "BTP-BNV"])),
        )
    return DocumentSymbol(style="dang", number=number)


@st.composite
def citations(draw: st.DrawFn) -> Citation:
    """Any citation ``parse`` can produce: every optional part and formatting hint."""
    symbol = draw(_symbols())
    fields: dict[str, object] = {"kind": draw(st.sampled_from(KINDS)), "symbol": symbol}
    if not symbol.number_only and draw(st.booleans()):
        fields["with_so"] = False
    date = draw(st.none() | st.dates(datetime.date(1945, 1, 1), datetime.date(2099, 12, 31)))
    if date is not None:
        fields["date"] = date
        fields["date_form"] = draw(st.sampled_from(["short", "long", "dash"]))
        if draw(st.booleans()):
            fields["comma"] = symbol.style != "dang"  # the unusual choice
        if date.day < 10 and draw(st.booleans()):
            fields["day_padded"] = False
        if date.month < 10 and draw(st.booleans()):
            fields["month_padded"] = not date.month < 3
    if draw(st.booleans()):
        fields["issuer"] = draw(_ISSUERS)
    if draw(st.booleans()):
        fields["about"] = draw(_about())
    return Citation.model_validate(fields)


@given(citations())
def test_every_citation_round_trips_through_text(citation: Citation) -> None:
    """``parse(str(c)) == c`` for generated citations of every shape."""
    text = str(citation)
    assert Citation.parse(text) == citation
    assert str(Citation.parse(text)) == text


@given(citations(), st.sampled_from(["; tiếp theo.", ".", "", ")\n"]))
def test_generated_citations_are_found_in_running_text(citation: Citation, after: str) -> None:
    """A citation dropped into a sentence is found with exactly its own span."""
    text = str(citation)
    sentence = f"Thực hiện {text}{after}"
    found = find_citations(sentence)
    assert found[0] == (len("Thực hiện "), len("Thực hiện ") + len(text), citation)


@given(_symbols(), st.sampled_from(KINDS))
def test_short_form_is_a_citation(symbol: DocumentSymbol, kind: str) -> None:
    """``short()`` gives a citation that parses back to the same kind and symbol."""
    short = Citation(kind=kind, symbol=symbol).short()
    again = Citation.parse(short)
    assert (again.kind, again.symbol) == (kind, symbol)
