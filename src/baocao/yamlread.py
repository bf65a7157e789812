"""Reading YAML safely: libyaml's C loader, bounded, with duplicate keys refused.

Why the C loader: report files, format profiles, manifests and the checker's
word lists are all YAML; the pure-Python loader costs a noticeable part of a
one-report CLI run. Both loaders give the same data and the same line marks.

Why the checks (``check_tree``), run on the composed node graph before any
Python object is built: YAML aliases share nodes, so a 322-byte file of nine
nested alias levels is a few dozen nodes that expand to hundreds of millions
everywhere the data is walked (line numbers, validation). The expanded size is
counted in one linear pass over the graph and refused above
``Limits.yaml_nodes``; so are too many alias uses, a nesting deeper than
``Limits.nesting`` and an alias that contains itself. A mapping key given
twice is refused with both lines: YAML keeps the last silently, and a clerk
who typed a field twice meant one of them.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .i18n import _
from .limits import current_limits

__all__ = [
    "ReportLoader",
    "SafeLoader",
    "YamlLimitError",
    "check_tree",
    "checked_lines",
    "line_of",
    "read_document",
    "read_yaml",
]

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class ReportLoader(SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader without YAML's own date parsing, for report files.

    Why: YAML turns ``date: 2025-02-30`` into a Python error before the model
    sees it; read as text, the model refuses it with the field path and line.
    """


ReportLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


class YamlLimitError(yaml.MarkedYAMLError):
    """The YAML is refused before it is built: too large, too deep, or a key given twice."""


