"""The end of a report: signer block and recipients (nơi nhận) with the archive line.

Signing forms (format-rules.md §6, §11): Party writes ``T/M``, ``K/T``, ``T/L``,
``Q.``; State writes ``TM.``, ``KT.``, ``TL.``, ``TUQ.``, ``Q.``. The model keeps
one neutral code and each family prints its own form.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from .types import Family, Model, NonEmptyText, Text

__all__ = ["AUTHORITY_FORMS", "Authority", "Recipient", "Recipients", "Signer"]

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

    @model_validator(mode="after")
    def _authority_needs_body(self) -> Signer:
        """T/M, K/T, T/L name the body or head they sign for; Q. names the office."""
        if self.authority in ("TM", "KT", "TL", "TUQ") and not self.on_behalf:
            raise ValueError(f"authority {self.authority} needs on_behalf (the body or head)")
        return self

    def authority_line(self, family: Family) -> str | None:
        """``T/M BAN THƯỜNG VỤ`` (Party) or ``TM. ỦY BAN NHÂN DÂN`` (State)."""
        if self.authority is None:
            return None
        forms = AUTHORITY_FORMS[family]
        if self.authority not in forms:
            raise ValueError(f"{self.authority} is not a signing form of the {family} family")
        if self.authority == "Q":
            return f"Q. {self.title or self.on_behalf or ''}".strip()
        return f"{forms[self.authority]} {self.on_behalf}"

    def lines(self, family: Family) -> list[str]:
        """The capital lines above the signature, without the name."""
        out = []
        auth = self.authority_line(family)
        if auth:
            out.append(auth)
        if self.title and self.authority != "Q":
            out.append(self.title)
        return out


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
    items: list[Recipient] = Field(default_factory=list)
    archive: Text | None = None
    """Party: ``Lưu Ban Tổ chức Huyện ủy.``; State: ``Lưu: VT, TCCB.`` from ``VT, TCCB``."""
    separator: Text | None = None
    """Item ending; ``None`` uses the family's (Party ``,``, State ``;``)."""

    def lines(self, family: Family) -> list[str]:
        """The list lines, each starting ``- ``; the last one ends with a period."""
        sep = self.separator if self.separator is not None else ("," if family == "dang" else ";")
        texts = [str(r) for r in self.items]
        if self.archive:
            texts.append(("Lưu " if family == "dang" else "Lưu: ") + self.archive)
        if not texts:
            return []
        return [f"- {t}{sep}" for t in texts[:-1]] + [f"- {texts[-1]}."]
