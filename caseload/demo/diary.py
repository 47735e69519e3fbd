"""A synthetic diary for the demo (pure): each case seen on a steady day and time, every week or
fortnight (monthly for a few), the next four weeks booked, today's appointments whatever day it
is, and a few past appointments still waiting for their outcome.

Deterministic for a given random generator; the seed's own random sequence is not touched, so
every other demo figure stays the same.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")
SLOTS = (
    time(9, 30),
    time(10, 30),
    time(11, 30),
    time(13, 30),
    time(14, 30),
    time(15, 30),
    time(16, 15),
)
#: Cadence of a case: weekly, fortnightly, or monthly (a single appointment booked).
CADENCES = (("week", 25), ("fortnight", 55), ("month", 20))
KINDS = (("COAP", 78), ("CHVS", 6), ("COVC", 8), ("COPT", 8))
OFFICE = "Northbridge probation office"
ROOMS = ("interview room 1", "interview room 2", "interview room 3", "interview room 4")


@dataclass(frozen=True)
class PlannedAppointment:
    case: int  # index into the list of cases given
    contact_type: str
    starts_at: datetime
    duration_minutes: int
    location: str
    series: int | None = None  # index into the plan's series


@dataclass(frozen=True)
class PlannedSeries:
    case: int
    every: str
    first: datetime
    until: date


@dataclass
class DiaryPlan:
    appointments: list[PlannedAppointment]
    series: list[PlannedSeries]


def _pick(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


def _location(rng: random.Random, kind: str, address: str) -> str:
    if kind in ("COVC", "COPT"):
        return "Video or phone"
    if kind == "CHVS":
        return address
    return f"{OFFICE}, {rng.choice(ROOMS)}"


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=UK)


def _working_days_before(day: date, count: int) -> list[date]:
    found: list[date] = []
    while len(found) < count:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            found.append(day)
    return found


def plan_diary(
    rng: random.Random,
    cases: int,
    *,
    today: date,
    weeks: int = 4,
    todays: int = 5,
    awaiting: int = 3,
) -> DiaryPlan:
    """A practitioner's diary over `cases` cases: `weeks` booked from tomorrow, `todays`
    appointments today (earlier ones are still waiting for their outcome), and `awaiting` more
    from the last few working days without an outcome."""
    appointments: list[PlannedAppointment] = []
    series: list[PlannedSeries] = []
    taken: set[tuple[int, time, int]] = set()  # weekday, slot, fortnight parity
    until = today + timedelta(weeks=weeks)
    tomorrow = today + timedelta(days=1)
    order = list(range(cases))
    rng.shuffle(order)
    for case in order:
        cadence = _pick(rng, CADENCES)
        kind = _pick(rng, KINDS)
        address = f"{rng.randint(2, 180)} {rng.choice(('Station', 'Mill', 'Park', 'Church'))} Road"
        location = _location(rng, kind, address)
        duration = 60 if kind == "CHVS" else rng.choice((30, 30, 45, 45, 60))
        for _ in range(20):
            weekday, slot, parity = rng.randrange(5), rng.choice(SLOTS), rng.randrange(2)
            clashes = {(weekday, slot, p) for p in ((0, 1) if cadence == "week" else (parity,))}
            if not clashes & taken:
                taken |= clashes
                break
        else:
            continue  # a full diary: this case is seen by someone else this month
        first = tomorrow + timedelta(days=(weekday - tomorrow.weekday()) % 7)
        if cadence == "fortnight" and (first - tomorrow).days // 7 % 2 != parity:
            first += timedelta(days=7)
        if cadence == "month":
            first += timedelta(weeks=rng.randrange(weeks))
            if first <= until:
                appointments.append(
                    PlannedAppointment(case, kind, _at(first, slot), duration, location)
                )
            continue
        step = timedelta(weeks=1 if cadence == "week" else 2)
        if first > until:
            continue
        series.append(PlannedSeries(case, cadence, _at(first, slot), until))
        day = first
        while day <= until:
            appointments.append(
                PlannedAppointment(case, kind, _at(day, slot), duration, location, len(series) - 1)
            )
            day += step
    for n, slot in enumerate(sorted(rng.sample(SLOTS, min(todays, len(SLOTS))))):
        case = order[n % cases] if cases else 0
        appointments.append(
            PlannedAppointment(case, "COAP", _at(today, slot), 30, f"{OFFICE}, {ROOMS[n % 4]}")
        )
    for n, day in enumerate(_working_days_before(today, awaiting)):
        case = order[(todays + n) % cases] if cases else 0
        slot = SLOTS[(n * 3) % len(SLOTS)]
        appointments.append(
            PlannedAppointment(case, "COAP", _at(day, slot), 45, f"{OFFICE}, {ROOMS[n % 4]}")
        )
    if not cases:
        return DiaryPlan([], [])
    return DiaryPlan(sorted(appointments, key=lambda a: a.starts_at), series)
