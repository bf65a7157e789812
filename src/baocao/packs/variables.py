"""Which variables a template uses, checked against the context a real report produces.

The context is not described by a schema but observed: every sample context
(built by the real ``docx_context`` from sample reports) is folded into a
``Shape`` — for a mapping its keys, for a list the shape of its items, else the
sample values themselves. The template's AST is walked with scopes (loop
variables, ``set``, ``with``, macro arguments), so ``line.rich`` inside
``{% for line in body %}`` is checked against the items of ``body``. Names and
attributes the sandbox refuses are reported here too.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, nodes
from jinja2.sandbox import (
    UNSAFE_ASYNC_GENERATOR_ATTRIBUTES,
    UNSAFE_COROUTINE_ATTRIBUTES,
    UNSAFE_FUNCTION_ATTRIBUTES,
    UNSAFE_GENERATOR_ATTRIBUTES,
    UNSAFE_METHOD_ATTRIBUTES,
    modifies_known_mutable,
)

from .environment import PYTHON_NAMES

__all__ = ["LOOP_FIELDS", "Shape", "UseProblem", "check_uses", "shape_of"]

UNSAFE_ATTRIBUTES = (
    UNSAFE_FUNCTION_ATTRIBUTES
    | UNSAFE_METHOD_ATTRIBUTES
    | UNSAFE_GENERATOR_ATTRIBUTES
    | UNSAFE_COROUTINE_ATTRIBUTES
    | UNSAFE_ASYNC_GENERATOR_ATTRIBUTES
    | {"mro"}
)
LOOP_FIELDS = frozenset(
    [
        "index",
        "index0",
        "revindex",
        "revindex0",
        "first",
        "last",
        "length",
        "depth",
        "depth0",
        "previtem",
        "nextitem",
        "cycle",
        "changed",
    ]
)
_SOFT_FILTERS = frozenset(["default", "d"])
_SOFT_TESTS = frozenset(["defined", "undefined"])
_DICT_METHODS = frozenset(["items", "keys", "values", "get"])


@dataclass
class Shape:
    """What a context value looked like across samples."""

    keys: dict[str, Shape] = field(default_factory=dict)
    is_mapping: bool = False
    item: Shape | None = None
    leaves: list[Any] = field(default_factory=list)
    anything: bool = False
    """Unknown (a loop over a computed value, a macro argument): every use is accepted."""

    def add(self, value: Any) -> None:
        if isinstance(value, Mapping):
            self.is_mapping = True
            for k, v in value.items():
                self.keys.setdefault(str(k), Shape()).add(v)
        elif isinstance(value, (list, tuple)):
            self.item = self.item or Shape()
            for v in value:
                self.item.add(v)
        elif len(self.leaves) < 8 and all(type(v) is not type(value) for v in self.leaves):
            self.leaves.append(value)

    @property
    def unknown(self) -> bool:
        """Seen only as None (or never): nothing can be said about its fields."""
        return self.anything or (
            not self.is_mapping and self.item is None and all(v is None for v in self.leaves)
        )

    def has_attribute(self, name: str) -> bool:
        if self.is_mapping and name in _DICT_METHODS:
            return True
        if self.item is not None and hasattr([], name):
            return True
        return any(v is not None and hasattr(v, name) for v in self.leaves)


ANY = Shape(anything=True)
_BLOCKED = Shape(anything=True)
"""What a sandbox-blocked attribute yields: reported once, silent after."""


def shape_of(values: Iterable[Any]) -> Shape:
    """The shape of several sample values (contexts) folded together."""
    shape = Shape()
    for v in values:
        shape.add(v)
    return shape


@dataclass(frozen=True)
class UseProblem:
    """A use the context or the sandbox does not allow, at a skeleton line."""

    lineno: int
    code: str
    message: str


def _unsafe(attr: str) -> bool:
    return attr.startswith("_") or attr in UNSAFE_ATTRIBUTES


class _Walker:
    def __init__(self, env: Environment, root: Shape) -> None:
        self.env = env
        self.root = root
        self.scopes: list[dict[str, Shape]] = [{}]
        self.problems: list[UseProblem] = []

    def report(self, node: nodes.Node, code: str, message: str) -> None:
        self.problems.append(UseProblem(node.lineno, code, message))

    # -- scopes -------------------------------------------------------------
    def lookup(self, name: str) -> Shape | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if name in self.root.keys:
            return self.root.keys[name]
        return None

    def bind(self, target: nodes.Node, shape: Shape) -> None:
        if isinstance(target, nodes.Name):
            self.scopes[-1][target.name] = shape
        elif isinstance(target, (nodes.Tuple, nodes.List)):
            for item in target.items:
                self.bind(item, ANY)

    def nested(self, body: Iterable[nodes.Node], names: Mapping[str, Shape] | None = None) -> None:
        self.scopes.append(dict(names or {}))
        for node in body:
            self.stmt(node)
        self.scopes.pop()

    # -- expressions --------------------------------------------------------
    def expr(self, node: nodes.Node | None, *, soft: bool = False) -> tuple[Shape | None, str]:
        """The shape of an expression and its dotted path; reports unknown names/fields."""
        if node is None:
            return ANY, ""
        if isinstance(node, nodes.Name):
            return self.name(node, soft), node.name
        if isinstance(node, nodes.Getattr):
            return self.field(node, node.node, node.attr, soft)
        if isinstance(node, nodes.Getitem):
            arg = node.arg
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                return self.field(node, node.node, arg.value, soft)
            base, path = self.expr(node.node, soft=soft)
            self.expr(arg)
            if base is None:
                return None, path
            return (base.item if base.item is not None else ANY), f"{path}[…]"
        if isinstance(node, nodes.Filter):
            return self.filter(node), ""
        if isinstance(node, nodes.Test):
            self.test(node)
            return ANY, ""
        if isinstance(node, nodes.Call):
            self.call(node)
            return ANY, ""
        for child in node.iter_child_nodes():
            self.expr(child, soft=soft)
        return ANY, ""

    def name(self, node: nodes.Name, soft: bool) -> Shape | None:
        shape = self.lookup(node.name)
        if shape is not None:
            return shape
        free = self.root.anything and node.name not in PYTHON_NAMES
        if node.name in self.env.globals or node.name == "self" or free:
            return ANY
        if node.name in PYTHON_NAMES:
            self.report(
                node,
                "sandbox",
                f"{node.name!r} is not available in the template "
                "sandbox (no Python builtins, modules or file access)",
            )
        elif not soft:
            close = difflib.get_close_matches(node.name, list(self.root.keys), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            self.report(
                node,
                "unknown-variable",
                f"{node.name!r} is not in the context a report provides{hint}",
            )
        return None

    def field(
        self, node: nodes.Node, base_node: nodes.Node, attr: str, soft: bool
    ) -> tuple[Shape | None, str]:
        base, path = self.expr(base_node, soft=soft)
        full = f"{path}.{attr}" if path else attr
        if base is _BLOCKED:
            return _BLOCKED, full
        if _unsafe(attr):
            where = f"{full!r}: " if path else ""
            self.report(
                node,
                "sandbox",
                f"{where}attribute {attr!r} is blocked by the "
                "template sandbox (Python internals are out of reach)",
            )
            return _BLOCKED, full
        if base is None:
            return None, full
        if attr in base.keys:
            return base.keys[attr], full
        if (base.item is not None and modifies_known_mutable([], attr)) or (
            base.is_mapping and modifies_known_mutable({}, attr)
        ):
            self.report(
                node,
                "sandbox",
                f"{full!r}: templates cannot modify their data "
                f"({attr!r} is blocked by the template sandbox)",
            )
            return _BLOCKED, full
        if base.unknown or base.has_attribute(attr):
            return ANY, full
        if not soft:
            known = sorted(base.keys)
            close = difflib.get_close_matches(attr, known, n=1)
            hint = f"; did you mean {path + '.' if path else ''}{close[0]}?" if close else ""
            listing = f" (it has: {', '.join(known)})" if known and not close else ""
            self.report(
                node,
                "unknown-variable",
                f"{full!r} is not in the context a report provides{hint}{listing}",
            )
        return None, full

    def filter(self, node: nodes.Filter) -> Shape:
        if node.name not in self.env.filters:
            self.report(node, "unknown-filter", f"no filter named {node.name!r}")
        self.expr(node.node, soft=node.name in _SOFT_FILTERS)
        self.args(node)
        return ANY

    def test(self, node: nodes.Test) -> None:
        if node.name not in self.env.tests:
            self.report(node, "unknown-test", f"no test named {node.name!r}")
        self.expr(node.node, soft=node.name in _SOFT_TESTS)
        self.args(node)

    def call(self, node: nodes.Call) -> None:
        self.expr(node.node)
        self.args(node)

    def args(self, node: nodes.Filter | nodes.Test | nodes.Call) -> None:
        for a in node.args:
            self.expr(a)
        for kw in node.kwargs:
            self.expr(kw.value)
        self.expr(node.dyn_args)
        self.expr(node.dyn_kwargs)

    # -- statements ---------------------------------------------------------
    def stmt(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.For):
            self.for_loop(node)
        elif isinstance(node, nodes.If):
            self.expr(node.test)
            self.nested(node.body)
            for elif_ in node.elif_:
                self.stmt(elif_)
            self.nested(node.else_)
        elif isinstance(node, nodes.Assign):
            shape, _ = self.expr(node.node)
            self.bind(node.target, shape or ANY)
        elif isinstance(node, nodes.AssignBlock):
            self.nested(node.body)
            self.bind(node.target, ANY)
        elif isinstance(node, nodes.With):
            names: dict[str, Shape] = {}
            for target, value in zip(node.targets, node.values, strict=False):
                shape, _ = self.expr(value)
                if isinstance(target, nodes.Name):
                    names[target.name] = shape or ANY
            self.nested(node.body, names)
        elif isinstance(node, nodes.Macro):
            self.scopes[-1][node.name] = ANY
            self.nested(node.body, self.arg_names(node.args))
        elif isinstance(node, nodes.CallBlock):
            self.call(node.call)
            self.nested(node.body, self.arg_names(node.args))
        elif isinstance(node, nodes.FilterBlock):
            self.filter(node.filter)
            self.nested(node.body)
        elif isinstance(node, (nodes.Import, nodes.FromImport, nodes.Include, nodes.Extends)):
            pass  # reported per tag by the syntax check
        elif isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child)
        elif isinstance(node, nodes.Expr):
            self.expr(node)
        else:
            for sub in node.iter_child_nodes():
                self.stmt(sub)

    def arg_names(self, args: list[nodes.Name]) -> dict[str, Shape]:
        names = {a.name: ANY for a in args}
        names.update(varargs=ANY, kwargs=ANY, caller=ANY)
        return names

    def for_loop(self, node: nodes.For) -> None:
        shape, _ = self.expr(node.iter)
        item = ANY
        if shape is not None and shape.item is not None and not shape.anything:
            item = shape.item
        self.scopes.append({"loop": Shape(keys={k: ANY for k in LOOP_FIELDS}, is_mapping=True)})
        self.bind(node.target, item)
        if node.test is not None:
            self.expr(node.test)
        for child in node.body:
            self.stmt(child)
        self.scopes.pop()
        self.nested(node.else_)


def check_uses(env: Environment, source: str, context: Shape) -> list[UseProblem]:
    """Unknown variables, filters, tests and sandbox-blocked names in a parsed skeleton."""
    walker = _Walker(env, context)
    for node in _body(env.parse(source)):
        walker.stmt(node)
    return walker.problems


def _body(template: nodes.Template) -> Iterator[nodes.Node]:
    yield from template.body
