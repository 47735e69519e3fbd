"""Building the benchmark's database: the one place its data is made.

`build_people(n)` writes the national data set for `n` people (`caseload seed --national`) and
loads it with `caseload import --no-recompute`, the path a real migration takes, timing the
import: its rate is a measure. Derived values are left to the recompute, which is measured next.
"""

from __future__ import annotations

import io
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command

from caseload.core.bench import Writer
from caseload.people.models import Person


@dataclass(frozen=True)
class Built:
    people: int
    #: How the data was made, in words, for the results' notes.
    how: str
    #: The import's rows and seconds (None when an earlier run's database was reused).
    imported_rows: int | None = None
    import_seconds: float | None = None


def build_people(people: int, write: Writer) -> Built:
    """Migrate, write the national data set for `people` people, and import it."""
    call_command("migrate", verbosity=0, interactive=False)
    with tempfile.TemporaryDirectory(prefix="caseload-national-") as where:
        out = Path(where) / "national"
        write(f"  writing the national data set for {people:,} people")
        call_command(
            "seed", national=True, out=out, people=people, verbosity=0, stdout=io.StringIO()
        )
        rows = sum(_lines(path) for path in out.glob("*.jsonl"))
        write(f"  importing {rows:,} rows")
        started = time.perf_counter()
        call_command("import", str(out), no_recompute=True, verbosity=0, stdout=io.StringIO())
        took = time.perf_counter() - started
    return Built(
        Person.objects.count(),
        "caseload seed --national, then caseload import",
        imported_rows=rows,
        import_seconds=took,
    )


def _lines(path: Path) -> int:
    """Rows in one JSON Lines file: one a line."""
    with path.open("rb") as data:
        return sum(1 for line in data if line.strip())
