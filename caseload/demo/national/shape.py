"""The shape of the national data set: regions, delivery units, teams and staff (pure; no Django).

At its full size the nation is the caseload and workforce of `shared/reference/case_model.md`
§11: 244,209 people under supervision (OMSQ, 30 June 2025) held by about 10,000 practitioners
(HMPPS workforce quarterly, 30 June 2025: 5,519 FTE probation officers and 5,213 FTE probation
services officers, of whom some hold no cases) in 110 probation delivery units across the 12
probation regions of England and Wales. `national_shape(people)` scales every count down in
proportion, never below one delivery unit per region and one practitioner per unit, so a test
with a few hundred people has the same structure as the nation.

Which region holds what share of the caseload, and how many delivery units each has, are our
estimates **[I]** (roughly in proportion to the regions' populations); the national totals are
the published ones.
"""

from __future__ import annotations

from dataclasses import dataclass

#: People under probation supervision in England and Wales, 30 June 2025 (OMSQ; §11).
NATIONAL_PEOPLE = 244_209
#: Probation delivery units in the nation (§11 "about 110").
NATIONAL_UNITS = 110
#: Case-holding practitioners in the nation (issue 13: "10,000 practitioners").
NATIONAL_PRACTITIONERS = 10_000
#: Practitioners a team manager (SPO) leads: our estimate **[I]**.
PRACTITIONERS_PER_TEAM = 8

#: Case-holding grades and their share of practitioners: POs and PSOs in the workforce
#: statistics' ratio (5,519 : 5,213 FTE, §11) with trainees (PQiP) ours **[I]**.
GRADE_SHARES: dict[str, int] = {"PO": 47, "PSO": 45, "PQIP": 8}


@dataclass(frozen=True)
class RegionShape:
    code: str
    name: str
    #: Per cent of the national caseload **[I]**.
    share: int
    #: Delivery units at national size **[I]**.
    units: int
    #: Courts sentencing the region's cases (a few real ones; the demo's are London's).
    courts: tuple[str, ...]


REGIONS: tuple[RegionShape, ...] = (
    RegionShape(
        "NE",
        "North East",
        5,
        6,
        ("Newcastle Magistrates' Court", "Newcastle Crown Court", "Teesside Magistrates' Court"),
    ),
    RegionShape(
        "NW",
        "North West",
        10,
        11,
        ("Liverpool Crown Court", "Preston Crown Court", "Carlisle Magistrates' Court"),
    ),
    RegionShape(
        "GM",
        "Greater Manchester",
        8,
        10,
        (
            "Manchester and Salford Magistrates' Court",
            "Manchester Crown Court",
            "Bolton Crown Court",
        ),
    ),
    RegionShape(
        "YH",
        "Yorkshire and the Humber",
        10,
        10,
        ("Leeds Magistrates' Court", "Leeds Crown Court", "Sheffield Crown Court"),
    ),
    RegionShape(
        "WM",
        "West Midlands",
        10,
        11,
        ("Birmingham Magistrates' Court", "Birmingham Crown Court", "Wolverhampton Crown Court"),
    ),
    RegionShape(
        "EM",
        "East Midlands",
        8,
        8,
        ("Nottingham Magistrates' Court", "Nottingham Crown Court", "Leicester Crown Court"),
    ),
    RegionShape(
        "EE",
        "East of England",
        8,
        8,
        ("Norwich Magistrates' Court", "Norwich Crown Court", "Chelmsford Crown Court"),
    ),
    RegionShape(
        "LON",
        "London",
        17,
        18,
        (
            "Highbury Corner Magistrates' Court",
            "Snaresbrook Crown Court",
            "Thames Magistrates' Court",
            "Wood Green Crown Court",
            "Westminster Magistrates' Court",
        ),
    ),
    RegionShape(
        "KSS",
        "Kent, Surrey and Sussex",
        6,
        7,
        ("Maidstone Crown Court", "Brighton Magistrates' Court", "Guildford Crown Court"),
    ),
    RegionShape(
        "SC",
        "South Central",
        6,
        7,
        ("Reading Crown Court", "Oxford Crown Court", "Southampton Magistrates' Court"),
    ),
    RegionShape(
        "SW",
        "South West",
        6,
        7,
        ("Bristol Magistrates' Court", "Bristol Crown Court", "Exeter Crown Court"),
    ),
    RegionShape(
        "WAL",
        "Wales",
        6,
        7,
        ("Cardiff Magistrates' Court", "Cardiff Crown Court", "Swansea Crown Court"),
    ),
)


