"""Build this pack's two parts from the built-in ``dang`` parts: ``python build_parts.py``.

Why from code: a .docx cannot be reviewed in a diff; this file can. Both parts
start from a copy of a ``dang`` part, so they carry the same styles (``BCTitle``,
``BCSubject``, ``BCTableText`` …) as the base they are composed into:

* ``title.docx`` is ``dang``'s title with one paragraph added under the subject,
  the reporting period, written with baocao's ``ngay_ngan`` date filter;
* ``appendix.docx`` is new: on a new page, the figures table (one row per tally
  of the report, a docxtpl ``{%tr %}`` loop) and the ratios as a Word numbered
  list. The list's definition travels in the part's own ``numbering.xml``;
  baocao copies it into the composed document, since the base has none.

The output is deterministic (fixed zip timestamps and member order).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from baocao import get_pack

HERE = Path(__file__).resolve().parent
OUT = HERE / "src" / "baocao_to_huyen"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NS}><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/>
<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1134" w:hanging="425"/></w:pPr></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"""
"""One list format: ``1)``, ``2)`` … indented under the body text."""


def para(
    text: str, style: str, *, italic: bool = False, page_break: bool = False, numbered: bool = False
) -> str:
    """A paragraph of one run, in a style of the base."""
    ppr = f'<w:pStyle w:val="{style}"/>'
    if page_break:
        ppr += "<w:pageBreakBefore/>"
    if numbered:
        ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:ind w:firstLine="0"/>'
    rpr = "<w:rPr><w:i/></w:rPr>" if italic else ""
    return (
        f"<w:p><w:pPr>{ppr}</w:pPr><w:r>{rpr}"
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    )


def cell(text: str, width: int, style: str = "BCTableText") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{para(text, style)}</w:tc>'


def row(*cells: str, header: bool = False) -> str:
    trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


WIDTHS = (850, 2700, 1200, 4300)
"""Column widths (twips) of STT, Nội dung, Tổng số, Trong đó: 9050 = the text width."""


def figures_table() -> str:
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    head = row(
        *(
            cell(t, w, "BCTableHeader")
            for t, w in zip(("STT", "Nội dung", "Tổng số", "Trong đó"), WIDTHS, strict=True)
        ),
        header=True,
    )
    loop = row(cell("{%tr for figure in activity.figures %}", sum(WIDTHS)))
    body = row(
        cell("{{ figure.number }}", WIDTHS[0]),
        cell("{{ figure.label }}", WIDTHS[1]),
        cell("{{ figure.total|so }}", WIDTHS[2]),
        cell("{{ figure.breakdown|join('; ') }}", WIDTHS[3]),
    )
    end = row(cell("{%tr endfor %}", sum(WIDTHS)))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in WIDTHS)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(WIDTHS)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"{head}{loop}{body}{end}</w:tbl>"
    )


APPENDIX = "".join(
    [
        para("PHỤ LỤC", "BCTitle", page_break=True),
        para("Số liệu hoạt động năm {{ activity.year }} của Tổ", "BCSubject"),
        para(
            "(Kèm theo báo cáo {{ header.symbol|replace('Số ', 'số ') }})", "BCSubject", italic=True
        ),
        para("", "BCSpacer"),
        figures_table(),
        para("", "BCSpacer"),
        para("{%p if activity.ratios %}", "BCBody"),
        para("Tỉ lệ thực hiện:", "BCBody"),
        para("{%p for ratio in activity.ratios %}", "BCBody"),
        para("{{ ratio }}", "BCBody", numbered=True),
        para("{%p endfor %}", "BCBody"),
        para("{%p endif %}", "BCBody"),
    ]
)

PERIOD = para(
    "(từ ngày {{ activity.period_start|ngay_ngan }} đến ngày {{ activity.period_end|ngay_ngan }})",
    "BCSubject",
)
"""The reporting period, as the last line of the trích yếu (same style: upright, bold)."""


def _package(source: Path, document: bytes, numbering: str | None = None) -> bytes:
    """``source`` with its document.xml replaced (and a numbering part added)."""
    with zipfile.ZipFile(source) as z:
        files = {n: z.read(n) for n in z.namelist()}
    files["word/document.xml"] = document
    if numbering is not None:
        files["word/numbering.xml"] = numbering.encode("utf-8")
        rels = files["word/_rels/document.xml.rels"].decode("utf-8")
        files["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            "</Relationships>",
        ).encode("utf-8")
        types = files["[Content_Types].xml"].decode("utf-8")
        files["[Content_Types].xml"] = types.replace(
            "</Types>",
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
        ).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            z.writestr(zipfile.ZipInfo(name, ZIP_DATE), files[name], zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _with_body(
    source: Path, make: str | None = None, after_text: str | None = None, insert: str = ""
) -> bytes:
    """The source's document.xml, its body replaced by ``make`` or grown after a paragraph."""
    with zipfile.ZipFile(source) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(f"{{{W}}}body")
    assert body is not None
    new = list(etree.fromstring(f"<w:body {NS}>{make if make is not None else insert}</w:body>"))
    if make is not None:
        for child in [c for c in body if c.tag != f"{{{W}}}sectPr"]:
            body.remove(child)
        sect = body.find(f"{{{W}}}sectPr")
        for el in new:
            (sect.addprevious(el) if sect is not None else body.append(el))
    else:
        anchor = next(
            p
            for p in body.iter(f"{{{W}}}p")
            if "".join(t.text or "" for t in p.iter(f"{{{W}}}t")) == after_text
        )
        for el in reversed(new):
            anchor.addnext(el)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def build() -> dict[str, bytes]:
    """The pack's parts, by file name, made from the current ``dang`` parts."""
    title = get_pack("dang").find("title.docx")
    return {
        "title.docx": _package(title, _with_body(title, after_text="{%p endfor %}", insert=PERIOD)),
        "appendix.docx": _package(title, _with_body(title, make=APPENDIX), NUMBERING),
    }


def main(argv: list[str]) -> int:
    """Write the parts; with ``--check``, only report whether the committed ones are current."""
    stale = []
    for name, data in build().items():
        target = OUT / name
        if "--check" in argv:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(name)
        else:
            target.write_bytes(data)
            print(f"wrote {target}")
    if stale:
        print(f"stale: {', '.join(stale)}; run python build_parts.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
