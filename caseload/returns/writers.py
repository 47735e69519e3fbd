"""The two writers every return is exported with: CSV (streamed line by line) and XLSX.

XLSX is written by XlsxWriter in its constant-memory mode, which flushes each row to disk as it
is written, so a national export holds one row in memory rather than the sheet.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import IO, Literal

import xlsxwriter

from caseload.returns.registry import Cell, Column, Row

Format = Literal["csv", "xlsx"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def _spreadsheet_safe(text: str) -> str:
    """A cell that starts like a formula is written as text, so a spreadsheet never runs it
    (OWASP "CSV injection")."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _xml_safe(text: str) -> str:
    """Without the control characters XML cannot hold (a workbook is XML)."""
    return "".join(
        c
        for c in text
        if c in "\t\n\r"
        or (0x20 <= ord(c) < 0xD800 or 0xE000 <= ord(c) < 0xFFFE)
        or ord(c) > 0xFFFF
    )


def _sheet_name(title: str) -> str:
    """Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\\."""
    name = "".join(c for c in title if c.isprintable() and c not in "[]:*?/\\" and ord(c) < 0xFFFE)
    return name[:31].strip(" '") or "Return"


def csv_lines(columns: tuple[Column, ...], rows: Iterable[Row]) -> Iterator[str]:
    """The header, then one line per row, each as its own string: for a streamed response."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values: Iterable[str]) -> str:
        writer.writerow(values)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield line(c.name for c in columns)
    for row in rows:
        yield line(
            _spreadsheet_safe(_text(cell)) if isinstance(cell, str) else _text(cell) for cell in row
        )


def write_xlsx(
    columns: tuple[Column, ...],
    rows: Iterable[Row],
    target: str | IO[bytes],
    *,
    sheet: str,
) -> None:
    """Writes the header and rows to `target`."""
    book = xlsxwriter.Workbook(
        target, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = book.add_format({"bold": True})
    dated = book.add_format({"num_format": "yyyy-mm-dd"})
    worksheet = book.add_worksheet(_sheet_name(sheet))
    for index, column in enumerate(columns):
        worksheet.write_string(0, index, column.title, bold)
        worksheet.set_column(index, index, max(12, len(column.title) + 2))
    for written, row in enumerate(rows, start=1):
        for index, cell in enumerate(row):
            if cell is None:
                continue
            if isinstance(cell, date):
                worksheet.write_datetime(written, index, cell, dated)
            elif isinstance(cell, int | float | Decimal) and not isinstance(cell, bool):
                worksheet.write_number(written, index, float(cell))
            else:
                worksheet.write_string(written, index, _xml_safe(str(cell)))
    book.close()
