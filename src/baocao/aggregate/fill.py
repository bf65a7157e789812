"""Putting the summary into an implementation report's data, without retyping.

Works on the report's data as written (the YAML mapping), not on the model,
so everything the summary does not own comes out as it went in. Two places
change: the paragraph holding the ``Tổ huyện`` ratio (section I.5 of the
seed) gets the counted figures, and the bullets of the limitation group
concerning the teams (II.2.2) say only what the data supports.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..errors import InputError
from ..i18n import _
from ..model import Appendix, Paragraph, Span
from .summary import Summary

__all__ = ["fill_report", "paragraph_data", "written"]


def written(value: Any) -> Any:
    """A model as a report file would write it: defaults left out, but ``type`` kept.

    Why not ``model_dump(exclude_defaults=True)``: it drops the ``type`` tags
    the unions choose by (a paragraph and a span are what they choose without
    one). A plain paragraph or span is written as its text.
    """
    if isinstance(value, Span) and not (value.bold or value.italic):
        return value.text
    if isinstance(value, Paragraph) and len(value.spans) == 1:
        only = written(value.spans[0])
        if isinstance(only, str):
            return only
    if isinstance(value, BaseModel):
        out = {}
        for name, info in type(value).model_fields.items():
            v = getattr(value, name)
            tag = name == "type" and not isinstance(value, (Paragraph, Span))
            if tag or v != info.get_default(call_default_factory=True):
                out[name] = written(v)
        return out
    if isinstance(value, (list, tuple)):
        return [written(v) for v in value]
    if isinstance(value, (dt.date,)):
        return value.isoformat()
    return value


def paragraph_data(paragraph: Paragraph) -> Any:
    """A paragraph as a report file writes it: a plain string, or ``{spans: […]}``."""
    return written(paragraph)


def _walk_sections(sections: Any) -> Iterator[dict[str, Any]]:
    for s in sections if isinstance(sections, list) else []:
        if isinstance(s, dict):
            yield s
            yield from _walk_sections(s.get("sections"))


def _is_team_ratio(span: Any, noun: str) -> bool:
    return isinstance(span, dict) and span.get("type") == "ratio" and span.get("noun") == noun


def _keep_part_nouns(new: dict[str, Any], old: dict[str, Any]) -> None:
    """A part's own noun as written (the seed's "kiến nghị đề xuất") survives the refill."""
    written = {p.get("scope"): p["noun"] for p in old.get("parts", []) if "noun" in p}
    for part in new.get("parts", []):
        if part.get("scope") in written:
            part["noun"] = written[part["scope"]]


def _fill_statistics(data: dict[str, Any], summary: Summary) -> None:
    noun = summary.wording.team_noun
    sections = (data.get("results") or {}).get("sections")
    for section in _walk_sections(sections):
        blocks = section.get("blocks")
        if not isinstance(blocks, list):
            continue
        for i, block in enumerate(blocks):
            spans = block.get("spans") if isinstance(block, dict) else None
            if isinstance(spans, list) and any(_is_team_ratio(s, noun) for s in spans):
                new = paragraph_data(summary.statistics_paragraph())
                old_tallies = {
                    s.get("noun"): s
                    for s in spans
                    if isinstance(s, dict) and s.get("type") == "tally"
                }
                for s in new["spans"]:
                    if isinstance(s, dict) and s.get("noun") in old_tallies:
                        _keep_part_nouns(s, old_tallies[s["noun"]])
                blocks[i] = {**block, **new}
                return
    raise InputError(
        _(
            "không tìm thấy câu thống kê trong results: cần một đoạn có "
            "{{type: ratio, noun: {noun}}} để điền số liệu tổng hợp"
        ).format(noun=noun)
    )


def _is_shortfall(item: Any, summary: Summary) -> bool:
    """An item saying one of the II.2.2 sentences (same words before its first "chưa")."""
    text = item.get("text") if isinstance(item, dict) else item
    if not isinstance(text, str):
        return False
    heads = {t.split(" chưa ")[0] for t in summary.shortfall_sentences().values()}
    return text.split(" chưa ")[0] in heads


def _fill_shortfalls(data: dict[str, Any], summary: Summary) -> None:
    limitations = (data.get("assessment") or {}).get("limitations")
    if not isinstance(limitations, dict):
        return
    groups = limitations.setdefault("groups", [])
    noun = summary.wording.team_noun
    new = [paragraph_data(p) for p in summary.shortfall_items()]
    group = next(
        (g for g in groups if isinstance(g, dict) and noun in str(g.get("concerning", ""))), None
    )
    if group is None:
        if new:
            groups.append(
                {"concerning": f"các {noun}", "blocks": [{"type": "bullets", "items": new}]}
            )
        return
    blocks = group.setdefault("blocks", [])
    bullets = next((b for b in blocks if isinstance(b, dict) and b.get("type") == "bullets"), None)
    if bullets is None:
        if new:
            blocks.insert(0, {"type": "bullets", "items": new})
        return
    rest = [i for i in bullets.get("items", []) if not _is_shortfall(i, summary)]
    bullets["items"] = new + rest
    if not bullets["items"]:
        blocks.remove(bullets)


def _attach(data: dict[str, Any], appendix: Appendix) -> None:
    """The appendix as the report's own, replacing one of the same title (a re-run)."""
    new = written(appendix)
    kept = [a for a in data.get("appendices") or [] if a.get("title") != new["title"]]
    data["appendices"] = [*kept, new]


def fill_report(
    data: dict[str, Any], summary: Summary, appendix: Appendix | None = None
) -> dict[str, Any]:
    """A copy of an implementation report's data with the summary (and appendix) filled in."""
    out = copy.deepcopy(data)
    _fill_statistics(out, summary)
    _fill_shortfalls(out, summary)
    if appendix is not None:
        _attach(out, appendix)
    return out
