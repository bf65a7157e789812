"""What one render may cost: time, output, and the size of every value a template builds.

Why: a template comes from a pack someone else wrote. Jinja's sandbox stops it
reaching Python, but not from asking for a gigabyte: ``"x"|center(10**9)``,
``"%0999999999d" % 1``, ``s ~ s`` doubled in a loop, ``lipsum(10**6)``, big
integers squared in a loop, or two nested loops of 100,000 turns. Each way is
bounded here, before the work where the size can be known (widths, counts,
``replace`` and ``join``), right after it where a step can at most double a
value (``~``, ``+``), and as a whole: the output of every render and block is
counted as it is joined (``concat``) and the clock is checked at every loop
turn and every call (``tick``). A refusal is a ``SecurityError``, reported as a
sandbox block naming the limit and its environment variable.

The limits are ``baocao.limits.Limits`` (defaults no real report reaches).
"""

from __future__ import annotations

import contextlib
import itertools
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.visitor import NodeTransformer

from ..i18n import _
from ..limits import current_limits
from ..scoped import scoped

__all__ = [
    "SIZED_FILTER",
    "TICK_FILTER",
    "Budget",
    "budget_filters",
    "budgeted_tree",
    "check_call",
    "concat",
    "render_budget",
    "sized",
    "tick",
]


@dataclass(frozen=True)
class Budget:
    """The bounds of the render in progress (seconds as a deadline on the monotonic clock)."""

    deadline: float
    seconds: float
    output_chars: int
    string_chars: int
    integer_bits: int


_BUDGET: ContextVar[Budget | None] = ContextVar("baocao_render_budget", default=None)


def _make(seconds: float | None) -> Budget:
    limits = current_limits()
    span = limits.render_seconds if seconds is None else seconds
    return Budget(
        time.monotonic() + span if math.isfinite(span) else math.inf,
        span,
        limits.output_chars,
        limits.string_chars,
        limits.integer_bits,
    )


def _active() -> Budget:
    found = _BUDGET.get()
    return found if found is not None else _make(math.inf)


def render_budget() -> contextlib.AbstractContextManager[Budget]:
    """Bound the renders inside: ``Limits.render_seconds`` from now, and the sizes."""
    return scoped(_BUDGET, _make(None))


def _refuse(message: str) -> SecurityError:
    return SecurityError(message)


def tick() -> None:
    """Called at every loop turn and every call in a template: stop when time is up."""
    budget = _BUDGET.get()
    if budget is not None and time.monotonic() > budget.deadline:
        raise _refuse(
            _("mẫu chạy quá {n} giây cho một tài liệu (giới hạn BAOCAO_MAX_RENDER_SECONDS)").format(
                n=budget.seconds
            )
        )


def _too_long(n: int, budget: Budget) -> SecurityError:
    return _refuse(
        _(
            "mẫu tạo một chuỗi hoặc danh sách dài {n} phần tử, quá giới hạn {limit} "
            "(BAOCAO_MAX_STRING_CHARS)"
        ).format(n=n, limit=budget.string_chars)
    )


def sized(value: Any) -> Any:
    """``value`` when it is within the string and integer bounds; else refused."""
    if isinstance(value, (str, list, tuple, bytes)):
        budget = _active()
        if len(value) > budget.string_chars:
            raise _too_long(len(value), budget)
    elif isinstance(value, int) and not isinstance(value, bool):
        check_bits(value.bit_length())
    return value


def check_bits(bits: int) -> None:
    """Refuse an integer of ``bits`` bits above ``Limits.integer_bits``."""
    budget = _active()
    if bits > budget.integer_bits:
        raise _refuse(
            _(
                "mẫu tính một số nguyên {bits} bit, quá giới hạn {limit} bit "
                "(BAOCAO_MAX_INTEGER_BITS)"
            ).format(bits=bits, limit=budget.integer_bits)
        )


def check_length(n: int) -> None:
    """Refuse building a string or list of ``n`` items above ``Limits.string_chars``."""
    budget = _active()
    if n > budget.string_chars:
        raise _too_long(n, budget)


_CONCAT_BLOCK = 16
"""Chunks counted at a time (a C-speed sum instead of a Python step per chunk): the
output is bounded to within 16 chunks, each a piece of the template's own text or
one printed, size-checked value."""


