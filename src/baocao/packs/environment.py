"""The Jinja environment every template renders in: sandboxed, escaping, Vietnamese filters.

Why a sandbox: packs are downloaded from other offices and vendors; a template
must not read files, import modules or reach Python internals
(``{{ ''.__class__.__mro__ }}`` fails). Every refusal is a ``SecurityError``
whose message says "sandbox", so the engine reports it as a sandbox block and
not as a template bug; this holds in draft mode too (a blank must never hide
an escape attempt). Why strict: an undefined variable is a template bug,
reported by name; ``draft=True`` instead prints a visible blank for the clerk
to fill in.
"""

from __future__ import annotations

import builtins
import functools
import operator
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

from jinja2 import BaseLoader, Environment, StrictUndefined, Undefined, nodes
from jinja2.exceptions import SecurityError, TemplateRuntimeError, UndefinedError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range
from jinja2.utils import missing

from ..i18n import _
from ..vi import FILTERS
from .budget import (
    bounded_filter,
    bounded_lipsum,
    budget_filters,
    budgeted_tree,
    check_bits,
    check_call,
    check_format,
    concat,
    sized,
    tick,
)

__all__ = [
    "DRAFT_BLANK",
    "MAX_REPEAT",
    "PYTHON_NAMES",
    "DraftUndefined",
    "SandboxEnvironment",
    "SandboxUndefined",
    "make_environment",
]

DRAFT_BLANK = "……………"
"""What a missing value prints as in draft mode: dots a clerk writes over."""

MAX_REPEAT = 100_000
"""Largest string/list a template may build with ``*`` or ``**`` (the sandbox's range limit)."""

PYTHON_NAMES = frozenset(
    [n for n in dir(builtins) if not n.startswith("_") or n == "__import__"]
    + ["os", "sys", "subprocess", "importlib", "builtins", "io", "pathlib", "shutil"]
) - {"range", "dict", "True", "False", "None"}
"""Names a template may try in order to escape; none exists in the sandbox."""


_MUTABLE_OWNERS = frozenset({"docxtpl", "docx", "lxml"})
"""Packages whose objects in a context are mutable builders (their methods change them)."""


def _mutable_owner(obj: Any) -> bool:
    """Whether ``obj`` is a method of a mutable builder object (see ``_MUTABLE_OWNERS``)."""
    owner = getattr(obj, "__self__", None)
    if owner is None or isinstance(owner, type):
        return False
    return type(owner).__module__.split(".")[0] in _MUTABLE_OWNERS


def _sandbox_hint(name: str | None) -> str | None:
    if name in PYTHON_NAMES:
        return (
            f"{name!r} is not available: templates render in a sandbox "
            "without Python builtins, modules or file access"
        )
    return None


class _SandboxNames(Undefined):
    """An undefined Python builtin (``open``, ``__import__``) fails as a sandbox block."""

    __slots__ = ()

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = missing,
        name: str | None = None,
        exc: type[TemplateRuntimeError] = UndefinedError,
    ) -> None:
        blocked = _sandbox_hint(name) if obj is missing else None
        if blocked:
            hint, exc = blocked, SecurityError
        elif hint is None and isinstance(obj, Mapping) and isinstance(name, str):
            fields = ", ".join(sorted(str(k) for k in obj)) or "none"
            hint = f"no field {name!r} here (the fields are: {fields})"
        super().__init__(hint, obj, name, exc)


class SandboxUndefined(_SandboxNames, StrictUndefined):
    """Strict: any use fails naming the variable; Python names fail as sandbox blocks."""

    __slots__ = ()


class DraftUndefined(_SandboxNames):
    """Missing values print as a dotted blank; sandbox blocks still fail."""

    __slots__ = ()

    def _check(self) -> None:
        if self._undefined_exception is SecurityError:
            self._fail_with_undefined_error()

    def __str__(self) -> str:
        self._check()
        return DRAFT_BLANK

    def __html__(self) -> str:
        return str(self)

    def __iter__(self) -> Any:
        self._check()
        return iter(())

    def __bool__(self) -> bool:
        self._check()
        return False

    def __len__(self) -> int:
        self._check()
        return 0

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name.startswith("_"):
            raise SecurityError(f"access to attribute {name!r} is blocked by the template sandbox")
        self._check()
        return self

    def __getitem__(self, name: Any) -> Any:
        if isinstance(name, str) and name.startswith("_"):
            raise SecurityError(f"access to item {name!r} is blocked by the template sandbox")
        self._check()
        return self

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self._check()
        return self


