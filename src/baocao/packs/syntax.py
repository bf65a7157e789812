"""Jinja syntax of docx tags, checked one tag at a time so every error is reported at once.

Jinja stops at the first syntax error of a template. A Word template is a
sequence of tags spread over paragraphs, so each tag is parsed on its own (a
block opener with a synthetic end), block nesting is checked with a stack, and
the tags that pass are joined into a *skeleton*, one tag per line, that parses
as a whole: its AST is what the variable check walks, and a node's line number
leads back to the tag and its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import Environment, TemplateSyntaxError

from .docxscan import Tag

__all__ = ["BLOCK_ENDS", "LOADER_STATEMENTS", "Skeleton", "TagProblem", "skeleton", "tag_problems"]

BLOCK_ENDS = {
    "for": "endfor",
    "if": "endif",
    "macro": "endmacro",
    "call": "endcall",
    "filter": "endfilter",
    "with": "endwith",
    "autoescape": "endautoescape",
    "raw": "endraw",
    "block": "endblock",
    "set": "endset",
}
"""Statements that open a block, and the tag that closes it."""

_MIDDLES = {"elif": ("if",), "else": ("if", "for")}
_DOCXTPL_STATEMENTS = frozenset(["colspan", "cellbg", "vm", "hm"])
"""docxtpl's own table-cell statements, rewritten before Jinja sees them."""

LOADER_STATEMENTS = frozenset(["import", "from", "include", "extends"])
"""Statements that load another template: blocked by the sandbox."""

_WORD = re.compile(r"^\s*(?:-\s*)?([A-Za-z_]\w*)")


@dataclass(frozen=True)
class TagProblem:
    """Something wrong with one tag: a code, a message, and how serious it is."""

    tag: Tag
    code: str
    message: str
    severity: str = "error"


def _statement(tag: Tag) -> str:
    m = _WORD.match(tag.inner)
    return m.group(1) if m else ""


def _is_block_set(tag: Tag) -> bool:
    return _statement(tag) == "set" and "=" not in tag.inner


def _opens(tag: Tag) -> str | None:
    word = _statement(tag)
    if word == "set":
        return "set" if _is_block_set(tag) else None
    return word if word in BLOCK_ENDS else None


def _syntax_error(env: Environment, tag: Tag) -> str | None:
    """Jinja's message for this tag parsed alone (with a synthetic block around it)."""
    if tag.kind == "{#":
        return None
    code = tag.jinja.replace("\n", " ")
    if tag.kind == "{%":
        word = _statement(tag)
        if word in _DOCXTPL_STATEMENTS or word.startswith("end") or word in LOADER_STATEMENTS:
            return None
        opened = _opens(tag)
        if opened:
            code = f"{code}{{% {BLOCK_ENDS[opened]} %}}"
        elif word in _MIDDLES:
            code = f"{{% if true %}}{code}{{% endif %}}"
    try:
        env.parse(code)
    except TemplateSyntaxError as exc:
        return str(exc.message or exc)
    return None


def _docxtpl_problems(tag: Tag, in_table: bool, others: int) -> list[TagProblem]:
    """Misuses of docxtpl's ``{%p``/``{%tr``/``{%tc`` prefixes that it does not report."""
    out = []
    if tag.prefix in ("tr", "tc") and not in_table:
        out.append(
            TagProblem(
                tag,
                "docxtpl-tag",
                f"{{%{tag.prefix} … %}} must sit inside a table "
                f"{'row' if tag.prefix == 'tr' else 'cell'}",
            )
        )
    if tag.prefix in ("p", "tr", "tc") and re.search(r"[%}]", tag.inner):
        out.append(
            TagProblem(
                tag,
                "docxtpl-tag",
                f"docxtpl cannot strip the {tag.prefix!r} element around a tag "
                "containing '%' or '}'; move that expression to a {% set %}",
            )
        )
    if tag.prefix == "p" and others:
        out.append(
            TagProblem(
                tag,
                "docxtpl-tag",
                "the paragraph holding {%p … %} is replaced by the tag: "
                "the other text in this paragraph is dropped",
            )
        )
    word = _statement(tag)
    if word in ("colspan", "cellbg", "vm", "hm") and not in_table:
        out.append(TagProblem(tag, "docxtpl-tag", f"{{% {word} %}} only works in a table cell"))
    return out