@dataclass(frozen=True)
class TeamShape:
    code: str
    name: str
    #: Case-holding practitioners in the team (each team also has one manager).
    practitioners: int


@dataclass(frozen=True)
class UnitShape:
    code: str
    name: str
    region: str
    people: int
    teams: tuple[TeamShape, ...]

    @property
    def practitioners(self) -> int:
        return sum(t.practitioners for t in self.teams)


@dataclass(frozen=True)
class NationalShape:
    people: int
    regions: tuple[RegionShape, ...]
    units: tuple[UnitShape, ...]

    @property
    def practitioners(self) -> int:
        return sum(u.practitioners for u in self.units)

    @property
    def teams(self) -> int:
        return sum(len(u.teams) for u in self.units)


def apportion(total: int, weights: list[int] | list[float], minimum: int = 0) -> list[int]:
    """`total` split in proportion to `weights`, each part at least `minimum`, the parts summing
    to `total` exactly (largest remainders). Needs `total >= minimum * len(weights)`."""
    if not weights:
        raise ValueError("no weights to apportion over")
    if total < minimum * len(weights):
        raise ValueError(f"{total} is fewer than {minimum} for each of {len(weights)}")
    spare = total - minimum * len(weights)
    whole = sum(weights)
    exact = [spare * w / whole if whole else spare / len(weights) for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (parts[i] - exact[i], i))
    for i in by_remainder[: spare - sum(parts)]:
        parts[i] += 1
    return [minimum + p for p in parts]


def scaled(national: int, people: int, minimum: int) -> int:
    """A national count scaled to `people` in proportion, at least `minimum`."""
    return max(minimum, round(national * people / NATIONAL_PEOPLE))


def national_shape(people: int = NATIONAL_PEOPLE) -> NationalShape:
    """The regions, units and teams for `people`, each unit with its people and practitioners."""
    if people < len(REGIONS):
        raise ValueError(f"at least {len(REGIONS)} people: one for each region")
    unit_total = min(people, scaled(NATIONAL_UNITS, people, len(REGIONS)))
    units_by_region = apportion(unit_total, [r.units for r in REGIONS], minimum=1)
    people_by_region = _at_least(people, [r.share for r in REGIONS], units_by_region)
    unit_people: list[tuple[RegionShape, int, int]] = []
    for region, unit_count, region_people in zip(
        REGIONS, units_by_region, people_by_region, strict=True
    ):
        for index, count in enumerate(apportion(region_people, [1] * unit_count, minimum=1)):
            unit_people.append((region, index + 1, count))
    practitioner_total = min(
        people, scaled(NATIONAL_PRACTITIONERS, people, minimum=len(unit_people))
    )
    per_unit = apportion(practitioner_total, [p for _, _, p in unit_people], minimum=1)
    units = tuple(
        _unit(region, number, count, practitioners)
        for (region, number, count), practitioners in zip(unit_people, per_unit, strict=True)
    )
    return NationalShape(people, REGIONS, units)


def _at_least(total: int, weights: list[int], minimums: list[int]) -> list[int]:
    """`total` in proportion to `weights`, each part at least its own minimum."""
    floors = sum(minimums)
    extra = apportion(total - floors, weights)
    return [m + e for m, e in zip(minimums, extra, strict=True)]


def _unit(region: RegionShape, number: int, people: int, practitioners: int) -> UnitShape:
    code = f"{region.code}{number:02d}"
    team_count = max(1, round(practitioners / PRACTITIONERS_PER_TEAM))
    teams = tuple(
        TeamShape(f"{code}T{i + 1:02d}", f"{region.name} {number} team {i + 1}", size)
        for i, size in enumerate(apportion(practitioners, [1] * team_count, minimum=1))
    )
    return UnitShape(code, f"{region.name} {number} PDU", region.code, people, teams)


def grades_for(practitioners: int) -> list[str]:
    """The grades of the nation's practitioners in the national shares (largest remainders), to
    be dealt out to them in a random order."""
    counts = apportion(practitioners, list(GRADE_SHARES.values()))
    return [grade for grade, n in zip(GRADE_SHARES, counts, strict=True) for _ in range(n)]
