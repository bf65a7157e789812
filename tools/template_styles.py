"""The named paragraph and table styles of a built-in pack, from its format profile.

Every measurable value (font, sizes, bold/italic/underline, alignment, first-line
indent, spacing, line spacing) comes from the profile; parts refer to these
styles by id, so a child pack restyles by replacing base.docx.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx_xml import El, val, w, xml_bytes
from style_xml import paragraph_props, run_props, style_element

from baocao.profiles import ElementFormat, FormatProfile


@dataclass(frozen=True)
class StyleSpec:
    """One named paragraph style of a pack: ``BC Body``, ``BC Heading 1`` …"""

    name: str
    fmt: ElementFormat
    based_on: str = "BC Header"
    keep_next: bool = False
    outline: int | None = None
    border: bool = False
    page_break: bool = False

    @property
    def style_id(self) -> str:
        return self.name.replace(" ", "")


def _own(fmt: ElementFormat, parent: ElementFormat) -> ElementFormat:
    """Only what differs from the parent style: the rest is inherited through ``basedOn``.

    So restyling ``BC Body`` in a child's base.docx carries over to headings and bullets.
    """
    mine, theirs = fmt.model_dump(exclude={"note"}), parent.model_dump(exclude={"note"})
    return ElementFormat.model_validate({k: v for k, v in mine.items() if v != theirs[k]})


def _fmt(base: ElementFormat | None = None, **changes: object) -> ElementFormat:
    data = base.model_dump() if base is not None else {}
    data.update(changes)
    return ElementFormat.model_validate(data)


def _table_line(body: ElementFormat, **changes: object) -> ElementFormat:
    """A line over a table (caption, unit): flush left, single-spaced, kept with the table."""
    flush = {"first_line_indent_mm": {"value": 0}, "line_spacing": {"rule": "multiple", "value": 1}}
    return _fmt(body, **{**flush, **changes})


_HEADING_RANKS: dict[str, dict[str, int]] = {
    # HD 36: I- bold caps, 1. bold, 1.1. bold italic, a) italic; (1) styled as a).
    "dang": {"letter": 1, "roman": 1, "arabic": 2, "dotted": 3, "paren": 4, "alpha": 4},
    # NĐ 30: I. bold caps, 1. (and 1.1.) bold, a) and (1) upright.
    "nha_nuoc": {"letter": 1, "roman": 1, "arabic": 2, "dotted": 2, "paren": 3, "alpha": 3},
}
"""Which of the profile's heading formats each kind of numbering level takes."""


def heading_styles(profile: FormatProfile) -> dict[str, str]:
    """The paragraph style of each kind of heading level (parts centred on their own)."""
    levels = len(profile.elements.headings)
    ranks = _HEADING_RANKS[profile.family]
    return {
        "part": "BC Heading Part",
        **{kind: f"BC Heading {min(rank, levels)}" for kind, rank in ranks.items()},
    }


def _body_styles(profile: FormatProfile) -> list[StyleSpec]:
    """Styles of the body beyond the profile's own: parts, plain headings, nested lists, units."""
    e = profile.elements
    body = e.body
    first = e.headings[0].model_dump(exclude_none=True, exclude={"note"})
    flush = {"first_line_indent_mm": {"value": 0}}
    return [
        StyleSpec(
            "BC Heading Part",
            _fmt(body, **{**first, "align": "center", **flush}),
            based_on="BC Body",
            keep_next=True,
            outline=0,
        ),
        StyleSpec("BC Heading Plain", body, based_on="BC Body", keep_next=True),
        StyleSpec("BC List 2", _fmt(body, left_indent_mm={"value": 10}), based_on="BC Body"),
        StyleSpec("BC List 3", _fmt(body, left_indent_mm={"value": 20}), based_on="BC Body"),
        StyleSpec(
            "BC Table Unit",
            _table_line(body, align="right", italic=True, size={"value": 13}),
            based_on="BC Body",
            keep_next=True,
        ),
        StyleSpec("BC Signed Mark", _fmt(e.signer_title, italic=True, case=None, bold=False)),
        StyleSpec(
            "BC Digital Signature",
            _fmt(e.signer_title, italic=True, case=None, bold=False, size={"value": 11}),
        ),
        StyleSpec(
            "BC Appendix Label",
            _fmt(body, align="center", bold=True, **flush),
            based_on="BC Body",
            keep_next=True,
            page_break=True,
        ),
        StyleSpec(
            "BC Appendix Title",
            _fmt(body, align="center", bold=True, **flush),
            based_on="BC Body",
            keep_next=True,
        ),
        StyleSpec(
            "BC Appendix Note",
            _fmt(body, align="center", italic=True, space_after_pt={"value": 12}, **flush),
            based_on="BC Body",
            keep_next=True,
        ),
    ]