def tag_problems(env: Environment, tag: Tag, *, in_table: bool, others: int) -> list[TagProblem]:
    """Syntax, quoting, splitting and docxtpl-prefix problems of one tag."""
    out = _docxtpl_problems(tag, in_table, others)
    err = _syntax_error(env, tag)
    if err:
        out.append(TagProblem(tag, "syntax", err))
    if _statement(tag) in LOADER_STATEMENTS and tag.kind == "{%":
        out.append(
            TagProblem(
                tag,
                "sandbox",
                f"{{% {_statement(tag)} %}} is blocked by the template sandbox "
                "(templates cannot load files); add a part to the manifest's layout",
            )
        )
    return out


@dataclass(frozen=True)
class Skeleton:
    """The tags that passed, one per line, as one Jinja source."""

    source: str
    tags: tuple[Tag, ...]

    def tag_at(self, lineno: int) -> Tag:
        return self.tags[max(0, min(lineno, len(self.tags)) - 1)]


def skeleton(tags: list[Tag], broken: set[int]) -> tuple[Skeleton, list[TagProblem]]:
    """Check block nesting over ``tags`` (``broken``: indexes that failed) and join the rest."""
    problems: list[TagProblem] = []
    stack: list[tuple[str, int]] = []
    keep: list[bool] = [i not in broken and t.kind != "{#" for i, t in enumerate(tags)]
    for i, tag in enumerate(tags):
        if not keep[i] or tag.kind != "{%":
            continue
        word = _statement(tag)
        opened = _opens(tag)
        if opened:
            stack.append((opened, i))
        elif word in _MIDDLES:
            if not stack or stack[-1][0] not in _MIDDLES[word]:
                problems.append(
                    TagProblem(
                        tag, "syntax", f"{{% {word} %}} outside {' or '.join(_MIDDLES[word])} block"
                    )
                )
                keep[i] = False
        elif word.startswith("end") and word[3:] in BLOCK_ENDS:
            if stack and stack[-1][0] == word[3:]:
                stack.pop()
            else:
                expected = f"{{% {BLOCK_ENDS[stack[-1][0]]} %}}" if stack else "no end tag"
                problems.append(
                    TagProblem(tag, "syntax", f"unexpected {{% {word} %}} (expected {expected})")
                )
                keep[i] = False
    for opened, i in stack:
        problems.append(
            TagProblem(
                tags[i],
                "syntax",
                f"{{% {opened} %}} is never closed (missing {{% {BLOCK_ENDS[opened]} %}})",
            )
        )
        keep[i] = False
    kept = tuple(t for t, k in zip(tags, keep, strict=True) if k)
    # a dropped opener leaves its middles and end orphaned: drop those too
    kept = _balanced(kept)
    source = "\n".join(t.jinja.replace("\n", " ") for t in kept)
    return Skeleton(source, kept), problems


def _balanced(tags: tuple[Tag, ...]) -> tuple[Tag, ...]:
    stack: list[str] = []
    out: list[Tag] = []
    for tag in tags:
        word = _statement(tag) if tag.kind == "{%" else ""
        opened = _opens(tag) if tag.kind == "{%" else None
        if opened:
            stack.append(opened)
        elif word in _MIDDLES and not (stack and stack[-1] in _MIDDLES[word]):
            continue
        elif word.startswith("end") and word[3:] in BLOCK_ENDS:
            if not (stack and stack[-1] == word[3:]):
                continue
            stack.pop()
        out.append(tag)
    return tuple(out)
