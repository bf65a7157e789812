"""Header pieces: draft dates, calendar checks, family of the document symbol."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from baocao.layout.printed import addressee_lines, subject_lines, symbol_line
from baocao.model import Header, IssueDate


def test_issue_date_forms() -> None:
    """Dates come as date objects, ISO strings or drafts with blanks."""
    assert IssueDate.model_validate(dt.date(2024, 1, 5)).as_date() == dt.date(2024, 1, 5)
    draft = IssueDate.model_validate("2023-12-__")
    assert (draft.year, draft.month, draft.day, draft.is_draft) == (2023, 12, None, True)
    assert IssueDate.model_validate("2023").month is None


def test_latest_day_of_a_partial_date() -> None:
    """A draft dated December 2023 may be issued as late as 31/12/2023."""
    assert IssueDate(year=2023, month=12).latest() == dt.date(2023, 12, 31)
    assert IssueDate(year=2024, month=2).latest() == dt.date(2024, 2, 29)
    assert IssueDate(year=2023).latest() == dt.date(2023, 12, 31)


@pytest.mark.parametrize("bad", ["2023-02-30", "2023-13-01", "15/12/2023", "2023-00-10"])
def test_impossible_dates_are_refused(bad: str) -> None:
    """Dates that are not on the calendar or not in the expected form are errors."""
    with pytest.raises(ValidationError):
        IssueDate.model_validate(bad)


def _header(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "family": "dang",
        "issuer": {"parent": "HUYỆN ỦY X", "name": "BAN TỔ CHỨC"},
        "number": "12-BC/BTCHU",
        "place": "X",
        "date": "2023-12-15",
        "subject": "về việc A\nvà việc B",
    }
    base.update(kw)
    return base


def test_header_symbol_and_subject_lines() -> None:
    """The number line prints in Party form; the subject keeps its line breaks."""
    h = Header.model_validate(_header())
    assert h.number is not None and symbol_line(h.number) == "Số 12-BC/BTCHU"
    assert subject_lines(h) == ("về việc A", "và việc B")


def test_symbol_family_must_match() -> None:
    """A State number in a Party header is refused, naming both forms."""
    with pytest.raises(ValidationError, match="văn bản thuộc khối Đảng"):
        Header.model_validate(_header(number="12/BC-UBND"))


def test_addressee_lines_one_and_several() -> None:
    """One addressee shares the Kính gửi line; several go below it, "- …;" and a final "."."""
    one = Header.model_validate(_header(addressees=["Ban Thường vụ Huyện ủy"]))
    assert addressee_lines(one) == ("Kính gửi: Ban Thường vụ Huyện ủy",)
    many = Header.model_validate(_header(addressees=["Ủy ban nhân dân tỉnh", "Bộ Nội vụ"]))
    assert addressee_lines(many) == ("Kính gửi:", "- Ủy ban nhân dân tỉnh;", "- Bộ Nội vụ.")
    assert addressee_lines(Header.model_validate(_header())) == ()


def test_blank_addressee_is_refused() -> None:
    """An empty Kính gửi entry is a mistake, not a blank line."""
    with pytest.raises(ValidationError):
        Header.model_validate(_header(addressees=["  "]))
