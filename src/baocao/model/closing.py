"""The end of a report: signer block and recipients (nơi nhận) with the archive line.

Signing forms (format-rules.md §6, §11): Party writes ``T/M``, ``K/T``, ``T/L``,
``Q.``; State writes ``TM.``, ``KT.``, ``TL.``, ``TUQ.``, ``Q.``. The model keeps
one neutral code and each family prints its own form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from ..i18n import _
from .types import Family, Model, NonEmptyText, Text

__all__ = [
    "AUTHORITY_FORMS",
    "Authority",
    "Recipient",
    "Recipients",
    "Signer",
    "check_one_signer_form",
    "check_signing_form",
]

Authority = Literal["TM", "KT", "TL", "TUQ", "Q"]
"""Thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền (acting)."""

AUTHORITY_FORMS: dict[Family, dict[str, str]] = {
    "dang": {"TM": "T/M", "KT": "K/T", "TL": "T/L", "Q": "Q."},
    "nha_nuoc": {"TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."},
}


class Signer(Model):
    """Who signs, and in whose name.

    ``T/M BAN THƯỜNG VỤ`` / ``BÍ THƯ`` is ``authority: TM``, ``on_behalf: BAN
    THƯỜNG VỤ``, ``title: BÍ THƯ``; a head signing directly has no authority.
    """

    authority: Authority | None = None
    on_behalf: Text | None = None
    title: Text | None = None
    name: NonEmptyText
    signed: bool = False
    """A copy of a signed report: ``(Đã ký)`` stands where the signature was."""
    digital_signature: Text | None = None
    """The digital-signature line printed under the block (``Ký bởi: … Thời gian: …``)."""
    seal: bool = False
    """``(Đã ký và đóng dấu)`` instead of ``(Đã ký)`` on a copy."""

    @model_validator(mode="after")
    def _authority_needs_body(self) -> Signer:
        """T/M, K/T, T/L name the body or head they sign for; Q. names the office."""
        if self.authority == "TUQ" and not self.on_behalf:
            # Said first, so a Party report is not sent to add on_behalf, then told off.
            raise ValueError(
                _(
                    "ký TUQ (thừa ủy quyền) chỉ có trong văn bản của Nhà nước, và cần on_behalf "
                    "(người đứng đầu ủy quyền); văn bản của Đảng dùng T/M, K/T, T/L"
                )
            )
        if self.authority in ("TM", "KT", "TL") and not self.on_behalf:
            raise ValueError(
                _("ký {authority} cần on_behalf (cơ quan hoặc người đứng đầu được ký thay)").format(
                    authority=self.authority
                )
            )
        return self


def check_signing_form(
    signer: Signer | None, family: Family, title: str, at: tuple[str | int, ...] = ("signer",)
) -> None:
    """Refuse, at load, a signing form the family does not have (Party has no TUQ).

    Raised as a ValidationError located at ``signer.authority`` so the loader
    names the field and its line, instead of the engines failing at print time.
    """
    if signer is None or signer.authority is None or signer.authority in AUTHORITY_FORMS[family]:
        return
    known = ", ".join(AUTHORITY_FORMS[family])
    kind = _("của Đảng") if family == "dang" else _("của Nhà nước")
    error = PydanticCustomError(
        "authority_not_in_family",
        _("văn bản {kind} không có hình thức ký {authority}; dùng một trong: {known}"),
        {"kind": kind, "authority": signer.authority, "known": known},
    )
    detail = InitErrorDetails(type=error, loc=(*at, "authority"), input=signer.authority)
    raise ValidationError.from_exception_data(title, [detail])


def _split_purpose(text: str) -> tuple[str, str] | None:
    """``"name (purpose)"`` → (name, purpose), in one pass.

    The regex it replaces (``^(.*?)\\s*\\((...)\\)\\s*$``) backtracked: a name of
    40,000 spaces took seconds. Same result: the purpose is the last parenthesis
    group, holding no parenthesis, at the end; the name, on one line, before it.
    """
    body = text.rstrip()
    if not body.endswith(")"):
        return None
    start = body.rfind("(")
    purpose = body[start + 1 : -1]
    name = body[:start].rstrip()
    if start < 0 or ")" in purpose or "\n" in name:
        return None
    return name, purpose


class Recipient(Model):
    """One line of the nơi nhận list; ``purpose`` is the suffix such as ``b/c``."""

    name: NonEmptyText
    purpose: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_str(cls, data: Any) -> Any:
        """``"Thường trực Huyện ủy (b/c)"`` reads as name plus purpose."""
        if isinstance(data, str):
            split = _split_purpose(data)
            if split is not None:
                return {"name": split[0], "purpose": split[1]}
            return {"name": data}
        return data

    def __str__(self) -> str:
        return f"{self.name} ({self.purpose})" if self.purpose else self.name


class Recipients(Model):
    """The nơi nhận block; ``archive`` is the Lưu line, printed last."""

    label: NonEmptyText = "Nơi nhận:"
    items: tuple[Recipient, ...] = ()
    archive: Text | None = None
    """Party: ``Lưu Ban Tổ chức Huyện ủy.``; State: ``Lưu: VT, TCCB.`` from ``VT, TCCB``."""
    separator: Text | None = None
    """Item ending; ``None`` uses the family's (Party ``,``, State ``;``)."""
    as_above: bool | None = None
    """``- Như trên;`` first (the Kính gửi addressees); ``None``: when the report has a Kính gửi."""

    def lines(self, family: Family, *, addressed: bool = False) -> list[str]:
        """The list lines, each starting ``- ``; the last one ends with a period.

        ``addressed``: the report has a Kính gửi, so ``Như trên`` leads the list
        (NĐ 30, format-rules.md §12) unless ``as_above`` says otherwise or it is
        already written.
        """
        sep = self.separator if self.separator is not None else ("," if family == "dang" else ";")
        texts = [str(r) for r in self.items]
        as_above = self.as_above if self.as_above is not None else addressed
        written = any(t.strip().casefold().startswith("như trên") for t in texts)
        if as_above and not written:
            texts.insert(0, "Như trên")
        if self.archive:
            texts.append(("Lưu " if family == "dang" else "Lưu: ") + self.archive)
        if not texts:
            return []
        return [f"- {t}{sep}" for t in texts[:-1]] + [f"- {texts[-1]}."]


def check_one_signer_form(signer: Signer | None, signers: Sequence[Signer]) -> None:
    """``signer`` or ``signers``, not both: which of them signs would be unclear."""
    if signer is not None and signers:
        raise ValueError(_("ghi signer hoặc signers, không ghi cả hai"))