def _refuse(problem: str, node: Node) -> YamlLimitError:
    return YamlLimitError(None, None, problem, node.start_mark)


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _duplicate_keys(node: MappingNode) -> None:
    seen: dict[tuple[str, str], Node] = {}
    for key, _value in node.value:
        if not isinstance(key, ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        first = seen.setdefault((key.tag, key.value), key)
        if first is not key:
            raise _refuse(
                _("khóa {key!r} có hai lần, ở dòng {first} và dòng {second}; giữ một").format(
                    key=key.value,
                    first=first.start_mark.line + 1,
                    second=key.start_mark.line + 1,
                ),
                key,
            )


def check_tree(root: Node | None) -> None:
    """Refuse a node graph that is too large once expanded, too deep, cyclic, or has twin keys."""
    if root is None:
        return
    limits = current_limits()
    expanded: dict[int, int] = {}
    """Node id → nodes it stands for once every alias is expanded (itself included)."""
    visiting: set[int] = set()
    aliases = 0
    stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        key = id(node)
        if children_done:
            visiting.discard(key)
            size = 1 + sum(expanded[id(c)] for c in _children(node))
            if size > limits.yaml_nodes:
                raise _refuse(
                    _("YAML quá lớn khi mở các bí danh (alias): hơn {n} nút").format(
                        n=limits.yaml_nodes
                    ),
                    node,
                )
            expanded[key] = size
            continue
        if key in expanded:
            aliases += 1
            if aliases > limits.yaml_aliases:
                raise _refuse(
                    _("YAML dùng bí danh (alias) hơn {n} lần").format(n=limits.yaml_aliases), node
                )
            continue
        if key in visiting:
            raise _refuse(_("bí danh (alias) YAML chứa chính nó"), node)
        if depth > limits.nesting:
            raise _refuse(_("YAML lồng sâu hơn {n} cấp").format(n=limits.nesting), node)
        if isinstance(node, MappingNode):
            _duplicate_keys(node)
        visiting.add(key)
        stack.append((node, depth, True))
        for child in reversed(_children(node)):
            if id(child) in visiting:
                raise _refuse(_("bí danh (alias) YAML chứa chính nó"), child)
            stack.append((child, depth + 1, False))


Path = tuple[str | int, ...]


_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


class _Shared(Exception):
    """A node met twice: an alias is used, so the file is not a tree."""


class _Unbuilt:
    """Stands for data the one walk leaves to PyYAML's constructor."""


_UNBUILT = _Unbuilt()


def checked_lines(root: Node | None) -> dict[Path, int]:
    """``check_tree`` and each field path's 1-based line, in one walk when no node is shared.

    Why: a report file without aliases (nearly all of them) is a tree, so its
    expanded size is its node count and it cannot contain itself; one pre-order
    walk then checks depth and twin keys and records the lines. The first shared
    node sends the file through ``check_tree``'s full count, then the line walk.
    """
    return _walked(root, None)[0] if root is not None else {}


def read_document(loader: Any, root: Node | None) -> tuple[Any, dict[Path, int]]:
    """The data of ``root`` and each path's line, checked as by ``checked_lines``.

    A tree of plain maps, lists and scalars (a report file) is built in the same
    walk: PyYAML's constructor, in Python, visits every node again through its
    generic machinery. Anything else (an alias, a merge key, a tag other than
    map, seq and the scalars, a key that is not a scalar) is built by
    ``loader.construct_document`` as before, so the data is the same either way.
    """
    if root is None:
        return None, {}
    lines, data = _walked(root, loader)
    if data is _UNBUILT:  # lines first: building merges a merge key's pairs into the node
        data = loader.construct_document(root)
    return data, lines


def _walked(root: Node, loader: Any) -> tuple[dict[Path, int], Any]:
    """``_one_walk``, or for a graph with a shared node ``check_tree`` and the line walk."""
    try:
        return _one_walk(root, loader)
    except _Shared:
        check_tree(root)
        return _lines(root), _UNBUILT


def _scalar(loader: Any, node: Node) -> Any:
    return node.value if node.tag == _STR else loader.construct_object(node, deep=True)


def _one_walk(root: Node, loader: Any) -> tuple[dict[Path, int], Any]:
    """Check, record lines and, with a ``loader``, build; ``_UNBUILT`` if not all plain."""
    limits = current_limits()
    lines: dict[Path, int] = {}
    seen: set[int] = set()
    building = loader is not None
    keys = 0  # key nodes count toward the limit as check_tree counts them
    holder: list[Any] = [_UNBUILT]
    stack: list[tuple[Node, Path, Any, Any]] = [(root, (), holder, 0)]
    while stack:
        node, path, parent, key = stack.pop()
        if id(node) in seen:
            raise _Shared
        seen.add(id(node))
        if len(path) >= limits.nesting:
            raise _refuse(_("YAML lồng sâu hơn {n} cấp").format(n=limits.nesting), node)
        lines.setdefault(path, node.start_mark.line + 1)
        value: Any = None
        if isinstance(node, MappingNode):
            _duplicate_keys(node)
            keys += len(node.value)
            building = building and node.tag == _MAP
            value = {}
            children = []
            for k, v in node.value:
                if not isinstance(k, ScalarNode):
                    raise _refuse(_("khóa YAML phải là một giá trị đơn, không phải danh sách"), k)
                sub = (*path, k.value)
                lines[sub] = k.start_mark.line + 1
                building = building and k.tag != _MERGE
                name = _scalar(loader, k) if building else None
                children.append((v, sub, value, name))
            stack.extend(reversed(children))
        elif isinstance(node, SequenceNode):
            building = building and node.tag == _SEQ
            value = [None] * len(node.value)
            stack.extend(
                reversed([(item, (*path, i), value, i) for i, item in enumerate(node.value)])
            )
        elif building:
            value = _scalar(loader, node)
        if building:
            parent[key] = value
    if len(seen) + keys > limits.yaml_nodes:
        raise _refuse(
            _("YAML quá lớn khi mở các bí danh (alias): hơn {n} nút").format(n=limits.yaml_nodes),
            root,
        )
    return lines, holder[0] if building else _UNBUILT


def _lines(root: Node) -> dict[Path, int]:
    """Each field path's line, aliases walked where they are used (after ``check_tree``)."""
    lines: dict[Path, int] = {}

    def walk(n: Node, path: Path) -> None:
        lines.setdefault(path, n.start_mark.line + 1)
        if isinstance(n, MappingNode):
            for k, v in n.value:
                sub = (*path, k.value)
                lines[sub] = k.start_mark.line + 1
                walk(v, sub)
        elif isinstance(n, SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, (*path, i))

    walk(root, ())
    return lines


def line_of(exc: yaml.YAMLError, text: str) -> int | None:
    """The 1-based line a YAML error points at (reader errors give only an offset)."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return int(mark.line) + 1
    position = getattr(exc, "position", None)
    if not isinstance(position, int):
        return None
    character = getattr(exc, "character", None)
    if isinstance(character, int) and text[position : position + 1] != chr(character):
        # libyaml (the C loader) counts bytes of the UTF-8 text, not characters.
        data = text.encode("utf-8")
        return data.count(b"\n", 0, position) + 1
    return text.count("\n", 0, position) + 1


def read_yaml(text: str, loader: type[yaml.SafeLoader] = SafeLoader) -> Any:
    """``yaml.safe_load`` through the fastest safe loader, with ``check_tree`` first."""
    limit = current_limits().input_bytes
    if len(text) > limit:
        raise YamlLimitError(None, None, _("tệp YAML dài hơn {n} ký tự").format(n=limit), None)
    reader = loader(text)
    try:
        node = reader.get_single_node()
        check_tree(node)
        return reader.construct_document(node) if node is not None else None
    finally:
        reader.dispose()
