"""Signer forms per family and the recipients block with its archive line."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from baocao.layout.printed import authority_line, signer_lines
from baocao.model import Recipients, Signer


def test_party_and_state_signing_forms() -> None:
    """T/M is written with a slash for the Party and as TM. for the State."""
    s = Signer(authority="TM", on_behalf="BAN THƯỜNG VỤ", title="BÍ THƯ", name="Nguyễn Văn A")
    assert list(signer_lines(s, "dang")) == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]
    assert authority_line(s, "nha_nuoc") == "TM. BAN THƯỜNG VỤ"


def test_direct_signature_has_only_the_title() -> None:
    """A head signing directly prints just the title."""
    assert list(signer_lines(Signer(title="TRƯỞNG BAN", name="Trương Xuân Việt"), "dang")) == [
        "TRƯỞNG BAN"
    ]


def test_authority_needs_a_body() -> None:
    """K/T without naming the head signed for is refused."""
    with pytest.raises(ValidationError, match="on_behalf"):
        Signer(authority="KT", title="PHÓ TRƯỞNG BAN", name="A")


def test_tuq_is_not_a_party_form() -> None:
    """The Party has no T/UQ; asking for it is an error."""
    s = Signer(authority="TUQ", on_behalf="GIÁM ĐỐC", title="TRƯỞNG PHÒNG", name="A")
    with pytest.raises(ValueError, match="not a signing form"):
        list(signer_lines(s, "dang"))


def test_recipients_lines_party_and_state() -> None:
    """Items end with the family's separator; the archive line is last with a period."""
    r = Recipients.model_validate(
        {"items": ["Thường trực Huyện ủy (b/c)", "Đảng ủy các xã, thị trấn"], "archive": "VT, VP"}
    )
    assert r.items[0].purpose == "b/c"
    assert r.lines("dang") == [
        "- Thường trực Huyện ủy (b/c),",
        "- Đảng ủy các xã, thị trấn,",
        "- Lưu VT, VP.",
    ]
    assert r.lines("nha_nuoc")[-1] == "- Lưu: VT, VP."
    assert r.lines("nha_nuoc")[0].endswith(";")
