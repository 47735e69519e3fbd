"""Exporting a return to a file or a response body: counted and audited with its filters."""

import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from django.http import FileResponse

from caseload.access.audit import record_audit
from caseload.returns.registry import Return, Row
from caseload.returns.scope import ReturnScope
from caseload.returns.writers import CONTENT_TYPES, Format, csv_lines, write_xlsx


class _Counted:
    """Passes rows through, counting them and reporting each to `progress`."""

    def __init__(self, rows: Iterable[Row], progress: Callable[[], None]) -> None:
        self.rows, self.progress, self.count = rows, progress, 0

    def __iter__(self) -> Iterator[Row]:
        for row in self.rows:
            self.count += 1
            self.progress()
            yield row


def _audit(declared: Return, scope: ReturnScope, fmt: Format, rows: int) -> None:
    record_audit(
        scope.user,
        "EXPORT_RETURN",
        detail={
            "return": declared.name,
            "format": fmt,
            "filters": scope.filters.as_dict(),
            "rows": rows,
        },
    )


def streamed_csv(declared: Return, scope: ReturnScope) -> Iterator[str]:
    """The CSV, line by line; the export is audited once the last row has gone."""
    counted = _Counted(declared.rows(scope), lambda: None)
    yield from csv_lines(declared.columns, counted)
    _audit(declared, scope, "csv", counted.count)


def export(
    declared: Return,
    scope: ReturnScope,
    fmt: Format,
    target: IO[bytes],
    *,
    progress: Callable[[], None] = lambda: None,
) -> int:
    """Writes the return to `target` (bytes) and audits it; returns the rows written."""
    counted = _Counted(declared.rows(scope), progress)
    if fmt == "csv":
        for line in csv_lines(declared.columns, counted):
            target.write(line.encode("utf-8"))
    else:
        write_xlsx(declared.columns, counted, target, sheet=declared.title)
    _audit(declared, scope, fmt, counted.count)
    return counted.count


def xlsx_file(declared: Return, scope: ReturnScope) -> FileResponse:
    """The XLSX as a response: written to a temporary file first (a workbook is a zip, so it
    cannot be streamed as it is made), which is removed when the response is closed."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    export(declared, scope, "xlsx", spool)
    spool.seek(0)
    return FileResponse(spool, content_type=CONTENT_TYPES["xlsx"])