def style_specs(profile: FormatProfile) -> list[StyleSpec]:
    """Every paragraph style of the pack, from the profile's element formats."""
    e = profile.elements
    body = e.body
    table_text = _fmt(size={"value": 13}, align="left", bold=False, italic=False)
    specs = [
        StyleSpec(
            "BC Header",
            _fmt(
                size=e.issuer_name.size.model_dump() if e.issuer_name.size else None, align="center"
            ),
            based_on="Normal",
        ),
        StyleSpec("BC Motto", e.motto),
        StyleSpec("BC Issuer Parent", e.issuer_parent),
        StyleSpec("BC Issuer Name", e.issuer_name),
        StyleSpec("BC Number", e.number),
        StyleSpec("BC Place Date", e.place_date),
        # The drawn line: an empty 1 pt paragraph with a bottom border, clear of descenders.
        StyleSpec(
            "BC Rule",
            _fmt(
                size={"value": 1},
                align="center",
                space_before_pt={"value": 3},
                space_after_pt={"value": 3},
            ),
            border=True,
        ),
        StyleSpec(
            "BC Title", _fmt(e.title, space_before_pt={"value": 18, "max": 18}), keep_next=True
        ),
        StyleSpec("BC Subject", e.subject, keep_next=True),
        StyleSpec(
            "BC Addressee",
            _fmt(body, align="center", first_line_indent_mm={"value": 0}),
            based_on="Normal",
            keep_next=True,
        ),
        StyleSpec(
            "BC Addressee Item",
            _fmt(
                body, align="left", first_line_indent_mm={"value": 0}, left_indent_mm={"value": 60}
            ),
            based_on="Normal",
            keep_next=True,
        ),
        StyleSpec("BC Body", body, based_on="Normal"),
        *(
            StyleSpec(
                f"BC Heading {i}",
                _fmt(body, **h.model_dump(exclude_none=True, exclude={"note"})),
                based_on="BC Body",
                keep_next=True,
                outline=i - 1,
            )
            for i, h in enumerate(e.headings, start=1)
        ),
        StyleSpec("BC Bullet", body, based_on="BC Body"),
        *_body_styles(profile),
        # The closing sentence stays on the page of the signature (with the spacer under it).
        StyleSpec("BC Closing", body, based_on="BC Body", keep_next=True),
        StyleSpec(
            "BC Table Caption",
            _table_line(body, align="center", bold=True),
            based_on="BC Body",
            keep_next=True,
        ),
        StyleSpec(
            "BC Table Header", _fmt(table_text, align="center", bold=True), based_on="Normal"
        ),
        StyleSpec("BC Table Text", table_text, based_on="Normal"),
        StyleSpec(
            "BC Spacer",
            _fmt(size=body.size.model_dump() if body.size else None),
            based_on="Normal",
            keep_next=True,
        ),
        StyleSpec("BC Recipients Label", e.recipients_label, based_on="Normal"),
        StyleSpec("BC Recipients Item", e.recipients_item, based_on="Normal"),
        StyleSpec("BC Signer Authority", e.signer_authority),
        StyleSpec("BC Signer Title", e.signer_title),
        StyleSpec("BC Signer Name", e.signer_name),
        StyleSpec("BC Page Number", profile.page_number.format, based_on="Normal"),
    ]
    if e.slogan is not None:
        specs.insert(2, StyleSpec("BC Slogan", e.slogan))
    if profile.dividers.star is not None:
        specs.insert(5, StyleSpec("BC Star", _fmt(e.issuer_name, bold=False)))
    specs.append(
        StyleSpec(
            "BC Title Note", _fmt(e.subject, bold=False, italic=True, case=None), keep_next=True
        )
    )
    if e.letter_subject is not None:
        specs.append(StyleSpec("BC Letter Subject", e.letter_subject, based_on="BC Header"))
    if profile.dividers.subject_separator is not None:
        specs.append(StyleSpec("BC Separator", _fmt(e.subject, bold=False, case=None)))
    return specs


