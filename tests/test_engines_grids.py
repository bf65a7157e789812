"""Finding tables in a rendered body, and knowing when docxtpl's grid fix would change one."""

from __future__ import annotations

from docxtpl import DocxTemplate
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from baocao.engines.docxtpl_shims import DocumentState
from baocao.engines.grids import grid_is_settled, top_level_tables

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _table(columns: int, rows: list[list[int]]) -> bytes:
    """A table with ``columns`` grid columns; each row lists its cells' spans."""
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(columns))
    body = ""
    for row in rows:
        cells = ""
        for span in row:
            props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
            cells += f"<w:tc>{props}<w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc>"
        body += f"<w:tr>{cells}</w:tr>"
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>".encode()


def _fixed(table: bytes) -> bytes:
    tree = DocxTemplate.fix_tables(DocumentState(), f"<w:body {W}>".encode() + table + b"</w:body>")
    return bytes(etree.tostring(tree[0], method="c14n"))


def _canonical(table: bytes) -> bytes:
    body = etree.fromstring(f"<w:body {W}>".encode() + table + b"</w:body>")
    return bytes(etree.tostring(body[0], method="c14n"))


@settings(max_examples=150, deadline=None)
@given(
    columns=st.integers(min_value=0, max_value=4),
    rows=st.lists(st.lists(st.integers(min_value=1, max_value=3), max_size=5), max_size=4),
)
def test_settled_means_fix_tables_changes_nothing(columns: int, rows: list[list[int]]) -> None:
    """Whenever a table is called settled, docxtpl's fix leaves it exactly as it was."""
    table = _table(columns, rows)
    if grid_is_settled(table):
        assert _fixed(table) == _canonical(table)


def test_ordinary_tables_are_settled_and_loop_leftovers_are_not() -> None:
    """Full rows are settled; a row wider than the grid, or none filling it, is not."""
    assert grid_is_settled(_table(3, [[1, 1, 1], [2, 1], [3]]))
    assert not grid_is_settled(_table(2, [[1, 1, 1]]))
    assert not grid_is_settled(_table(3, [[1, 1]]))
    assert not grid_is_settled(_table(2, []))


def test_unusual_markup_is_left_to_docxtpl() -> None:
    """Nested tables, content controls and tracked changes are never called settled."""
    inner = _table(1, [[1]]).decode()
    nested = _table(1, [[1]]).replace(b"<w:t>\xc3\xb4</w:t>", inner.encode(), 1)
    assert not grid_is_settled(nested)
    sdt = _table(1, [[1]]).replace(b"<w:tr>", b"<w:sdt><w:sdtContent><w:tr>")
    assert not grid_is_settled(sdt)
    change = _table(1, [[1]]).replace(b"<w:tblPr/>", b"<w:tblPr><w:tblPrChange/></w:tblPr>")
    assert not grid_is_settled(change)


def test_top_level_tables_skip_nested_ones_and_look_alike_tags() -> None:
    """Each outermost table is found once, whatever it holds; tblPr and tblGrid are no tables."""
    inner = _table(1, [[1]])
    outer = _table(1, [[1]]).replace(b"<w:t>\xc3\xb4</w:t>", inner, 1)
    body = b"<w:body><w:p/>" + outer + b"<w:p/>" + _table(2, [[1, 1]]) + b"</w:body>"
    found = [body[s:e] for s, e in top_level_tables(body)]
    assert found == [outer, _table(2, [[1, 1]])]
