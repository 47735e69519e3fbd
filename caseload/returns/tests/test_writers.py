"""The CSV and XLSX writers: every return's title makes a sheet, and no cell runs as a formula."""

import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

from caseload.returns.registry import Column
from caseload.returns.writers import csv_lines, write_xlsx

COLUMNS = (Column("crn", "CRN"), Column("people", "People", "number"), Column("on", "On", "date"))


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60))
def test_any_title_makes_a_sheet_excel_accepts(title):
    target = io.BytesIO()
    write_xlsx(COLUMNS, [("X123456", 3, date(2026, 3, 31))], target, sheet=title)
    assert openpyxl.load_workbook(io.BytesIO(target.getvalue())).active.max_row == 2


def test_a_cell_that_looks_like_a_formula_is_written_as_text():
    lines = "".join(csv_lines(COLUMNS, [("=HYPERLINK(1)", 1, None), ("-2", Decimal("2.5"), None)]))
    rows = list(csv.reader(io.StringIO(lines)))
    assert rows[0] == ["crn", "people", "on"]
    assert rows[1] == ["'=HYPERLINK(1)", "1", ""]
    assert rows[2] == ["'-2", "2.5", ""]


def test_numbers_and_dates_keep_their_types_in_the_spreadsheet():
    target = io.BytesIO()
    write_xlsx(COLUMNS, [("X123456", Decimal("83.3"), date(2026, 3, 31))], target, sheet="Tier")
    sheet = openpyxl.load_workbook(io.BytesIO(target.getvalue())).active
    assert sheet.cell(2, 2).value == 83.3
    assert sheet.cell(2, 3).value.date() == date(2026, 3, 31)
