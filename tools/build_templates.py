"""Build the built-in template packs' .docx files from code: ``python tools/build_templates.py``.

Why from code: a .docx is a zip of XML that cannot be reviewed in a diff. This
builder is the reviewable source; its output (``templates/dang/*.docx``,
``templates/nha-nuoc/*.docx``) is committed beside it and must be rebuilt
whenever this file or a format profile changes (``--check`` fails when the
committed files are stale). Every measurable value (page, margins, fonts, sizes,
emphasis, alignment, indents, spacing) is read from the format profile
(``src/baocao/profiles/*.yml``); this file adds only the geometry of the layout
(column widths, blank lines) and the docxtpl tags.

Output is deterministic: the same sources give byte-identical files (fixed zip
timestamps and member order, no generated ids or dates).

Each pack is a ``base.docx`` (styles, page setup, page-number header) and four
parts composed in order by ``baocao.packs.compose``: ``header`` (issuer, number,
motto, place and date), ``title`` (type and subject), ``body`` (preamble, body
lines, closing) and ``signature`` (recipients and signer). A child pack replaces
any of them; every part carries the same styles so it opens formatted in Word.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from body_parts import appendix_part, body_part
from docx_xml import ROOT, El, indents, mm_to_twips, package, para, tag, val, w
from template_styles import styles_xml

from baocao.profiles import FormatProfile, get_profile


@dataclass(frozen=True)
class Geometry:
    """Column widths (mm) of the two-column header and signature tables."""

    header: tuple[float, float]
    signature: tuple[float, float]
    signature_blank_lines: int = 4


GEOMETRY = {
    # Party: the right column holds the 73 mm tiêu đề and the date line (§17: give it more room).
    "dang": Geometry(header=(75.0, 90.0), signature=(85.0, 80.0)),
    # State: the right column must hold the 95.6 mm quốc hiệu at 13 pt bold on one line.
    "nha_nuoc": Geometry(header=(72.0, 100.0), signature=(85.0, 80.0)),
}


def layout_table(
    widths_mm: tuple[float, ...],
    rows: Iterable[Sequence[Sequence[El]]],
    *,
    cant_split: bool = False,
) -> El:
    """A borderless fixed-layout table: one list of paragraphs per cell."""
    twips = [mm_to_twips(x) for x in widths_mm]
    tbl = w(
        "tbl",
        None,
        w(
            "tblPr",
            None,
            val("tblStyle", "BCLayoutTable"),
            w("tblW", {"w": sum(twips), "type": "dxa"}),
            val("jc", "center"),
            w("tblInd", {"w": 0, "type": "dxa"}),
            w("tblLayout", {"type": "fixed"}),
            w(
                "tblCellMar",
                None,
                w("left", {"w": 0, "type": "dxa"}),
                w("right", {"w": 0, "type": "dxa"}),
            ),
            w(
                "tblLook",
                {
                    "val": "0000",
                    "firstRow": 0,
                    "lastRow": 0,
                    "firstColumn": 0,
                    "lastColumn": 0,
                    "noHBand": 1,
                    "noVBand": 1,
                },
            ),
        ),
        w("tblGrid", None, *(w("gridCol", {"w": t}) for t in twips)),
    )
    for cells in rows:
        tr = w("tr", None, w("trPr", None, w("cantSplit")) if cant_split else None)
        for width, content in zip(twips, cells, strict=True):
            tr.append(
                w("tc", None, w("tcPr", None, w("tcW", {"w": width, "type": "dxa"})), *content)
            )
        tbl.append(tr)
    return tbl


def rule(width_mm: float, length_mm: float) -> El:
    """A drawn line of ``length_mm`` centred in ``width_mm``: a bordered empty paragraph."""
    side = (width_mm - length_mm) / 2
    return para("BCRule", ppr=[indents(side, side)])


def fitted_rule(width_mm: float, key: str) -> El:
    """A drawn line sized per report (a fraction of its line, ``DrawnLine``), centred."""
    return tag(f"{{{{p header.rules.{key}.within({mm_to_twips(width_mm)}) }}}}")


# ---------------------------------------------------------------- parts


def header_part(profile: FormatProfile) -> list[El]:
    geo = GEOMETRY[profile.family]
    left_w, right_w = geo.header
    d = profile.dividers
    # The issuer block: 1–4 lines, each with its weight (parent bodies upright, the issuer bold).
    issuer = [
        tag("{%p for ln in header.issuer %}"),
        tag("{%p if ln.bold %}"),
        para("BCIssuerName", "{{ ln.text }}"),
        tag("{%p else %}"),
        para("BCIssuerParent", "{{ ln.text }}"),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
    ]
    # The mark under it, as data: the family's own (one star / a short rule), several stars, none.
    star_style = "BCStar" if d.star is not None else "BCHeader"
    separator = [
        tag('{%p if header.separator == "rule" %}'),
        fitted_rule(left_w, "issuer"),
        tag('{%p elif header.separator != "none" %}'),
        para(star_style, "{{ header.separator }}"),
        tag("{%p endif %}"),
    ]
    # No number line at all when the report has none; a công văn's V/v under it (§3, §8 5b).
    number = [
        tag("{%p if header.symbol %}"),
        para("BCNumber", "{{ header.symbol }}"),
        tag("{%p endif %}"),
        tag('{%p if header.layout == "cong_van" %}'),
        tag("{%p for line in header.letter_subject %}"),
        para("BCLetterSubject", "{{ line }}"),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
    ]
    place_date = [para("BCPlaceDate", "{{ header.place_date }}")]
    assert d.motto_rule.length_mm is not None
    motto_rule = rule(right_w, d.motto_rule.length_mm.value)
    if profile.family == "dang":
        left = [*issuer, *separator, *number]
        right = [para("BCMotto", "{{ header.motto[0] }}"), motto_rule, *place_date]
        return [layout_table(geo.header, [[left, right]])]
    top_left = [*issuer, *separator]
    top_right = [
        para("BCMotto", "{{ header.motto[0] }}"),
        para("BCSlogan", "{{ header.motto[1] }}"),
        motto_rule,
    ]
    # Số and the place-date share the second row, so they sit on the same line (§8, box 4).
    return [layout_table(geo.header, [[top_left, top_right], [number, place_date]])]


def title_part(profile: FormatProfile) -> list[El]:
    d = profile.dividers
    # A công văn has no title block: its subject is under Số (header part).
    out = [
        tag('{%p if header.layout != "cong_van" %}'),
        tag("{%p if header.doc_type %}"),
        para("BCTitle", "{{ header.doc_type }}"),
        tag("{%p endif %}"),
        tag("{%p for line in header.subject %}"),
        para("BCSubject", "{{ line }}"),
        tag("{%p endfor %}"),
    ]
    if d.subject_separator is not None:
        out.append(para("BCSeparator", d.subject_separator))
    if d.subject_rule is not None:
        out.append(fitted_rule(profile.page.text_width_mm, "subject"))
    # Extra lines of the title block (a cut-off date, a term, a school year), under its mark.
    out += [
        tag("{%p for line in header.notes %}"),
        para("BCTitleNote", "{{ line }}"),
        tag("{%p endfor %}"),
    ]
    # A công văn: one blank line between the header and Kính gửi.
    out += [tag("{%p else %}"), para("BCSpacer"), tag("{%p endif %}")]
    # Kính gửi (format-rules.md §12): "Kính gửi: A" centred; with several bodies,
    # "Kính gửi:" centred and the "- A;" lines aligned under it.
    out += [
        tag("{%p for line in header.addressees %}"),
        tag("{%p if loop.first %}"),
        para("BCAddressee", "{{ line }}"),
        tag("{%p else %}"),
        para("BCAddresseeItem", "{{ line }}"),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
    ]
    return out


def _signer_head(profile: FormatProfile, var: str) -> list[El]:
    """A signer's lines above the name: authority, title, the signature space or "(Đã ký)"."""
    geo = GEOMETRY[profile.family]
    return [
        tag(f"{{%p if {var}.authority %}}"),
        para("BCSignerAuthority", f"{{{{ {var}.authority }}}}"),
        tag("{%p endif %}"),
        tag(f"{{%p if {var}.title_line %}}"),
        para("BCSignerTitle", f"{{{{ {var}.title_line }}}}"),
        tag("{%p endif %}"),
        tag(f"{{%p if {var}.signed_mark %}}"),
        para("BCSignerTitle"),
        para("BCSignedMark", f"{{{{ {var}.signed_mark }}}}"),
        para("BCSignerTitle"),
        tag("{%p else %}"),
        *(para("BCSignerTitle") for _ in range(geo.signature_blank_lines)),
        tag("{%p endif %}"),
    ]


