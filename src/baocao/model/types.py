"""Reusable constrained types and the base model every report object derives from.

All text is normalized to Unicode NFC on input: a report typed on a Mac (NFD) and
one typed on Windows (NFC) must render and compare identically.
"""

from __future__ import annotations

import contextlib
import unicodedata
from contextvars import ContextVar
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    ModelWrapValidatorHandler,
    PrivateAttr,
    model_validator,
)
from pydantic_core import PydanticCustomError
from typing_extensions import Self

from ..scoped import scoped
from ..xmlchars import forbidden_message

__all__ = [
    "Deviating",
    "Family",
    "Model",
    "NonEmptyText",
    "Text",
    "TextForm",
    "checked_input",
    "nfc",
    "nfc_deep",
    "normalized",
]

Family = Literal["dang", "nha_nuoc"]
"""Document family: ``dang`` (Party, Hướng dẫn 36-HD/VPTW) or ``nha_nuoc`` (State, NĐ 30/2020)."""


def nfc(text: str) -> str:
    """Normalize to NFC so composed and decomposed diacritics compare equal."""
    return unicodedata.normalize("NFC", text)


def nfc_deep(value: Any) -> Any:
    """NFC-normalize every string inside nested dicts, lists and tuples."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {nfc_deep(k): nfc_deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(nfc_deep(v) for v in value)
    return value


class _Normalized(dict[Any, Any]):
    """A dict whose strings, at every depth, are NFC already.

    Why: every model level runs ``_normalize_input`` on its own input; without
    the mark each nested object's text was walked again once per level above it.
    """


def _nfc_marked(value: Any, check: bool = True) -> Any:
    """``nfc_deep`` whose dicts come out marked, so nested models skip the walk.

    ``check``: refuse a string XML cannot hold (``xmlchars``) on the way, in the
    same walk; the loader, which has checked the whole input with paths, says False.
    """
    if isinstance(value, str):
        if check and (message := forbidden_message(value)) is not None:
            raise ValueError(message)
        return nfc(value)
    if isinstance(value, _Normalized):
        return value
    if isinstance(value, dict):
        return _Normalized(
            {_nfc_marked(k, check): _nfc_marked(v, check) for k, v in value.items()}
        )
    if isinstance(value, (list, tuple)):
        return type(value)(_nfc_marked(v, check) for v in value)
    return value


_CHECKED: ContextVar[bool] = ContextVar("baocao_input_checked", default=False)


def normalized(data: Any) -> Any:
    """``data`` in NFC throughout, marked so no model walks it again.

    For input already checked for characters XML forbids (``loading.validate``
    does, to name each one's path and line); a model given it skips its own check.
    """
    return _nfc_marked(data, check=False)


def checked_input() -> contextlib.AbstractContextManager[bool]:
    """Validate, inside, only data that went through :func:`normalized`.

    Why: the before-validators reshape their input (``"text"`` into
    ``{"spans": […]}``), so the nested objects they make are new dicts the mark
    does not cover, and each model walked its own again: over half of
    validating a long report. Inside, models skip the walk: their strings are
    the normalized, checked input or pieces of it, and every text field is NFC
    by its type (``Text``) anyway.
    """
    return scoped(_CHECKED, True)


def _not_blank(text: str) -> str:
    """Reject empty or whitespace-only text: a blank required field is a mistake."""
    if not text.strip():
        raise ValueError("must not be empty")
    return text


Text = Annotated[str, AfterValidator(nfc)]
NonEmptyText = Annotated[str, AfterValidator(nfc), AfterValidator(_not_blank)]


class Model(BaseModel):
    """Base of every report object: unknown fields are errors, strings become NFC."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _normalize_input(cls, data: Any) -> Any:
        """NFC and no forbidden characters, in one walk (marked dicts, checked input skip it)."""
        return data if _CHECKED.get() else _nfc_marked(data)

    def replace(self, **changes: Any) -> Self:
        """A changed copy, validated like input (``model_copy(update=…)`` skips validation).

        ``tally.replace(total=21)`` checks the parts again; a wrong value raises
        ``ValidationError`` naming the field. Unchanged nested objects are reused.
        """
        unknown = set(changes) - set(type(self).model_fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        current = {name: getattr(self, name) for name in type(self).model_fields}
        return type(self).model_validate({**current, **changes})


class Deviating(Model):
    """A model that can hold a deviation from the official form (lenient mode).

    Only the few models that call ``forms.deviate`` carry the private attribute:
    on every model it cost a quarter of validation (pydantic sets private
    attributes up object by object).
    """

    _deviations: tuple[Any, ...] = PrivateAttr(default=())
    """Form rules this object breaks, held as written (see ``model.forms``)."""


class TextForm(Model):
    """A model that has a canonical text form and accepts it as input.

    Subclasses define ``parse(text)``; YAML can then give the whole object as
    one string (``number: "12-BC/BTCHU"``) instead of its fields.
    """

    @classmethod
    def parse(cls, text: str) -> Self:
        raise NotImplementedError(f"{cls.__name__} does not define parse()")

    @model_validator(mode="wrap")
    @classmethod
    def _from_text(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        """Accept the whole object as its text form, read by ``parse``.

        The parsed object is the result as it is: ``parse`` validated its fields
        and ran its validators, in the mode in force; validating its fields again
        was a third of loading a report that cites a dozen documents.
        """
        if not isinstance(data, str):
            return handler(data)
        try:
            return cls.parse(data)
        except ValueError as exc:
            code = getattr(exc, "code", None)
            if code is None:
                raise
            text = str(exc).replace("{", "{{").replace("}", "}}")
            raise PydanticCustomError(code, text) from None
