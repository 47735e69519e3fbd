"""`caseload seed --national`: the national data set written in the import format (pure; no
Django), so that it goes through the same path a real migration would (`caseload import`).

Deterministic: every person is drawn from their own generator, seeded by the data set's seed
and their CRN, so the same `seed`, `people` and `today` give byte-identical files. One person's
rows are written as they are drawn: memory does not grow with `people`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from caseload.demo.national.people import Unit, person_rows
from caseload.demo.national.shape import NATIONAL_PEOPLE, NationalShape, national_shape
from caseload.demo.national.staff import (
    Caseloads,
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


def write_national(
    out: Path,
    *,
    seed: int,
    today: date,
    people: int = NATIONAL_PEOPLE,
    progress: Callable[[int], None] = lambda n: None,
) -> NationalSummary:
    if people > 999_999:
        raise ValueError("at most 999,999 people: a CRN has six digits")
    shape = national_shape(people)
    rng = random.Random(f"national-{seed}")
    description = f"National data set: seed {seed}, {people} people, as at {today.isoformat()}"
    number = 0
    with ImportDirectory(out, description) as directory:
        _organisation(directory, shape)
        grades = practitioner_grades(rng, shape)
        staff = [unit_staff(rng, unit, grades) for unit in shape.units]
        for rows in staff:
            for row in rows.rows:
                directory.write("staff", row)
        for row in national_staff_rows(rng, shape):
            directory.write("staff", row)
        for shaped, unit_staff_ in zip(shape.units, staff, strict=True):
            unit = Unit(
                Caseloads(rng, unit_staff_.practitioners, shaped.people),
                unit_staff_.practitioners,
                unit_staff_.managers,
                office=f"{shaped.name.removesuffix(' PDU')} probation office",
                courts=next(r.courts for r in shape.regions if r.code == shaped.region),
            )
            for _ in range(shaped.people):
                number += 1
                crn = crn_for(seed, number)
                person_rng = random.Random(f"national-{seed}-{crn}")
                for name, row in person_rows(person_rng, crn, today, unit):
                    directory.write(name, row)
                progress(1)
    return NationalSummary(
        out, people, len(shape.units), shape.teams, shape.practitioners, dict(directory.counts)
    )


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
