"""The body and appendix parts of the built-in packs (see build_templates.py).

Headings are chosen by the kind of their numbering level, each printed line of a
heading is its own paragraph, lists nest by indent styles, tables come from
``baocao.engines.docx_table``.
"""

from __future__ import annotations

from docx_xml import El, para, tag
from template_styles import heading_styles

from baocao.profiles import FormatProfile

__all__ = ["appendix_part", "body_lines_part", "body_part"]


def body_lines_part(profile: FormatProfile, lines: str) -> list[El]:
    """The loop over ``lines`` (body or an appendix's body): each line in the style of its kind.

    Headings are styled by the kind of their numbering level (``part``, ``roman``,
    ``arabic`` …), not by depth, and each printed line of a heading is its own
    paragraph; run-in headings are body paragraphs with a bold lead.
    """
    out = [
        tag(f"{{%p for line in {lines} %}}"),
        # One lookup of the role per line: the sandbox makes each attribute lookup
        # costly, and this chain runs for every line of every document.
        tag("{%p set role = line.role %}"),
        tag("{%p if role == 'heading' and not line.run_in %}"),
        tag("{%p set kind = line.kind %}"),
        tag("{%p for printed in line.printed %}"),
    ]
    for i, (kind, style) in enumerate(heading_styles(profile).items()):
        out += [
            tag(f"{{%p {'if' if i == 0 else 'elif'} kind == '{kind}' %}}"),
            para(style.replace(" ", ""), "{{r printed }}"),
        ]
    out += [
        tag("{%p else %}"),
        para("BCHeadingPlain", "{{r printed }}"),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
        tag("{%p elif role in ('bullet', 'numbered') and line.indent >= 2 %}"),
        para("BCList3", "{{r line.rich }}"),
        tag("{%p elif role in ('bullet', 'numbered') and line.indent == 1 %}"),
        para("BCList2", "{{r line.rich }}"),
        tag("{%p elif role == 'bullet' %}"),
        para("BCBullet", "{{r line.rich }}"),
        tag("{%p elif role == 'table' %}"),
        tag("{%p if line.table.caption %}"),
        para("BCTableCaption", "{{ line.table.caption }}"),
        tag("{%p endif %}"),
        tag("{%p if line.table.unit %}"),
        para("BCTableUnit", "{{ line.table.unit }}"),
        tag("{%p endif %}"),
        # The Word table itself (borders from the "BC Table" style, header rows repeated,
        # merged header cells, aligned numbers, bold totals) is built by
        # baocao.engines.docx_table.
        tag("{{p line.table.docx }}"),
        tag("{%p else %}"),
        para("BCBody", "{{r line.rich }}"),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
    ]
    return out


def body_part(profile: FormatProfile) -> list[El]:
    return [
        tag("{%p for line in preamble %}"),
        para("BCBody", "{{r line.rich }}"),
        tag("{%p endfor %}"),
        *body_lines_part(profile, "body"),
        tag("{%p if closing %}"),
        para("BCClosing", "{{r closing.rich }}"),
        tag("{%p endif %}"),
    ]


def appendix_part(profile: FormatProfile) -> list[El]:
    """Each phụ lục on a new page: label, title lines, the note, its own body."""
    return [
        tag("{%p for appendix in appendices %}"),
        para("BCAppendixLabel", "{{ appendix.label }}"),
        tag("{%p for t in appendix.title %}"),
        para("BCAppendixTitle", "{{ t }}"),
        tag("{%p endfor %}"),
        tag("{%p if appendix.note %}"),
        para("BCAppendixNote", "{{ appendix.note }}"),
        tag("{%p endif %}"),
        *body_lines_part(profile, "appendix.body"),
        tag("{%p endfor %}"),
    ]
