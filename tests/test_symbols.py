"""Số và ký hiệu: parsing, printing and the header line, Party and State."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from baocao.errors import CitationError
from baocao.layout.printed import symbol_line
from baocao.model.symbols import STATE_TYPE_CODES, DocumentSymbol

EXPECTED_ANY = 'expected Party "18-KL/TW" or State "12/BC-UBND"'


# --- Party ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "type_code", "issuer_code"),
    [
        ("18-KL/TW", "18", "KL", "TW"),
        ("10-CT/TW", "10", "CT", "TW"),
        ("135-KH/TU", "135", "KH", "TU"),
        ("02-QĐ/HU", "02", "QĐ", "HU"),
        ("02-QĐi/HU", "02", "QĐi", "HU"),
        ("1848-QĐ/HU", "1848", "QĐ", "HU"),
        ("1027-CV/HU", "1027", "CV", "HU"),
        ("12-BC/BTCHU", "12", "BC", "BTCHU"),
        ("05-QC/BTCTU-BDVTU", "05", "QC", "BTCTU-BDVTU"),
        ("05-NQ/ĐU", "05", "NQ", "ĐU"),
        ("07-TTr/ThU", "07", "TTr", "ThU"),
        ("01-NQ/CB3", "01", "NQ", "CB3"),
        ("36-HD/VPTW", "36", "HD", "VPTW"),
    ],
)
def test_party_symbols_parse_into_parts_and_print_back(
    text: str, number: str, type_code: str, issuer_code: str
) -> None:
    """A Party symbol splits into number, type and issuer and prints back unchanged."""
    symbol = DocumentSymbol.parse(text)
    assert symbol.style == "dang"
    assert (symbol.number, symbol.year, symbol.type_code, symbol.issuer_code) == (
        number,
        None,
        type_code,
        issuer_code,
    )
    assert str(symbol) == text
    assert DocumentSymbol.parse(text, "dang") == symbol


def test_party_header_has_no_colon() -> None:
    """The Party "Số" line has no colon: ``Số 12-BC/BTCHU``."""
    assert symbol_line(DocumentSymbol.parse("12-BC/BTCHU")) == "Số 12-BC/BTCHU"
    assert symbol_line(DocumentSymbol.parse("36-HD/VPTW")) == "Số 36-HD/VPTW"


def test_leading_zeros_are_kept_as_written() -> None:
    """Numbers keep their leading zeros: 02 stays 02, 2 stays 2."""
    assert DocumentSymbol.parse("02-QĐi/HU").number == "02"
    assert DocumentSymbol.parse("2-QĐi/HU").number == "2"
    assert str(DocumentSymbol.parse("002-QĐi/HU")) == "002-QĐi/HU"


# --- State ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "year", "type_code", "issuer_code"),
    [
        ("30/2020/NĐ-CP", "30", 2020, "NĐ", "CP"),
        ("12/BC-UBND", "12", None, "BC", "UBND"),
        ("123/BC-UBND", "123", None, "BC", "UBND"),
        ("12/QĐ-UBND", "12", None, "QĐ", "UBND"),
        ("05/BNV-VP", "05", None, None, "BNV-VP"),
        ("1234/UBND-VP", "1234", None, None, "UBND-VP"),
        ("01/2011/TT-BNV", "01", 2011, "TT", "BNV"),
        ("28/2018/QĐ-TTg", "28", 2018, "QĐ", "TTg"),
        ("80/2015/QH13", "80", 2015, None, "QH13"),
        ("01/2015/TTLT-BTP-BNV", "01", 2015, "TTLT", "BTP-BNV"),
        ("15/QyĐ-UBND", "15", None, "QyĐ", "UBND"),
        ("04/TTr-UBND", "04", None, "TTr", "UBND"),
    ],
)
def test_state_symbols_parse_into_parts_and_print_back(
    text: str, number: str, year: int | None, type_code: str | None, issuer_code: str
) -> None:
    """A State symbol splits into number, year, type and issuer and prints back unchanged."""
    symbol = DocumentSymbol.parse(text)
    assert symbol.style == "nha_nuoc"
    assert (symbol.number, symbol.year, symbol.type_code, symbol.issuer_code) == (
        number,
        year,
        type_code,
        issuer_code,
    )
    assert str(symbol) == text
    assert DocumentSymbol.parse(text, "nha_nuoc") == symbol


def test_state_header_has_a_colon() -> None:
    """The State "Số" line has a colon: ``Số: 12/BC-UBND``."""
    assert symbol_line(DocumentSymbol.parse("12/BC-UBND")) == "Số: 12/BC-UBND"
    assert symbol_line(DocumentSymbol.parse("30/2020/NĐ-CP")) == "Số: 30/2020/NĐ-CP"
    assert symbol_line(DocumentSymbol.parse("05/BNV-VP")) == "Số: 05/BNV-VP"


def test_cong_van_has_no_type_code() -> None:
    """A State công văn (05/BNV-VP) has no type code; its issuer keeps both groups."""
    symbol = DocumentSymbol.parse("05/BNV-VP")
    assert symbol.type_code is None
    assert symbol.issuer_code == "BNV-VP"
    built = DocumentSymbol(style="nha_nuoc", number="05", issuer_code="BNV-VP")
    assert built == symbol


# --- number only and drafts -------------------------------------------------


def test_bare_number_is_a_symbol() -> None:
    """A bare number ("Hướng dẫn số 03") is a symbol without codes, Party unless told."""
    symbol = DocumentSymbol.parse("03")
    assert symbol == DocumentSymbol(style="dang", number="03")
    assert symbol.number_only
    assert str(symbol) == "03"
    assert symbol_line(symbol) == "Số 03"
    state = DocumentSymbol.parse("03", "nha_nuoc")
    assert state.style == "nha_nuoc"
    assert symbol_line(state) == "Số: 03"


@pytest.mark.parametrize(
    ("text", "printed", "header", "style"),
    [
        ("-BC/BTCHU", "-BC/BTCHU", "Số    -BC/BTCHU", "dang"),
        ("   -BC/BTCHU", "-BC/BTCHU", "Số    -BC/BTCHU", "dang"),
        ("Số    -BC/BTCHU", "-BC/BTCHU", "Số    -BC/BTCHU", "dang"),
        ("/BC-UBND", "/BC-UBND", "Số:    /BC-UBND", "nha_nuoc"),
        ("   /BC-UBND", "/BC-UBND", "Số:    /BC-UBND", "nha_nuoc"),
        ("Số:    /BC-UBND", "/BC-UBND", "Số:    /BC-UBND", "nha_nuoc"),
    ],
)
def test_drafts_leave_the_number_blank(text: str, printed: str, header: str, style: str) -> None:
    """A draft's blank number parses to None and prints as four spaces in the header."""
    symbol = DocumentSymbol.parse(text)
    assert symbol.number is None
    assert symbol.is_draft
    assert symbol.style == style
    assert str(symbol) == printed
    assert symbol_line(symbol) == header
    assert DocumentSymbol.parse(symbol_line(symbol)) == symbol


