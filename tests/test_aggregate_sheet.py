"""Team reports sent as spreadsheets (.csv, .xlsx) read like the YAML ones."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from baocao.aggregate import load_team_report
from baocao.errors import LoadError

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT / "examples" / "to-huyen" / "17-thi-tran-minh-son.csv"


def _rows() -> list[list[str]]:
    with CSV.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_csv_example_reads_every_record() -> None:
    rows = _rows()
    r = load_team_report(CSV)
    count = {k: sum(1 for row in rows[1:] if row[0] == k) for k in ("member", "cell", "attendance")}
    assert r.team == "Tổ huyện số 17"
    assert r.year == 2023 and r.submitted == dt.date(2023, 12, 1)
    assert len(r.members) == count["member"]
    assert len(r.cells) == count["cell"]
    assert len(r.attendance) == count["attendance"]
    assert r.leader == r.members[0].name  # the member whose role is Tổ trưởng
    assert r.attendance[0].date.year == 2023  # d/m/yyyy read as a date


def test_csv_columns_in_any_order(tmp_path: Path) -> None:
    rows = _rows()
    order = list(reversed(range(len(rows[0]))))
    flipped = [[row[i] for i in order] for row in rows]
    again = load_team_report(_write_csv(tmp_path / "t.csv", flipped))
    assert again == load_team_report(CSV)


def test_csv_errors_name_the_row(tmp_path: Path) -> None:
    rows = _rows()
    rows.insert(3, ["visit", "", "", "", "", "", "", ""])
    with pytest.raises(LoadError) as err:
        load_team_report(_write_csv(tmp_path / "t.csv", rows))
    assert [(p.path, p.line) for p in err.value.problems] == [("record", 4)]

    rows = _rows()
    i = next(n for n, row in enumerate(rows) if row[0] == "attendance")
    rows[i][4] = "Chi bộ không có"
    j = next(n for n, row in enumerate(rows) if row[0] == "difficulty")
    rows[j][7] = "Ai đó"
    with pytest.raises(LoadError) as err:
        load_team_report(_write_csv(tmp_path / "t.csv", rows))
    assert str(tmp_path / "t.csv") in str(err.value)
    got = {(p.path, p.line) for p in err.value.problems}
    assert got == {("attendance[0].cell", i + 1), ("difficulties[0].authority", j + 1)}


def test_csv_bad_header(tmp_path: Path) -> None:
    rows = _rows()
    rows[0][2] = "chức vụ"
    with pytest.raises(LoadError) as err:
        load_team_report(_write_csv(tmp_path / "t.csv", rows))
    assert err.value.problems[0].line == 1
    assert "chức vụ" in err.value.problems[0].message


def test_xlsx_reads_like_csv(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for n, row in enumerate(_rows()):
        cells: list[object] = list(row)
        if n and row[0] == "attendance":  # a real date cell, as Excel stores it
            d, m, y = (int(x) for x in row[5].split("/"))
            cells[5] = dt.datetime(y, m, d)
        if n and row[0] == "team":
            cells[6] = 2023  # a number cell
        sheet.append(cells)
    book.save(tmp_path / "t.xlsx")
    assert load_team_report(tmp_path / "t.xlsx") == load_team_report(CSV)


def test_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    bad = tmp_path / "t.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(LoadError, match="xlsx"):
        load_team_report(bad)


def _word(path: Path, rows: list[list[str]]) -> Path:
    import docx

    d = docx.Document()
    for line in (
        "HUYỆN ỦY MINH SƠN",
        "TỔ DỰ SINH HOẠT CHI BỘ THỊ TRẤN MINH SƠN",
        "Số 17-BC/TH",
        "Minh Sơn, ngày 01 tháng 12 năm 2023",
        "BÁO CÁO",
        "kết quả hoạt động năm 2023 của Tổ",
        "Tổ báo cáo số liệu năm 2023 như sau:",
    ):
        d.add_paragraph(line)
    if rows:
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                table.cell(i, j).text = text
    d.add_paragraph("TỔ TRƯỞNG")
    d.save(path)
    return path


def test_word_report_reads_its_record_table_and_letterhead(tmp_path: Path) -> None:
    r = load_team_report(_word(tmp_path / "to-17.docx", _rows()))
    sheet = load_team_report(CSV)
    assert r.model_dump(exclude={"header"}) == sheet.model_dump(exclude={"header"})
    assert r.header is not None
    assert r.header.issuer.name == "TỔ DỰ SINH HOẠT CHI BỘ THỊ TRẤN MINH SƠN"


def test_word_report_errors_name_the_table_row(tmp_path: Path) -> None:
    rows = _rows()
    j = next(n for n, row in enumerate(rows) if row[0] == "proposal")
    rows[j][7] = "Ai đó"
    with pytest.raises(LoadError) as err:
        load_team_report(_word(tmp_path / "to.docx", rows))
    assert [(p.path, p.line) for p in err.value.problems] == [("proposals[0].authority", j + 1)]


def test_word_report_without_the_table(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="record"):
        load_team_report(_word(tmp_path / "to.docx", []))