def concat(chunks: Iterable[str]) -> str:
    """Jinja's ``concat`` (how every render, macro and block joins its output), counted."""
    limit = _active().output_chars
    out: list[str] = []
    total = 0
    it = iter(chunks)
    while block := list(itertools.islice(it, _CONCAT_BLOCK)):
        total += sum(map(len, block))
        if total > limit:
            raise _refuse(
                _(
                    "mẫu tạo hơn {n} ký tự cho một phần của tài liệu "
                    "(giới hạn BAOCAO_MAX_OUTPUT_CHARS)"
                ).format(n=limit)
            )
        out += block
    tick()
    return "".join(out)


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}:]*:[^{}\d]*(\d+)[^{}]*\}")
_NESTED_SPEC = re.compile(r"\{[^{}:]*:[^{}]*\{")


def check_format(text: str, args: Iterable[Any]) -> None:
    """Refuse a ``%`` or ``str.format`` pattern whose widths build an over-long string."""
    if "%" not in text and "{" not in text:
        return
    numbers = [
        int(g)
        for m in _PERCENT_SPEC.finditer(text)
        for g in m.groups()
        if g is not None and g != "*"
    ]
    numbers += [int(m.group(1)) for m in _BRACE_SPEC.finditer(text)]
    if "*" in text or _NESTED_SPEC.search(text):  # widths given as arguments
        numbers += list(_ints(args))
    for n in numbers:
        check_length(n)


def _ints(args: Iterable[Any]) -> Iterator[int]:
    return (a for a in args if isinstance(a, int) and not isinstance(a, bool))


def check_call(name: str, target: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Before calling a method or filter: refuse widths, counts and results known too big.

    ``name`` is the method or filter name, ``target`` the string or list it works on.
    """
    if not isinstance(target, (str, list, tuple)):
        return
    if name != "format":  # widths and counts; format's numbers are values (check_format)
        for n in _ints([*args, *kwargs.values()]):
            check_length(abs(n))
    if name == "replace" and isinstance(target, str) and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        count = target.count(old) if old else len(target) + 1
        if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
            count = min(count, args[2])
        check_length(len(target) + count * max(len(new) - len(old), 0))
    elif name == "join" and args:
        sep, items = (target, args[0]) if isinstance(target, str) else (args[0], target)
        if isinstance(items, (list, tuple)) and isinstance(sep, str):
            sizes = sum(len(i) if isinstance(i, str) else 20 for i in items)
            check_length(sizes + max(len(items) - 1, 0) * len(sep))
    elif name == "format" and isinstance(target, str):
        check_format(target, [*args, *kwargs.values()])


def bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A Jinja filter checked by ``check_call`` before and ``sized`` after; pass-args kept."""
    import functools

    passes = getattr(func, "jinja_pass_arg", None) is not None

    @functools.wraps(func)
    def call(*args: Any, **kwargs: Any) -> Any:
        values = args[1:] if passes else args
        if values:
            check_call(name, values[0], tuple(values[1:]), kwargs)
        return sized(func(*args, **kwargs))

    return call


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
    """Jinja's ``lipsum``, limited to what a sample page needs (100 paragraphs of 1,000 words)."""
    from jinja2.utils import generate_lorem_ipsum

    if not (0 <= n <= 100 and 0 <= min <= max <= 1000):
        raise _refuse(_("lipsum() chỉ cho tối đa 100 đoạn, mỗi đoạn tối đa 1000 từ"))
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


TICK_FILTER = "_budget_tick"
SIZED_FILTER = "_budget_sized"
"""The budget's checks, reached as filters: a filter is a plain Python call in the
compiled template, where a call node goes through the sandbox's ``call`` (its safety
checks cost more than the tick itself: 70 loop turns made the seed body 40 % slower)."""


def budget_filters() -> dict[str, Callable[..., Any]]:
    """The filters ``budgeted_tree`` inserts; an environment that parses with it has them."""
    return {TICK_FILTER: lambda _value: tick(), SIZED_FILTER: sized}


def _check(name: str, value: nodes.Expr, lineno: int) -> nodes.Filter:
    return nodes.Filter(value, name, [], [], None, None, lineno=lineno)


class _Budgeted(NodeTransformer):
    """Adds a ``tick`` at the top of every loop body and a size check around every ``~``."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        tick_node = _check(TICK_FILTER, nodes.Const(None), node.lineno)
        node.body.insert(0, nodes.ExprStmt(tick_node, lineno=node.lineno))
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _check(SIZED_FILTER, node, node.lineno)


def budgeted_tree(tree: nodes.Template, environment: Any) -> nodes.Template:
    """``tree`` with the budget's checks added (done once, when a template is parsed)."""
    out = _Budgeted().visit(tree)
    assert isinstance(out, nodes.Template)
    out.set_environment(environment)
    return out