def _tablestyle_element(style_id: str, name: str, borders: bool) -> El:
    edge = {"val": "single", "sz": 4, "space": 0, "color": "000000"} if borders else {"val": "nil"}
    tbl_borders = w(
        "tblBorders",
        None,
        *(w(side, edge) for side in ("top", "left", "bottom", "right", "insideH", "insideV")),
    )
    margins = w(
        "tblCellMar",
        None,
        w("left", {"w": 85 if borders else 0, "type": "dxa"}),
        w("right", {"w": 85 if borders else 0, "type": "dxa"}),
    )
    return style_element(
        "table",
        style_id,
        name,
        based_on="TableNormal",
        tblpr=w("tblPr", None, tbl_borders, margins),
    )


def styles_xml(profile: FormatProfile) -> bytes:
    """``word/styles.xml``: document defaults (font, size, language) and the BC styles."""
    font = profile.font
    body_size = round((profile.elements.body.size.value if profile.elements.body.size else 14) * 2)
    defaults = w(
        "docDefaults",
        None,
        w(
            "rPrDefault",
            None,
            w(
                "rPr",
                None,
                w("rFonts", {"ascii": font, "hAnsi": font, "cs": font, "eastAsia": font}),
                val("sz", body_size),
                val("szCs", body_size),
                w("lang", {"val": profile.lang, "eastAsia": profile.lang, "bidi": "ar-SA"}),
            ),
        ),
        w(
            "pPrDefault",
            None,
            w("pPr", None, w("spacing", {"after": 0, "line": 240, "lineRule": "auto"})),
        ),
    )
    root = w("styles", None, defaults)
    root.append(style_element("paragraph", "Normal", "Normal", default=True))
    root.append(
        style_element("character", "DefaultParagraphFont", "Default Paragraph Font", default=True)
    )
    normal_table = w(
        "tblPr",
        None,
        w("tblInd", {"w": 0, "type": "dxa"}),
        w(
            "tblCellMar",
            None,
            w("top", {"w": 0, "type": "dxa"}),
            w("left", {"w": 108, "type": "dxa"}),
            w("bottom", {"w": 0, "type": "dxa"}),
            w("right", {"w": 108, "type": "dxa"}),
        ),
    )
    root.append(
        style_element("table", "TableNormal", "Normal Table", tblpr=normal_table, default=True)
    )
    specs = style_specs(profile)
    formats = {spec.name: spec.fmt for spec in specs}
    for spec in specs:
        parent = formats.get(spec.based_on)
        fmt = _own(spec.fmt, parent) if parent is not None else spec.fmt
        root.append(
            style_element(
                "paragraph",
                spec.style_id,
                spec.name,
                based_on=spec.based_on.replace(" ", ""),
                ppr=paragraph_props(
                    fmt,
                    border=spec.border,
                    keep_next=spec.keep_next,
                    outline=spec.outline,
                    page_break=spec.page_break,
                ),
                rpr=run_props(fmt),
            )
        )
    root.append(_tablestyle_element("BCTable", "BC Table", borders=True))
    root.append(_tablestyle_element("BCLayoutTable", "BC Layout Table", borders=False))
    return xml_bytes(root)
