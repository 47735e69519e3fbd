"""Building the benchmark's database: the one place its data is made.

`build_people(n)` seeds `n` people with `caseload seed --no-recompute`, in delivery units of at
most `UNIT_PEOPLE` (2,500: about a national unit's size, 244,209 people over 110 units), one
`--seed` each, so that a large N is many units as the nation is. Once `caseload seed --national`
and `caseload import` are both installed (issue 13, parts "national" and "import"), it writes the
national data set for `n` people to a directory and imports it instead, timing the import: the
import rate is then a measure; until then it is reported as not available, never estimated.
"""

from __future__ import annotations

import io
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command, get_commands, load_command_class

from caseload.core.bench import Writer
from caseload.people.models import Person

UNIT_PEOPLE = 2_500


@dataclass(frozen=True)
class Built:
    people: int
    #: How the data was made, in words, for the results' notes.
    how: str
    #: The import's rows and seconds, when the data went through `caseload import`.
    imported_rows: int | None = None
    import_seconds: float | None = None


def national_import_available() -> bool:
    """Both halves of the real migration path are installed: the national seed and the import."""
    commands = get_commands()
    if "import" not in commands or "seed" not in commands:
        return False
    seed = load_command_class(commands["seed"], "seed")
    parser = seed.create_parser("caseload", "seed")
    return any("--national" in action.option_strings for action in parser._actions)


def build_people(people: int, write: Writer) -> Built:
    """Migrate, then make `people` people (derived values are left to the recompute)."""
    call_command("migrate", verbosity=0, interactive=False)
    if national_import_available():
        return _seed_national_and_import(people, write)
    seeds = range(1, -(-people // UNIT_PEOPLE) + 1)
    left = people
    for seed in seeds:
        unit = min(UNIT_PEOPLE, left)
        write(f"  seeding delivery unit {seed} of {len(seeds)}: {unit:,} people")
        call_command(
            "seed", people=unit, seed=seed, no_recompute=True, verbosity=0, stdout=io.StringIO()
        )
        left -= unit
    return Built(
        Person.objects.count(),
        f"caseload seed --no-recompute, {len(seeds)} delivery unit{'s' if len(seeds) > 1 else ''}"
        f" of up to {UNIT_PEOPLE:,} people",
    )


def _seed_national_and_import(people: int, write: Writer) -> Built:
    with tempfile.TemporaryDirectory(prefix="caseload-national-") as where:
        out = Path(where) / "national"
        write(f"  writing the national data set for {people:,} people")
        call_command(
            "seed", national=True, out=out, people=people, verbosity=0, stdout=io.StringIO()
        )
        rows = sum(_lines(path) for path in out.rglob("*") if path.is_file())
        write(f"  importing {rows:,} rows")
        started = time.perf_counter()
        call_command("import", str(out), verbosity=0, stdout=io.StringIO())
        took = time.perf_counter() - started
    return Built(
        Person.objects.count(),
        "caseload seed --national, then caseload import",
        imported_rows=rows,
        import_seconds=took,
    )


def _lines(path: Path) -> int:
    """Data rows in one file: JSON Lines count every line, CSV all but the header."""
    with path.open("rb") as data:
        lines = sum(1 for line in data if line.strip())
    return lines - 1 if path.suffix == ".csv" and lines else lines
