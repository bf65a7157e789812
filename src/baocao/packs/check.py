"""Static check of a template pack: every problem in every tag, reported at once.

What it looks at, for each .docx the pack renders from (the base and each
layout part, resolved on the search path): the document body, headers,
footers, footnotes, endnotes and document properties. It reports Jinja syntax
errors, tags Word split across runs or paragraphs in ways docxtpl cannot
repair, smart quotes, docxtpl prefixes used where they cannot work, names the
sandbox blocks, and — given sample contexts — variables the context does not
provide. Parts the manifest lists but the search path lacks are reported too.

Rendering a sample and running the conformance checker need the engines, a
layer above this one: ``baocao.testing.check_pack`` adds those steps.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateSyntaxError

from ..errors import TemplateError
from .docxscan import (
    CORE_PROPS_RENDERED,
    TAG_RE,
    UNRENDERED_PARTS,
    DocxPart,
    Tag,
    TextBlock,
    read_parts,
)
from .environment import make_environment
from .issues import Severity, TemplateIssue, errors_only, from_problem, issue_at
from .manifest import MANIFEST_NAME
from .registry import TemplatePack, get_pack
from .syntax import Skeleton, skeleton, tag_problems
from .variables import Shape, check_uses, shape_of

__all__ = [
    "Severity",
    "TemplateIssue",
    "check_files",
    "check_pack",
    "code_issues",
    "errors_only",
    "part_files",
]

_CURLY = "“”‘’"
_FOREIGN_QUOTES = "„‚«»‹›′″"


def _quote_issues(tag: Tag, in_properties: bool) -> list[TemplateIssue]:
    out = []
    foreign = sorted({c for c in tag.inner if c in _FOREIGN_QUOTES})
    if foreign:
        out.append(
            issue_at(
                tag.place,
                "smart-quotes",
                f"{' '.join(foreign)} inside the tag: Jinja reads only straight "
                "quotes (\" and '); retype them",
                tag=tag.raw,
            )
        )
    curly = sorted({c for c in tag.inner if c in _CURLY})
    if curly and in_properties:
        out.append(
            issue_at(
                tag.place,
                "smart-quotes",
                f"{' '.join(curly)} inside a document-property tag: docxtpl does not "
                "straighten quotes there; retype them as \" or '",
                tag=tag.raw,
            )
        )
    elif curly:
        out.append(
            issue_at(
                tag.place,
                "smart-quotes",
                f"smart quotes {' '.join(curly)} inside the tag (Word's AutoFormat); "
                "docxtpl straightens them when rendering, but retype them as \" or ' "
                "so the template reads as it runs",
                "warning",
                tag.raw,
            )
        )
    return out


def _split_issues(block: TextBlock) -> list[TemplateIssue]:
    out = []
    for opened in block.dangling:
        out.append(
            issue_at(
                block.place,
                "split-paragraph",
                f"'{opened}' has no partner in this paragraph: a tag must open and "
                "close in one paragraph (docxtpl would join paragraphs and break "
                "the document)",
            )
        )
    split = [t for t in block.tags if t.pieces > 1]
    if block.patched is None:
        msg = (
            "split across runs in a way docxtpl cannot repair (a hyperlink, field or "
            "tracked change sits between the pieces): retype the tag in one go"
        )
        out.extend(issue_at(block.place, "split-runs", msg, tag=t.raw) for t in split)
        if not split and block.tags:
            out.append(
                issue_at(
                    block.place,
                    "docxtpl-tag",
                    "docxtpl's clean-up of this paragraph breaks its XML",
                )
            )
        return out
    for t in split:
        if t.jinja not in _tags_in(block.patched):
            out.append(
                issue_at(
                    block.place,
                    "split-runs",
                    f"split across {t.pieces} runs in a way docxtpl cannot repair: "
                    "retype the tag in one go",
                    tag=t.raw,
                )
            )
        else:
            out.append(
                issue_at(
                    block.place,
                    "split-runs",
                    f"split across {t.pieces} runs (Word's editing marks); docxtpl "
                    "joins them when rendering, keeping the first run's formatting",
                    "warning",
                    t.raw,
                )
            )
    return out


def _tags_in(xml: str) -> set[str]:
    text = xml.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    out = set()
    for m in TAG_RE.finditer(text):
        raw = re.sub(r"^(\{[{%#])(?:p|r|tr|tc)(?=\s)", r"\1", m.group(0))
        out.add(raw)
    return out


def _block_issues(
    env: Environment, part: DocxPart, block: TextBlock, failed: set[int]
) -> list[TemplateIssue]:
    """Problems of one paragraph; ``failed`` collects ``id()`` of tags with syntax errors."""
    props = part.name == "docProps/core.xml"
    out = _split_issues(block)
    bare = TAG_RE.sub("", block.place.text).strip()
    for tag in block.tags:
        out.extend(_quote_issues(tag, props))
        others = len(block.tags) - 1 + (1 if bare else 0)
        problems = tag_problems(env, tag, in_table=block.in_table, others=others)
        if any(p.code == "syntax" for p in problems):
            failed.add(id(tag))
        out.extend(from_problem(p) for p in problems)
    return out


def _where_rendered(part: DocxPart) -> list[TemplateIssue]:
    out = []
    for block in part.blocks:
        if not block.tags:
            continue
        prop = block.place.part.partition("(")[2].rstrip(")")
        if part.name in UNRENDERED_PARTS or (prop and prop not in CORE_PROPS_RENDERED):
            what = f"the {prop!r} property" if prop else part.name
            out.append(
                issue_at(
                    block.place,
                    "unrendered-part",
                    f"docxtpl does not render {what}: this tag prints as typed",
                    "warning",
                    block.tags[0].raw,
                )
            )
    return out


def _footnote_issues(parts: list[DocxPart]) -> list[TemplateIssue]:
    sections = max((p.sections for p in parts if p.name == "word/document.xml"), default=1)
    if sections < 2:
        return []
    return [
        issue_at(
            b.place,
            "footnote-reevaluation",
            f"docxtpl renders footnotes once per section ({sections} sections here): the "
            "second pass would run report data as template code; keep tags out of footnotes "
            "or use a single section",
            tag=b.tags[0].raw,
        )
        for p in parts
        if p.name == "word/footnotes.xml"
        for b in p.blocks
        if b.tags
    ]


def _groups(part: DocxPart) -> list[list[Tag]]:
    """Tags rendered as one Jinja template: a whole XML part, or one document property."""
    if part.name != "docProps/core.xml":
        return [[t for b in part.blocks for t in b.tags]]
    return [list(b.tags) for b in part.blocks if b.tags]


def _use_issues(
    env: Environment, skel: Skeleton, shapes: Mapping[str, Shape]
) -> list[TemplateIssue]:
    if not skel.tags:
        return []
    found: dict[tuple[int, str, str], list[str]] = {}
    for kind, shape in shapes.items():
        try:
            problems = check_uses(env, skel.source, shape)
        except TemplateSyntaxError as exc:
            tag = skel.tag_at(exc.lineno)
            return [
                issue_at(
                    tag.place, "syntax", f"{exc.message} (with the tags around it)", tag=tag.raw
                )
            ]
        for p in problems:
            found.setdefault((p.lineno, p.code, p.message), []).append(kind)
    out = []
    for (lineno, code, message), kinds in found.items():
        tag = skel.tag_at(lineno)
        if len(kinds) < len(shapes):
            message += f" (in a {', '.join(repr(k) for k in kinds)} report)"
        out.append(issue_at(tag.place, code, message, tag=tag.raw))
    return out


def check_files(
    files: Sequence[tuple[Path, str]],
    contexts: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
) -> list[TemplateIssue]:
    """Check .docx files (path, label); ``contexts`` maps a report kind to sample contexts."""
    env = make_environment()
    shapes = {k: shape_of(v) for k, v in (contexts or {}).items()} or {"": Shape(anything=True)}
    out: list[TemplateIssue] = []
    for path, label in files:
        try:
            parts = read_parts(path, label)
        except TemplateError as exc:  # too large, not a zip, broken XML: already named
            out.append(TemplateIssue("unreadable", str(exc), file=label))
            continue
        except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            out.append(TemplateIssue("unreadable", f"not a readable .docx: {exc}", file=label))
            continue
        found = _footnote_issues(parts)
        for part in parts:
            found.extend(_where_rendered(part))
            failed: set[int] = set()
            for block in part.blocks:
                found.extend(_block_issues(env, part, block, failed))
            for tags in _groups(part):
                broken = {j for j, t in enumerate(tags) if id(t) in failed}
                skel, problems = skeleton(tags, broken)
                found.extend(from_problem(p) for p in problems)
                found.extend(_use_issues(env, skel, shapes))
        order = {name: i for i, name in enumerate(p.name for p in parts)}
        found.sort(key=lambda i: (order.get((i.part or "").split(" ")[0], -1), i.paragraph or 0))
        out.extend(found)
    return out


def part_files(pack: TemplatePack) -> tuple[list[tuple[Path, str]], list[TemplateIssue]]:
    """The files a pack renders from, labelled with their origin, and the missing ones."""
    found: list[tuple[Path, str]] = []
    issues: list[TemplateIssue] = []
    names = [pack.base, *(f"{n}.docx" for n in pack.layout or [])]
    for name in names:
        try:
            located = pack.locate(name)
        except TemplateError as exc:  # a link out of the pack
            issues.append(
                TemplateIssue("outside-pack", str(exc), file=str(pack.path / MANIFEST_NAME))
            )
            continue
        if located is not None:
            path = located[0]
        else:
            where = ", ".join(str(p) for p in pack.search_path())
            what = "base document" if name == pack.base else f"layout part {name[:-5]!r}"
            issues.append(
                TemplateIssue(
                    "missing-part",
                    f"the {what} ({name}) is not on the search path: {where}",
                    file=str(pack.path / MANIFEST_NAME),
                )
            )
            continue
        found.append((path, _label(pack, path)))
    used = {p.resolve() for p, _ in found}
    for own in sorted(pack.path.glob("*.docx")):
        if own.resolve() not in used and not own.name.startswith("~$"):
            issues.append(
                TemplateIssue(
                    "unused-file",
                    f"{own.name} is not the base and not in the layout: it is never rendered",
                    "note",
                    file=_label(pack, own),
                )
            )
    return found, issues


def _label(pack: TemplatePack, path: Path) -> str:
    for p in pack.lineage():
        try:
            rel = path.resolve().relative_to(p.path.resolve())
        except ValueError:
            continue
        return f"{rel.as_posix()} ({p.id})"
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def code_issues(pack: TemplatePack) -> list[TemplateIssue]:
    """What code the pack would run, said plainly; a refused hook is an error."""
    owner = pack.hook_owner()
    if owner is None:
        return []
    manifest = str(owner.path / MANIFEST_NAME)
    refusal = pack.hook_refusal()
    if refusal is not None:
        return [TemplateIssue("hook-refused", refusal, "error", file=manifest)]
    return [TemplateIssue("runs-code", str(pack.code_summary()), "note", file=manifest)]


def check_pack(
    pack_or_path: TemplatePack | str | os.PathLike[str],
    *,
    contexts: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    overrides: tuple[Path, ...] = (),
) -> list[TemplateIssue]:
    """Every static problem of a pack (by id, folder or object), in document order.

    ``contexts`` maps report kinds to sample template contexts; without it the
    variable check is skipped (a note says so). ``baocao.testing.check_pack``
    supplies real contexts and adds a sample render.
    """
    if isinstance(pack_or_path, TemplatePack):
        pack = pack_or_path
    else:
        try:
            pack = get_pack(pack_or_path, overrides=overrides)
        except TemplateError as exc:
            manifest = Path(pack_or_path) / MANIFEST_NAME
            if manifest.is_file():
                return [TemplateIssue("manifest", str(exc), file=str(manifest))]
            return [TemplateIssue("not-found", str(exc), file=str(pack_or_path))]
    files, issues = part_files(pack)
    issues.extend(code_issues(pack))
    issues.extend(check_files(files, contexts))
    if contexts is None:
        issues.append(
            TemplateIssue(
                "variables-unchecked",
                "variables were not compared with a report's context "
                "(use baocao.testing.check_pack or `baocao templates check`)",
                "note",
            )
        )
    return issues