def test_header_forms_parse_back() -> None:
    """``parse`` reads the header line itself, with or without the colon."""
    assert DocumentSymbol.parse("Số 12-BC/BTCHU") == DocumentSymbol.parse("12-BC/BTCHU")
    assert DocumentSymbol.parse("Số: 12/BC-UBND") == DocumentSymbol.parse("12/BC-UBND")


# --- validation ---------------------------------------------------------------


def test_whole_symbol_may_be_given_as_a_string() -> None:
    """A model field typed DocumentSymbol accepts ``"12-BC/BTCHU"`` as YAML would give it."""

    class Holder(BaseModel):
        number: DocumentSymbol

    holder = Holder.model_validate({"number": "12-BC/BTCHU"})
    assert holder.number == DocumentSymbol(
        style="dang", number="12", type_code="BC", issuer_code="BTCHU"
    )
    assert DocumentSymbol.model_validate("30/2020/NĐ-CP").year == 2020
    with pytest.raises(ValidationError, match="cannot read"):
        Holder.model_validate({"number": "12 BC BTCHU"})


def test_integer_number_is_zero_padded() -> None:
    """An integer number gets the leading zero numbers below 10 take: 5 → "05"."""
    symbol = DocumentSymbol(style="dang", number=5, type_code="BC", issuer_code="HU")
    assert symbol.number == "05"
    assert str(symbol) == "05-BC/HU"


def test_decomposed_input_is_normalized() -> None:
    """NFD text (typed on a Mac) parses to the same symbol as NFC text."""
    nfd = unicodedata.normalize("NFD", "02-QĐi/HU")
    assert DocumentSymbol.parse(nfd) == DocumentSymbol.parse("02-QĐi/HU")
    nfd_code = unicodedata.normalize("NFD", "05/TTr-UBND")
    assert str(DocumentSymbol.parse(nfd_code)) == "05/TTr-UBND"


