"""The staff of the national data set, as import rows (pure; no Django).

Each team has one manager (SPO) and its practitioners; each delivery unit a head; each region an
analyst; the nation one administrator. Contracted hours are the demo's mix (`demo/seed.py`:
mostly full time).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from caseload.demo.generator import FIRST_FEMALE, FIRST_MALE, LAST
from caseload.demo.national.shape import NationalShape, UnitShape, apportion, grades_for

#: Contracted hours a week, drawn for each practitioner (as the demo's `HOURS`).
HOURS = (37, 37, 37, 30, 22.5, 18.5)
#: A practitioner's share of cases by grade, for the same hours (as the demo's `CASE_WEIGHT`:
#: trainees hold a protected caseload).
CASE_WEIGHT = {"PO": 1.0, "PSO": 0.85, "PQIP": 0.5}
FIRST = FIRST_MALE + FIRST_FEMALE


@dataclass(frozen=True)
class Practitioner:
    username: str
    team: str
    grade: str
    hours: float

    @property
    def case_weight(self) -> float:
        return CASE_WEIGHT[self.grade] * self.hours


class Caseloads:
    """The cases a unit's practitioners will hold: each practitioner's share in proportion to
    grade and hours, in a random order. A case at high or very high risk of serious harm goes
    to the next probation officer with a case to take: higher-risk cases are held by POs only
    (NAO, §11: 22% of the caseload), and trainees and PSOs hold the rest."""

    def __init__(self, rng: random.Random, practitioners: list[Practitioner], people: int) -> None:
        counts = apportion(people, [p.case_weight for p in practitioners])
        self._cases = [p for p, n in zip(practitioners, counts, strict=True) for _ in range(n)]
        rng.shuffle(self._cases)

    def take(self, *, high_risk: bool) -> Practitioner:
        if high_risk:
            for index, practitioner in enumerate(self._cases):
                if practitioner.grade == "PO":
                    return self._cases.pop(index)
        return self._cases.pop(0)

    def __len__(self) -> int:
        return len(self._cases)


@dataclass
class UnitStaff:
    """A delivery unit's staff rows, its practitioners and each team's manager."""

    rows: list[dict[str, object]]
    practitioners: list[Practitioner]
    managers: dict[str, str]


def _row(
    rng: random.Random, username: str, code: str, grade: str, role: str, team: str, hours: float
) -> dict[str, object]:
    return {
        "username": username,
        "officer_code": code,
        "first_name": rng.choice(FIRST),
        "last_name": rng.choice(LAST),
        "email": f"{username}@example.justice.gov.uk",
        "grade": grade,
        "role": role,
        "team": team,
        "contracted_hours": hours,
    }


def practitioner_grades(rng: random.Random, shape: NationalShape) -> list[str]:
    """Every practitioner's grade, in the national shares, dealt out in a random order."""
    grades = grades_for(shape.practitioners)
    rng.shuffle(grades)
    return grades


def unit_staff(rng: random.Random, unit: UnitShape, grades: list[str]) -> UnitStaff:
    """`grades` is consumed: one for each of the unit's practitioners."""
    first_team = unit.teams[0].code
    rows = [
        _row(rng, f"{unit.code.lower()}.head", f"{unit.code}H", "OTHER", "head", first_team, 37)
    ]
    practitioners: list[Practitioner] = []
    managers: dict[str, str] = {}
    for team in unit.teams:
        manager = f"{team.code.lower()}.m"
        managers[team.code] = manager
        rows.append(_row(rng, manager, f"{team.code}M", "SPO", "manager", team.code, 37))
        for number in range(1, team.practitioners + 1):
            grade = grades.pop()
            hours = rng.choice(HOURS)
            username = f"{team.code.lower()}.p{number:02d}"
            code = f"{team.code}P{number:02d}"
            rows.append(_row(rng, username, code, grade, "practitioner", team.code, hours))
            practitioners.append(Practitioner(username, team.code, grade, hours))
    return UnitStaff(rows, practitioners, managers)


def national_staff_rows(rng: random.Random, shape: NationalShape) -> list[dict[str, object]]:
    """Each region's analyst and the nation's administrator (in a region's first team)."""
    rows = []
    for region in shape.regions:
        unit = next(u for u in shape.units if u.region == region.code)
        username = f"{region.code.lower()}.analyst"
        rows.append(
            _row(rng, username, f"{region.code}A", "OTHER", "analyst", unit.teams[0].code, 37)
        )
    rows.append(_row(rng, "national.admin", "NATADMIN", "OTHER", "admin", "", 37))
    del rows[-1]["team"]
    return rows
