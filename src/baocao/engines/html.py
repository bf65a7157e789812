"""HTML output: one standalone, readable page per report, from the layout.

The page carries its own CSS (no external files, so it can be mailed or stored
as is), declares ``utf-8`` and ``lang="vi"``, and follows the printed form: the
two-column header, the centred title, numbered headings, justified paragraphs,
recipients on the left and the signer on the right. Every piece of user text
goes through :func:`html.escape`; nothing the clerk types can become markup.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from ..layout import Layout, Line, PrintForm, Run, SignerView, TableView, layout
from ..model import AnyReport

__all__ = ["STYLE", "html_body", "render_html"]

STYLE = """
body { background: #f3f3f0; margin: 0; color: #000; }
.report { box-sizing: border-box; max-width: 210mm; margin: 1.5em auto; background: #fff;
  padding: 20mm 15mm 20mm 30mm; box-shadow: 0 0 6px rgba(0, 0, 0, .2);
  font-family: "Times New Roman", "Liberation Serif", Tinos, serif; font-size: 14pt;
  line-height: 1.35; }
.report p { margin: 0 0 6pt; }
.report p, .report li, .report h1, .report h2, .report h3, .report h4, .report h5,
.report h6, .report th, .report td, .report caption { white-space: pre-line; }
.masthead { display: flex; justify-content: space-between; gap: 1em; margin-bottom: 12pt;
  white-space: pre-wrap; }
.masthead > div { text-align: center; }
.masthead p { margin: 0; white-space: pre-wrap; }  /* draft blanks: Số    -BC */
.issuer { font-size: 13pt; }
.strong { font-weight: bold; }
.place-date { font-style: italic; padding-top: 6pt; }
h1 { text-align: center; font-size: 15pt; margin: 12pt 0 0; }
.subject { text-align: center; font-weight: bold; }
.addressees { text-align: center; margin: 12pt 0 6pt; }
.body p, .body li { text-align: justify; text-indent: 1cm; }
.body h2, .body h3, .body h4, .body h5, .body h6 { font-size: 1em; margin: 6pt 0;
  text-indent: 1cm; text-align: justify; }
.body .plain { font-weight: normal; }
.body .italic { font-style: italic; }
.body ul, .body ol { list-style: none; margin: 0 0 6pt; padding: 0; }
.body li { margin: 0 0 6pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; font-size: 13pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
caption { font-style: italic; padding-bottom: 4pt; }
caption .unit { display: block; text-align: right; font-size: 13pt; }
td.right { text-align: right; } td.center, th { text-align: center; }
tr.total td { font-weight: bold; }
.body .center { text-align: center; text-indent: 0; }
.signers { display: flex; justify-content: space-between; gap: 1em; margin-top: 12pt; }
.signers .signer { display: flex; flex-direction: column; min-width: 0; flex: 1; }
.signers .signer .name { margin-top: auto; padding-top: 4em; }
.signer .mark { font-weight: normal; font-style: italic; margin-top: 1.5em; }
.signer .digital { font-weight: normal; font-style: italic; font-size: 11pt; }
.appendix { break-before: page; margin-top: 24pt; }
.appendix .head { text-align: center; font-weight: bold; }
.appendix .note { text-align: center; font-style: italic; }
.ending { display: flex; justify-content: space-between; gap: 1em; margin-top: 12pt; }
.recipients { font-size: 12pt; }
.recipients .label { font-size: 14pt; font-weight: bold; font-style: italic; }
.signer { text-align: center; font-weight: bold; min-width: 45%; }
.signer .name { margin-top: 4em; }
@media print { body { background: none; } .report { box-shadow: none; margin: 0; } }
"""
"""Inline CSS of the page: A4 width and margins, Times-compatible fonts, the official layout."""


def _esc(text: str) -> str:
    """Escape user text, nothing else: its line breaks stay line feeds in the page.

    A ``<br>`` put in their place would join the words either side of it in the
    page's text (``0\\n2`` read as ``02`` by a text extractor, a search or a copy);
    the CSS shows them as breaks instead (``white-space: pre-line``).
    """
    return html.escape(text, quote=True)


def _broken(texts: Iterable[str]) -> str:
    """Lines of one paragraph, escaped, kept apart by line feeds (shown as breaks)."""
    return "\n".join(_esc(t) for t in texts)


def _runs(runs: Iterable[Run]) -> str:
    out = []
    for r in runs:
        piece = _esc(r.text)
        if r.italic:
            piece = f"<em>{piece}</em>"
        if r.bold:
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    return "".join(out)


def _lines(texts: Iterable[str], cls: str | None = None) -> str:
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<p{attr}>{_esc(t)}</p>" for t in texts if t)


def _thead(t: TableView) -> str:
    if not t.header_cells:
        return "<tr>" + "".join(f"<th>{_esc(c)}</th>" for c in t.header) + "</tr>"
    rows: list[list[str]] = [[] for _ in range(t.header_rows)]
    for hc in t.header_cells:
        span = f' colspan="{hc.span}"' if hc.span > 1 else ""
        span += f' rowspan="{hc.rows}"' if hc.rows > 1 else ""
        rows[hc.row].append(f"<th{span}>{_esc(hc.text)}</th>")
    return "".join("<tr>" + "".join(r) + "</tr>" for r in rows)


def _tr(cells: tuple[str, ...], aligns: tuple[str, ...], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    tds = "".join(
        f'<td class="{a}">{_esc(c)}</td>' if a != "left" else f"<td>{_esc(c)}</td>"
        for c, a in zip(cells, aligns, strict=True)
    )
    return f"<tr{attr}>{tds}</tr>"


def _table(t: TableView) -> str:
    aligns = t.align or ("left",) * len(t.header)
    parts = ["<table>"]
    unit = f'<span class="unit">{_esc(t.unit)}</span>' if t.unit else ""
    if t.caption or unit:
        parts.append(f"<caption>{_esc(t.caption or '')}{unit}</caption>")
    parts.append("<colgroup>")
    parts.extend(f'<col style="width:{w * 100:.2f}%">' for w in t.widths)
    parts.append(f"</colgroup><thead>{_thead(t)}</thead><tbody>")
    parts.extend(_tr(row, aligns) for row in t.rows)
    if t.total is not None:
        parts.append(_tr(t.total, aligns, "total"))
    parts.append("</tbody></table>")
    return "".join(parts)


def _heading(line: Line) -> str:
    if line.run_in:
        return f"<p>{_runs((Run(line.label + ' ', line.bold, line.italic), *line.runs))}</p>"
    tag = f"h{min(line.level + 1, 6)}"
    classes = [
        c
        for c, on in (
            ("plain", not line.bold),
            ("italic", line.italic),
            ("center", line.align == "center"),
        )
        if on
    ]
    attr = f' class="{" ".join(classes)}"' if classes else ""
    printed = "\n".join(_esc("".join(r.text for r in ln)) for ln in line.printed_lines())
    return f"<{tag}{attr}>{printed}</{tag}>"


def _list_key(line: Line) -> str:
    """Items of one list share their block's path."""
    return line.path.rsplit(".items[", 1)[0]


Decorate = Callable[[Line, str], "str | None"]
"""Given a line and its plain text, the HTML to print instead of its runs (or None)."""


def _inner(line: Line, decorate: Decorate | None) -> str:
    """A paragraph's runs as HTML, or what ``decorate`` makes of its text (red ink)."""
    if decorate is not None:
        made = decorate(line, "".join(r.text for r in line.runs))
        if made is not None:
            return made
    return _runs(line.runs)


def _item(line: Line, decorate: Decorate | None = None) -> str:
    indent = f' style="margin-left:{line.indent}cm"' if line.indent else ""
    inner = _inner(line, decorate)
    return f'<li{indent}><span class="mark">{_esc(line.label)}</span> {inner}</li>'


def _body(lines: Iterable[Line], decorate: Decorate | None = None) -> list[str]:
    out: list[str] = []
    open_list: tuple[str, str] | None = None
    for line in lines:
        key = (line.role, _list_key(line)) if line.role in ("bullet", "numbered") else None
        if open_list is not None and key != open_list:
            out.append("</ul>" if open_list[0] == "bullet" else "</ol>")
            open_list = None
        if key is not None:
            if open_list is None:
                out.append("<ul>" if line.role == "bullet" else "<ol>")
                open_list = key
            out.append(_item(line, decorate))
        elif line.role == "heading":
            out.append(_heading(line))
        elif line.role == "table" and line.table is not None:
            out.append(_table(line.table))
        else:
            out.append(f"<p>{_inner(line, decorate)}</p>")
    if open_list is not None:
        out.append("</ul>" if open_list[0] == "bullet" else "</ol>")
    return out


def _signer(s: SignerView) -> str:
    parts = ['<div class="signer">', _lines(s.lines)]
    if s.signed_mark:
        parts.append(_lines([s.signed_mark], "mark"))
    parts.append(_lines([s.name], "name"))
    if s.digital:
        parts.append(_lines([s.digital], "digital"))
    parts.append("</div>")
    return "".join(parts)


def _recipients(lay: Layout) -> str:
    if lay.recipients is None:
        return ""
    r = lay.recipients
    return f'<div class="recipients">{_lines([r.label], "label")}<p>{_broken(r.lines)}</p></div>'


def _ending(lay: Layout) -> list[str]:
    """Nơi nhận beside the one signer; a joint report's signers side by side above it."""
    if len(lay.signers) > 1:
        signers = "".join(_signer(s) for s in lay.signers)
        return [f'<footer class="signers">{signers}</footer>', _recipients(lay)]
    if lay.recipients is None and lay.signer is None:
        return []
    signer = _signer(lay.signer) if lay.signer is not None else ""
    left = _recipients(lay) or '<div class="recipients"></div>'
    return [f'<footer class="ending">{left}{signer}</footer>']


def _appendices(lay: Layout, decorate: Decorate | None = None) -> list[str]:
    out = []
    for a in lay.appendices:
        head = _lines([a.label, *a.title], "head") + (_lines([a.note], "note") if a.note else "")
        out += [
            f'<section class="appendix">{head}<div class="body">',
            *_body(a.body, decorate),
            "</div></section>",
        ]
    return out


def html_body(lay: Layout, decorate: Decorate | None = None) -> str:
    """The report as an ``<article>`` element, without the page around it.

    ``decorate`` may replace a body paragraph's HTML, given its plain text:
    the render service marks the checker's findings in place this way.
    """
    h = lay.header
    issuer = "".join(_lines([ln.text], "strong" if ln.bold else None) for ln in h.issuer)
    issuer += _lines([h.mark]) + _lines([h.symbol], "symbol")
    issuer += _lines(list(h.letter_subject), "letter-subject")
    motto = "".join(f"<p><strong>{_esc(m)}</strong></p>" for m in h.motto)
    motto += _lines([h.place_date], "place-date")
    parts = [
        f'<article class="report family-{_esc(h.family)}">',
        '<header class="masthead">',
        f'<div class="issuer">{issuer}</div>',
        f'<div class="motto">{motto}</div>',
        "</header>",
    ]
    if h.doc_type and h.layout != "cong_van":
        parts.append(f"<h1>{_esc(h.doc_type)}</h1>")
    if h.subject and h.layout != "cong_van":
        parts.append(f'<p class="subject">{_broken(h.subject)}</p>')
    if h.notes and h.layout != "cong_van":
        parts.append(f'<p class="notes">{_broken(h.notes)}</p>')
    if h.addressees:
        parts.append(f'<p class="addressees">{_broken(h.addressees)}</p>')
    parts.append('<div class="body">')
    parts.extend(_body(lay.lines(), decorate))
    parts.append("</div>")
    parts += _ending(lay)
    parts += _appendices(lay, decorate)
    parts.append("</article>")
    return "\n".join(parts)


def render_html(report: AnyReport, form: PrintForm = "official") -> str:
    """The whole report as a standalone HTML page (UTF-8, NFC)."""
    lay = layout(report, form)
    h = lay.header
    title = " ".join([h.doc_type, *h.subject])
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{html_body(lay)}\n</body>\n</html>\n"
    )