def _signer_foot(var: str) -> list[El]:
    """The name and, for a digitally signed report, the signature line under it."""
    return [
        para("BCSignerName", f"{{{{ {var}.name }}}}"),
        tag(f"{{%p if {var}.digital %}}"),
        para("BCDigitalSignature", f"{{{{ {var}.digital }}}}"),
        tag("{%p endif %}"),
    ]


def _signer_cell(profile: FormatProfile, var: str) -> list[El]:
    return [*_signer_head(profile, var), *_signer_foot(var)]


def _joint(
    profile: FormatProfile, n: int, recipients: Callable[[], list[El]], *, first: bool = True
) -> list[El]:
    """A joint report's ``n`` signers side by side, Nơi nhận under them at the left.

    The names share the second row, so they stand level however long the lines above.
    """
    width = sum(GEOMETRY[profile.family].signature) / n
    names = [f"signers[{i}]" for i in range(n)]
    test = f"signers|length >= {n}" if first else f"signers|length == {n}"
    return [
        tag(f"{{%p {'if' if first else 'elif'} {test} %}}"),
        para("BCSpacer"),
        layout_table(
            (width,) * n,
            [
                [_signer_head(profile, v) for v in names],
                [_signer_foot(v) for v in names],
                [[para("BCSpacer"), *recipients()], *([para("BCSpacer")] for _ in names[1:])],
            ],
            cant_split=True,
        ),
    ]