@pytest.mark.parametrize(
    ("text", "style", "message"),
    [
        ("18/KL-", None, f'cannot read "18/KL-" as a document symbol; {EXPECTED_ANY}'),
        ("18-KL/", None, f'cannot read "18-KL/" as a document symbol; {EXPECTED_ANY}'),
        ("18-kl/TW", None, f'cannot read "18-kl/TW" as a document symbol; {EXPECTED_ANY}'),
        ("abc", None, f'cannot read "abc" as a document symbol; {EXPECTED_ANY}'),
        ("", None, f'cannot read "" as a document symbol; {EXPECTED_ANY}'),
        ("18 - KL / TW", None, '"18 - KL / TW" không đúng thể thức; viết đúng là "Số 18-KL/TW"'),
        ("12/2020", None, f'cannot read "12/2020" as a document symbol; {EXPECTED_ANY}'),
        ("12a-BC/HU", None, f'cannot read "12a-BC/HU" as a document symbol; {EXPECTED_ANY}'),
        ("18-KL/TW", "nha_nuoc", 'cannot read "18-KL/TW" as a document symbol; expected State'),
        ("12/BC-UBND", "dang", 'cannot read "12/BC-UBND" as a document symbol; expected Party'),
        ("12-BC/BTCHU/HU", None, 'cannot read "12-BC/BTCHU/HU" as a document symbol'),
        ("12/BC--UBND", None, "empty group"),
    ],
)
def test_bad_symbols_name_the_text_and_the_expected_form(
    text: str, style: str | None, message: str
) -> None:
    """Unreadable symbols raise CitationError quoting the text and the expected form."""
    with pytest.raises(CitationError) as raised:
        DocumentSymbol.parse(text, style)  # type: ignore[arg-type]
    assert message in str(raised.value)
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"style": "dang", "type_code": "BC"}, "thiếu mã cơ quan ban hành"),
        ({"style": "dang", "number": "1", "year": 2020, "type_code": "BC", "issuer_code": "HU"},
         "Party symbols carry no year"),
        ({"style": "nha_nuoc", "number": "1", "type_code": "BC"}, "needs an issuer code"),
        ({"style": "dang"}, "needs a number, codes, or both"),
        ({"style": "dang", "number": "1a"}, "number must be digits"),
        ({"style": "nha_nuoc", "number": "1", "year": 20, "issuer_code": "CP"}, "four digits"),
        ({"style": "dang", "number": "1", "type_code": "B/C", "issuer_code": "HU"}, "type code"),
        ({"style": "dang", "number": "1", "year": 2020}, "needs an issuer code"),
    ],
)  # fmt: skip
def test_inconsistent_fields_are_rejected(fields: dict[str, object], message: str) -> None:
    """A symbol built from fields must be a complete symbol of its style."""
    with pytest.raises(ValidationError, match=message):
        DocumentSymbol.model_validate(fields)


# --- round-trip property --------------------------------------------------------

_CAPITALS = "ABCDĐEGHIKLMNOPQRSTUVXYƯ"
_CODE_REST = _CAPITALS + "ihryg0123456789"


def _code_part() -> st.SearchStrategy[str]:
    return st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(_CAPITALS),
        st.text(alphabet=_CODE_REST, max_size=5),
    )


_numbers = st.text(alphabet="0123456789", min_size=1, max_size=5)
_issuers = st.lists(_code_part(), min_size=1, max_size=3).map("-".join)


@st.composite
def symbols(draw: st.DrawFn) -> DocumentSymbol:
    """Any valid symbol: Party, State (typed, công văn, normative), bare number, draft."""
    shape = draw(st.sampled_from(["party", "state", "cong_van", "number_only"]))
    number = draw(st.none() | _numbers) if shape != "number_only" else draw(_numbers)
    if shape == "party":
        return DocumentSymbol(
            style="dang", number=number, type_code=draw(_code_part()), issuer_code=draw(_issuers)
        )
    if shape == "number_only":
        return DocumentSymbol(style=draw(st.sampled_from(["dang", "nha_nuoc"])), number=number)
    year = draw(st.none() | st.integers(1000, 9999))
    if shape == "state":
        type_code = draw(st.sampled_from(sorted(STATE_TYPE_CODES)))
        issuer = draw(_issuers)
    else:
        type_code = None
        # A công văn's first group must not read as a type code.
        issuer = draw(
            _issuers.filter(lambda i: "-" not in i or i.split("-")[0] not in STATE_TYPE_CODES)
        )
    return DocumentSymbol(
        style="nha_nuoc", number=number, year=year, type_code=type_code, issuer_code=issuer
    )


@given(symbols())
def test_every_symbol_round_trips_through_text(symbol: DocumentSymbol) -> None:
    """``parse(str(s))`` and ``parse(s.header())`` give back ``s`` for any valid symbol."""
    assert DocumentSymbol.parse(str(symbol), symbol.style) == symbol
    assert DocumentSymbol.parse(symbol_line(symbol), symbol.style) == symbol
    if not symbol.number_only:
        assert DocumentSymbol.parse(str(symbol)) == symbol
    assert str(DocumentSymbol.parse(str(symbol), symbol.style)) == str(symbol)
