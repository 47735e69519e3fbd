"""`caseload seed --national`: the national data set written in the import format (pure; no
Django), so that it goes through the same path a real migration would (`caseload import`).

Deterministic: every person is drawn from their own generator, seeded by the data set's seed
and their CRN, so the same `seed`, `people` and `today` give byte-identical files. One person's
rows are written as they are drawn: memory does not grow with `people`.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from caseload.demo.national.people import Unit, person_rows
from caseload.demo.national.shape import NATIONAL_PEOPLE, NationalShape, national_shape
from caseload.demo.national.staff import (
    Caseloads,
    UnitStaff,
    national_staff_rows,
    practitioner_grades,
    unit_staff,
)
from caseload.demo.national.writer import ImportDirectory


@dataclass(frozen=True)
class NationalSummary:
    out: Path
    people: int
    units: int
    teams: int
    practitioners: int
    counts: dict[str, int]

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def crn_for(seed: int, number: int) -> str:
    """The CRN of the data set's `number`th person: a letter for the seed and six digits."""
    return f"{chr(ord('A') + seed % 26)}{number:06d}"


@dataclass(frozen=True)
class _Staffing:
    """Every unit's staff, drawn in one sequence from the data set's generator."""

    units: list[UnitStaff]
    national: list[dict[str, object]]


def _staffing(shape: NationalShape, seed: int) -> _Staffing:
    rng = random.Random(f"national-{seed}")
    grades = practitioner_grades(rng, shape)
    units = [unit_staff(rng, unit, grades) for unit in shape.units]
    return _Staffing(units, national_staff_rows(rng, shape))


def write_national(
    out: Path,
    *,
    seed: int,
    today: date,
    people: int = NATIONAL_PEOPLE,
    workers: int = 1,
    progress: Callable[[int], None] = lambda n: None,
) -> NationalSummary:
    """With `workers` above 1, delivery units are drawn in that many processes, each into its
    own part directory, and the parts joined in order: the files are the same whatever the
    number of workers."""
    if people > 999_999:
        raise ValueError("at most 999,999 people: a CRN has six digits")
    shape = national_shape(people)
    staffing = _staffing(shape, seed)
    description = f"National data set: seed {seed}, {people} people, as at {today.isoformat()}"
    with ImportDirectory(out, description) as directory:
        _organisation(directory, shape)
        for unit in staffing.units:
            for row in unit.rows:
                directory.write("staff", row)
        for row in staffing.national:
            directory.write("staff", row)
        if workers <= 1:
            for index in range(len(shape.units)):
                _write_unit(directory, shape, staffing, index, seed, today, progress)
        else:
            _write_units_in_parallel(directory, shape, seed, today, workers, progress)
    return NationalSummary(
        out, people, len(shape.units), shape.teams, shape.practitioners, dict(directory.counts)
    )


def _write_unit(
    directory: ImportDirectory,
    shape: NationalShape,
    staffing: _Staffing,
    index: int,
    seed: int,
    today: date,
    progress: Callable[[int], None],
) -> None:
    """The people of the `index`th unit. Its caseloads have their own generator, and each
    person theirs, so a unit is drawn the same whichever process draws it."""
    shaped, staff = shape.units[index], staffing.units[index]
    unit = Unit(
        Caseloads(
            random.Random(f"national-{seed}-{shaped.code}"), staff.practitioners, shaped.people
        ),
        staff.practitioners,
        staff.managers,
        office=f"{shaped.name.removesuffix(' PDU')} probation office",
        courts=next(r.courts for r in shape.regions if r.code == shaped.region),
    )
    first = sum(u.people for u in shape.units[:index]) + 1
    for number in range(first, first + shaped.people):
        crn = crn_for(seed, number)
        for name, row in person_rows(random.Random(f"national-{seed}-{crn}"), crn, today, unit):
            directory.write(name, row)
        progress(1)


@cache
def _plan(people: int, seed: int) -> tuple[NationalShape, _Staffing]:
    """The shape and staff, worked out once in each worker process."""
    shape = national_shape(people)
    return shape, _staffing(shape, seed)


def _unit_part(out: Path, people: int, index: int, seed: int, today: date) -> dict[str, int]:
    """One unit drawn into its own part directory (in a worker process)."""
    shape, staffing = _plan(people, seed)
    with ImportDirectory(out, "", manifest=False) as part:
        _write_unit(part, shape, staffing, index, seed, today, lambda n: None)
    return part.counts


def _write_units_in_parallel(
    directory: ImportDirectory,
    shape: NationalShape,
    seed: int,
    today: date,
    workers: int,
    progress: Callable[[int], None],
) -> None:
    parts = directory.out / ".parts"
    with ProcessPoolExecutor(workers) as pool:
        futures = {
            pool.submit(_unit_part, parts / str(i), shape.people, i, seed, today): i
            for i in range(len(shape.units))
        }
        counts = {}
        for done in as_completed(futures):
            counts[futures[done]] = done.result()
            progress(shape.units[futures[done]].people)
    for i in range(len(shape.units)):
        directory.append_part(parts / str(i), counts[i])
    shutil.rmtree(parts)


def _organisation(directory: ImportDirectory, shape: NationalShape) -> None:
    for region in shape.regions:
        directory.write("regions", {"code": region.code, "name": region.name})
    for unit in shape.units:
        directory.write(
            "delivery_units", {"code": unit.code, "name": unit.name, "region": unit.region}
        )
        for team in unit.teams:
            directory.write(
                "teams", {"code": team.code, "name": team.name, "delivery_unit": unit.code}
            )
