"""WordprocessingML for one style: paragraph and run properties from an element format."""

from __future__ import annotations

from docx_xml import El, on_off, val, w

from baocao.profiles import ElementFormat
from baocao.profiles.units import mm_to_twips, pt_to_twips

__all__ = ["paragraph_props", "run_props", "style_element"]


def _spacing(fmt: ElementFormat) -> El | None:
    attrs: dict[str, str | int] = {}
    if fmt.space_before_pt is not None:
        attrs["before"] = pt_to_twips(fmt.space_before_pt.value)
    if fmt.space_after_pt is not None:
        attrs["after"] = pt_to_twips(fmt.space_after_pt.value)
    ls = fmt.line_spacing
    if ls is not None and ls.rule == "multiple":
        attrs.update(line=round(ls.value.value * 240), lineRule="auto")
    elif ls is not None:
        rule = "exact" if ls.rule == "exact" else "atLeast"
        attrs.update(line=pt_to_twips(ls.value.value), lineRule=rule)
    return w("spacing", attrs) if attrs else None


def paragraph_props(
    fmt: ElementFormat,
    *,
    border: bool = False,
    keep_next: bool = False,
    outline: int | None = None,
    page_break: bool = False,
) -> El:
    """pPr children in schema order: keepNext, pageBreakBefore, pBdr, spacing, ind, jc, outline."""
    bdr = None
    if border:
        bdr = w(
            "pBdr", None, w("bottom", {"val": "single", "sz": 6, "space": 1, "color": "000000"})
        )
    indents: dict[str, str | int] = {}
    if fmt.left_indent_mm is not None:
        indents["left"] = mm_to_twips(fmt.left_indent_mm.value)
    if fmt.first_line_indent_mm is not None:
        indents["firstLine"] = mm_to_twips(fmt.first_line_indent_mm.value)
    ind = w("ind", indents) if indents else None
    return w(
        "pPr",
        None,
        w("keepNext") if keep_next else None,
        w("pageBreakBefore") if page_break else None,
        bdr,
        _spacing(fmt),
        ind,
        val("jc", fmt.align) if fmt.align else None,
        val("outlineLvl", outline) if outline is not None else None,
    )


def run_props(fmt: ElementFormat) -> El:
    size = round(fmt.size.value * 2) if fmt.size else None
    underline = None
    if fmt.underline is not None:
        underline = val("u", "single" if fmt.underline else "none")
    return w(
        "rPr",
        None,
        on_off("b", fmt.bold),
        on_off("bCs", fmt.bold),
        on_off("i", fmt.italic),
        on_off("iCs", fmt.italic),
        val("sz", size) if size else None,
        val("szCs", size) if size else None,
        underline,
    )


def style_element(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str | None = None,
    ppr: El | None = None,
    rpr: El | None = None,
    tblpr: El | None = None,
    default: bool = False,
) -> El:
    attrs: dict[str, str | int] = {"type": kind, "styleId": style_id}
    if default:
        attrs["default"] = 1
    return w(
        "style",
        attrs,
        val("name", name),
        val("basedOn", based_on) if based_on else None,
        w("qFormat") if kind == "paragraph" else None,
        ppr if ppr is not None and len(ppr) else None,
        rpr if rpr is not None and len(rpr) else None,
        tblpr,
    )