def signature_part(profile: FormatProfile) -> list[El]:
    geo = GEOMETRY[profile.family]

    def recipient_lines() -> list[El]:  # fresh elements for each place they appear
        return [
            para("BCRecipientsLabel", "{{ recipients.label }}"),
            tag("{%p for line in recipients.lines %}"),
            para("BCRecipientsItem", "{{ line }}"),
            tag("{%p endfor %}"),
        ]

    def recipients() -> list[El]:
        return [
            tag("{%p if recipients %}"),
            *recipient_lines(),
            tag("{%p else %}"),
            para("BCRecipientsItem"),
            tag("{%p endif %}"),
        ]

    signer = [
        tag("{%p if signer %}"),
        *_signer_cell(profile, "signer"),
        tag("{%p else %}"),
        para("BCSignerName"),
        tag("{%p endif %}"),
    ]
    return [
        # Nothing at all for a report with neither signer nor recipients: no empty table.
        *_joint(profile, 3, recipients),
        *_joint(profile, 2, recipients, first=False),
        tag("{%p elif signer or recipients %}"),
        para("BCSpacer"),
        # One row that cannot split: Nơi nhận at the left, level with the signer at the right (§17).
        layout_table(geo.signature, [[recipients(), signer]], cant_split=True),
        tag("{%p endif %}"),
    ]


PARTS = {
    "header": header_part,
    "title": title_part,
    "body": body_part,
    "signature": signature_part,
    "appendix": appendix_part,
}

PACKS = {"dang": "dang-hd36", "nha-nuoc": "nha-nuoc-nd30"}
"""Built-in pack folder → the profile its files are built from."""


def build(pack: str) -> dict[str, bytes]:
    """Every .docx of a built-in pack, by file name."""
    profile = get_profile(PACKS[pack])
    styles = styles_xml(profile)
    out = {"base.docx": package(profile, f"{pack}: base", [para("BCBody")], styles, headers=True)}
    for name, make in PARTS.items():
        out[f"{name}.docx"] = package(
            profile, f"{pack}: {name}", make(profile), styles, headers=False
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="fail if the committed .docx files differ from a fresh build",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "templates", help="templates folder")
    args = parser.parse_args(argv)
    stale = []
    for pack in PACKS:
        folder = args.out / pack
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in build(pack).items():
            target = folder / name
            if target.is_file() and target.read_bytes() == data:
                continue
            if args.check:
                stale.append(str(target))
            else:
                target.write_bytes(data)
                print(f"wrote {target}")
    if stale:
        print(
            "stale (run python tools/build_templates.py):\n  " + "\n  ".join(stale), file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