def _sized(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 1


def _repeat(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int):
        check_bits(abs(left).bit_length() + abs(right).bit_length())
        return left * right
    count = right if isinstance(right, int) else left if isinstance(left, int) else 1
    if count * max(_sized(left), _sized(right)) > MAX_REPEAT:
        raise SecurityError(f"the template sandbox refuses to build more than {MAX_REPEAT} items")
    return operator.mul(left, right)


def _power(left: Any, right: Any) -> Any:
    if isinstance(right, (int, float)) and abs(right) > 64:
        raise SecurityError("the template sandbox refuses exponents larger than 64")
    if isinstance(left, int) and isinstance(right, int) and right > 0:
        check_bits(abs(left).bit_length() * right)
    return operator.pow(left, right)


def _add(left: Any, right: Any) -> Any:
    """``+``: at most doubles a string or list, so its result is checked after."""
    return sized(operator.add(left, right))


def _modulo(left: Any, right: Any) -> Any:
    """``%``: a format string's widths are checked before it is filled."""
    if isinstance(left, str):
        check_format(left, right if isinstance(right, tuple) else [right])
    return sized(_arith(operator.mod, "%")(left, right))


def _arith(op: Callable[[Any, Any], Any], sign: str) -> Callable[[Any, Any], Any]:
    def call(left: Any, right: Any) -> Any:
        try:
            return op(left, right)
        except ZeroDivisionError:
            raise TemplateRuntimeError(f"division by zero in '{sign}'") from None

    return call


class _NoLoader(BaseLoader):
    """Templates cannot load other templates: parts are composed through the manifest."""

    def get_source(self, environment: Environment, template: str) -> NoReturn:
        raise SecurityError(
            f"cannot load {template!r}: {{% import %}}, {{% include %}} and {{% extends %}} "
            "are blocked by the template sandbox; add a part to the manifest's layout instead"
        )


def _sandbox_range(*args: int) -> range:
    try:
        return safe_range(*args)
    except OverflowError as exc:
        raise SecurityError(f"blocked by the template sandbox: {exc}") from None


@functools.lru_cache(maxsize=64)
def _item_first(kind: type) -> frozenset[str] | None:
    """The attribute names of a dict type whose lookups can go to the item first; else None.

    Only a dict whose instances hold no attributes of their own (no instance
    ``__dict__``) and whose attribute lookup is dict's own: for those, a name that
    is not an attribute of the type is never an attribute of the object.
    """
    if not issubclass(kind, dict):
        return None
    own_dict = any("__dict__" in vars(k) for k in kind.__mro__ if k is not object)
    if own_dict or kind.__getattribute__ is not dict.__getattribute__:
        return None
    if hasattr(kind, "__getattr__"):
        return None
    return frozenset(dir(kind))


class SandboxEnvironment(ImmutableSandboxedEnvironment):
    """Immutable sandbox that also bounds what a render costs (``budget``) and names
    division by zero."""

    intercepted_binops = frozenset(["*", "**", "/", "//", "%", "+"])
    default_binop_table = {  # noqa: RUF012 - jinja's own class attribute, copied per instance
        **ImmutableSandboxedEnvironment.default_binop_table,
        "*": _repeat,
        "**": _power,
        "/": _arith(operator.truediv, "/"),
        "//": _arith(operator.floordiv, "//"),
        "%": _modulo,
        "+": _add,
    }
    concat = staticmethod(concat)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters.update(budget_filters())  # what budgeted_tree inserts

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        return budgeted_tree(super()._parse(source, name, filename), self)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Every call from a template: on the clock, and sizes checked before and after."""
        tick()
        if not __self.is_safe_callable(__obj) and _mutable_owner(__obj):
            owner = type(__obj.__self__).__name__
            raise SecurityError(
                _(
                    "mẫu chỉ được đọc dữ liệu, không được thay đổi nó: {owner}.{name}() bị chặn"
                ).format(owner=owner, name=getattr(__obj, "__name__", "?"))
            )
        target = getattr(__obj, "__self__", None)
        if isinstance(target, (str, list, tuple)):
            check_call(getattr(__obj, "__name__", ""), target, args, kwargs)
        return sized(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``line.role`` on a context dict: the item, without Jinja's failed attribute first.

        Jinja looks an attribute up first and, for a dict, takes the item after
        the ``AttributeError``; raising and catching it was ~0.5 µs for each of
        the ~180 lookups of a seed document. For a dict (or a dict subclass
        whose instances hold no attributes of their own) and a name that is not
        one of its type's attributes the answer is the item either way, so it is
        looked up directly; anything else goes Jinja's way, with its checks.
        """
        names = _item_first(type(obj))  # type: ignore[arg-type]  # a class is hashable
        if names is not None and attribute not in names:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def is_safe_callable(self, obj: Any) -> bool:
        """Methods of mutable builders in the context (docxtpl's ``RichText.add``, python-docx,
        lxml) are refused: a template reads its context, it never changes it."""
        return not _mutable_owner(obj) and bool(super().is_safe_callable(obj))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = str(value.__self__)

        def checked(*args: Any, **kwargs: Any) -> str:
            check_format(pattern, [*args, *kwargs.values()])
            return str(sized(wrapped(*args, **kwargs)))

        return checked


def _filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A ``vi`` filter whose bad input names the filter instead of raising from deep inside."""

    @functools.wraps(func)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (TypeError, ValueError) as exc:
            raise TemplateRuntimeError(f"filter {name!r}: {exc}") from None

    return call


def make_environment(*, draft: bool = False) -> SandboxEnvironment:
    """A fresh sandboxed environment with autoescape on and the ``vi`` filters."""
    env = SandboxEnvironment(
        undefined=DraftUndefined if draft else SandboxUndefined,
        autoescape=True,
        loader=_NoLoader(),
    )
    env.filters.update({name: _filter(name, f) for name, f in FILTERS.items()})
    checks = budget_filters()  # registered by the environment; they are the checks themselves
    env.filters.update(
        {name: bounded_filter(name, f) for name, f in env.filters.items() if name not in checks}
    )
    env.globals["range"] = _sandbox_range
    env.globals["lipsum"] = bounded_lipsum
    return env
