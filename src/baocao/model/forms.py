"""Form rules: what deviates from the official form, decided in one place.

A *form rule* is a departure from the official form that an office really
writes (a number typed ``Số : 07 /BC - CB``, a day ``5`` instead of ``05``,
five stars under the issuer, a tally whose parts do not add up). Each rule is
defined once, here, with a stable code. A model validator that meets one calls
:func:`deviate`, and the *mode* in force decides what happens:

* **strict** (the default, for authoring): a validation error whose type is the
  rule's code, so loading fails with the field path, the code and the line;
* **lenient** (``load(..., lenient=True)``, ``--lenient``): the value is held as
  written and the deviation is recorded on the model object; :func:`deviations`
  collects them with their field path, and the checker reports them with the
  same code.

The mode is a context variable (:func:`lenient_mode`), so it reaches every
nested validator, including the ones that run while a text form is parsed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticCustomError
from typing_extensions import ParamSpec

from ..i18n import _, language
from ..scoped import scoped

if TYPE_CHECKING:
    from .types import Deviating

__all__ = [
    "FORM_RULES",
    "Deviation",
    "FormRule",
    "Loc",
    "deviate",
    "deviations",
    "is_lenient",
    "lenient_mode",
    "remembered",
]

Loc = tuple[str | int, ...]
"""A field path in the input: ``("header", "number")``, ``("results", "sections", 4)``."""


@dataclass(frozen=True)
class FormRule:
    """One departure from the official form: a stable code and a short Vietnamese title."""

    code: str
    title: str
    severity: Literal["error", "warning"] = "error"
    """How the checker reports it in lenient mode (strict mode refuses it either way)."""


FORM_RULES: dict[str, FormRule] = {
    r.code: r
    for r in (
        FormRule("BC901", _("Số và ký hiệu không đúng thể thức")),
        FormRule("BC902", _("Số và ký hiệu viết theo thể thức của khối khác")),
        FormRule("BC903", _("Số và ký hiệu của Đảng thiếu mã cơ quan ban hành")),
        FormRule("BC904", _("Ngày dưới 10, tháng dưới 3 thiếu số 0 đứng trước"), "warning"),
        FormRule("BC905", _("Dấu phân cách dưới tên cơ quan không đúng thể thức"), "warning"),
        FormRule("BC906", _("Các phần của một số liệu không cộng bằng tổng")),
        FormRule("BC907", _("Số phần lớn hơn số tổng")),
        FormRule("BC908", _("Dòng tổng cộng của bảng không bằng tổng các dòng")),
        FormRule("BC909", _("Văn bản viện dẫn có số nhưng không đọc được")),
    )
}
"""Code → form rule; the checker lists them with its own rules (docs/model.md)."""


@dataclass(frozen=True)
class Deviation:
    """A form rule met by a value held as written (lenient mode)."""

    code: str
    message: str
    loc: Loc = ()
    """Field path from the report's root once collected by :func:`deviations`."""
    suggestion: str | None = None


_LENIENT: ContextVar[bool] = ContextVar("baocao_lenient", default=False)


def lenient_mode(on: bool = True) -> AbstractContextManager[bool]:
    """Validate in lenient mode (``on``) or strict mode inside the ``with`` block."""
    return scoped(_LENIENT, on)


_P = ParamSpec("_P")
_T = TypeVar("_T")


def remembered(parse: Callable[_P, _T]) -> Callable[_P, _T]:
    """``parse`` with its results kept per text, arguments, mode and message language.

    Why: a report cites a dozen documents, each read twice (once to tell a
    citation from a free-text basis, once to validate it), and an office's
    reports cite the same documents again and again; reading them was half of
    validating a report. The results are frozen models, safe to share; a text
    that does not parse is read again each time (errors are not kept).
    """
    @functools.lru_cache(maxsize=4096)
    def in_mode(lenient: bool, lang: str, *args: Any, **kwargs: Any) -> _T:
        return parse(*args, **kwargs)

    @functools.wraps(parse)
    def call(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            hash((args, tuple(kwargs.items())))
        except TypeError:  # not a text (a dict, a list): parse says what is wrong
            return parse(*args, **kwargs)
        # The language too: a deviation's message is written when the text is read.
        return in_mode(_LENIENT.get(), language(), *args, **kwargs)  # type: ignore[arg-type]

    return call


def is_lenient() -> bool:
    """True inside :func:`lenient_mode`."""
    return _LENIENT.get()


def deviate(
    model: Deviating,
    code: str,
    message: str,
    *,
    field: str | None = None,
    suggestion: str | None = None,
) -> None:
    """The one place that decides: raise ``code`` (strict) or record it on ``model`` (lenient).

    Call from an ``after`` model validator; ``field`` names the field of
    ``model`` the deviation is about, so both modes report the same path.
    """
    if code not in FORM_RULES:
        raise KeyError(f"unknown form rule {code!r}")
    if not _LENIENT.get():
        ctx: dict[str, Any] = {"field": field} if field else {}
        if suggestion:
            ctx["suggestion"] = suggestion
        raise PydanticCustomError(code, message.replace("{", "{{").replace("}", "}}"), ctx)
    loc: Loc = (field,) if field else ()
    found = Deviation(code, message, loc, suggestion)
    if found not in model._deviations:  # a text form's validators run again on its parse
        model._deviations = (*model._deviations, found)


def deviations(model: BaseModel, loc: Loc = ()) -> tuple[Deviation, ...]:
    """Every deviation held in ``model`` and below it, with its full field path, in field order."""
    out: list[Deviation] = []
    own = getattr(model, "_deviations", ())
    out.extend(Deviation(d.code, d.message, (*loc, *d.loc), d.suggestion) for d in own)
    for name in type(model).model_fields:
        out.extend(_walk(getattr(model, name), (*loc, name)))
    return tuple(out)


def _walk(value: Any, loc: Loc) -> Iterator[Deviation]:
    if isinstance(value, BaseModel):
        yield from deviations(value, loc)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(item, (*loc, i))
