"""`import_directory`: a directory in the import format (`docs/import-format.md`) loaded file by
file in load order, in batches, each batch in one transaction with its history rows and one
audit entry; refused rows reported, every valid row loaded; then the derived values recomputed.

Running it again loads only what is not loaded yet: every row's key is looked up before it is
written, in the batch's transaction, so an import stopped at any moment (it keeps whole
batches) is carried on by running it again, and a finished one loads nothing twice.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.derived.recompute import recompute_all
from caseload.imports.domain import (
    FILES,
    Clock,
    Manifest,
    ManifestError,
    RowError,
    parse_row,
    read_manifest,
    row_errors,
)
from caseload.imports.loaders import LOADERS, Batch

BATCH_SIZE = 10_000
REPORT_NAME = "import-errors.csv"
REPORT_COLUMNS = ("file", "line", "field", "rule", "message")


class ImportRefused(Exception):
    """The directory cannot be imported (nothing was loaded): the message says why."""


class Bar(Protocol):
    def update(self, n: int) -> Any: ...

    def close(self) -> Any: ...


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


@dataclass
class FileSummary:
    file: str
    rows: int = 0
    loaded: int = 0
    skipped: int = 0
    refused: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Rows a second, read and written or skipped."""
        return self.rows / self.seconds if self.seconds else 0.0


@dataclass
class ImportSummary:
    files: list[FileSummary] = field(default_factory=list)
    report: Path | None = None
    #: People whose derived values were recomputed (None: not recomputed).
    recomputed: int | None = None
    recompute_seconds: float = 0.0

    def total(self, what: str) -> int:
        return sum(getattr(f, what) for f in self.files)

    @property
    def seconds(self) -> float:
        return sum(f.seconds for f in self.files)

    @property
    def rate(self) -> float:
        return self.total("rows") / self.seconds if self.seconds else 0.0


def count_rows(path: Path) -> int:
    """The lines of a file, the last one counted whether or not it ends with a newline."""
    lines, last = 0, b"\n"
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def read_directory(directory: Path) -> tuple[Manifest, dict[str, int]]:
    """The manifest, and each file's row count, checked against each other before anything
    loads."""
    if not directory.is_dir():
        raise ImportRefused(f"{directory} is not a directory")
    manifest_path = directory / "manifest.json"
    if not manifest_path.is_file():
        raise ImportRefused(f"{directory} has no manifest.json")
    try:
        manifest = read_manifest(manifest_path.read_text(encoding="utf-8"))
    except ManifestError as exc:
        raise ImportRefused(str(exc)) from exc
    counts = {}
    for name in FILES:
        path = directory / name
        found = count_rows(path) if path.is_file() else 0
        expected = manifest.counts.get(name, 0)
        if found != expected:
            raise ImportRefused(
                f"{name} has {found} rows but manifest.json says {expected}: "
                "is the directory complete?"
            )
        counts[name] = found
    return manifest, counts


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Each line as bytes: a line that is not UTF-8 is refused on its own, not the file."""
    with path.open("rb") as f:
        yield from enumerate(f, start=1)


def _batches(path: Path, size: int) -> Iterator[list[tuple[int, bytes]]]:
    batch: list[tuple[int, bytes]] = []
    for item in _lines(path):
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Report:
    """The error report, written as refusals are found; removed if there were none."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._file = path.open("w", newline="", encoding="utf-8")
        self._writer = csv.writer(self._file)
        self._writer.writerow(REPORT_COLUMNS)

    def write(self, errors: list[RowError]) -> None:
        self._writer.writerows((e.file, e.line, e.field, e.rule, e.message) for e in errors)
        self.count += len(errors)

    def close(self) -> Path | None:
        self._file.close()
        if self.count:
            return self.path
        self.path.unlink()
        return None


def _load_batch(
    file: str,
    lines: list[tuple[int, bytes]],
    clock: Clock,
    report: _Report,
    tables: dict[str, dict[Any, Any]],
) -> tuple[int, int, int]:
    """One batch in one transaction; returns the rows loaded, skipped and refused."""
    parsed = [(line, parse_row(file, text, clock)) for line, text in lines]
    errors = [e for line, p in parsed if p.problems for e in row_errors(file, line, p.problems)]
    batch = Batch(file, [(line, p) for line, p in parsed if not p.problems], clock, tables)
    with transaction.atomic():
        LOADERS[file](batch)
        refused = len(lines) - len(batch.rows) + len(batch.refused)
        loaded = len(lines) - refused - batch.skipped
        record_audit(
            None,
            "IMPORT_BATCH",
            detail={
                "file": file,
                "first_line": lines[0][0],
                "last_line": lines[-1][0],
                "loaded": loaded,
                "skipped": batch.skipped,
                "refused": refused,
            },
        )
    errors += [
        e for line, problems in batch.refused.items() for e in row_errors(file, line, problems)
    ]
    report.write(sorted(errors, key=lambda e: e.line))
    return loaded, batch.skipped, refused


def import_directory(
    path: Path | str,
    *,
    progress: Callable[[str, int], Bar] = lambda file, rows: _NoBar(),
    batch_size: int = BATCH_SIZE,
    report: Path | str | None = None,
    recompute: bool = True,
    recompute_progress: Callable[[int], None] = lambda n: None,
    after_batch: Callable[[str, int], None] = lambda file, number: None,
) -> ImportSummary:
    """Load the directory; return what was loaded, skipped and refused, file by file.

    `progress(file, rows)` makes a progress bar for one file (the command's are tqdm's);
    `after_batch(file, n)` is called after the n-th batch of a file is committed (a test
    stops an import there as a kill would). Raises `ImportRefused` before loading anything
    if the directory is not one this caseload can read."""
    directory = Path(path)
    if batch_size < 1:
        raise ImportRefused("A batch holds at least one row")
    _, counts = read_directory(directory)
    clock = Clock(timezone.localdate(), timezone.now())
    report_path = Path(report) if report else directory / REPORT_NAME
    try:
        errors = _Report(report_path)
    except OSError as exc:
        raise ImportRefused(f"Cannot write the error report {report_path}: {exc.strerror}") from exc
    summary = ImportSummary()
    try:
        for file, rows in counts.items():
            done = FileSummary(file, rows)
            summary.files.append(done)
            if not rows:
                continue
            bar = progress(file, rows)
            started = time.perf_counter()
            tables: dict[str, dict[Any, Any]] = {}
            try:
                for number, lines in enumerate(_batches(directory / file, batch_size), start=1):
                    loaded, skipped, refused = _load_batch(file, lines, clock, errors, tables)
                    done.loaded += loaded
                    done.skipped += skipped
                    done.refused += refused
                    done.seconds = time.perf_counter() - started
                    bar.update(len(lines))
                    after_batch(file, number)
            finally:
                bar.close()
    finally:
        summary.report = errors.close()
    if recompute:
        started = time.perf_counter()
        summary.recomputed = recompute_all(progress=recompute_progress).counts.people
        summary.recompute_seconds = time.perf_counter() - started
    return summary
