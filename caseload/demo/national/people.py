"""One person of the national data set, as import rows (pure; no Django).

The record itself is the demo's (`demo/generator.py`: offence, sentence, requirements, licence
conditions, registrations, circumstances, assessment, criminal history), with supervision begun
up to two years ago; the contacts and appointments are drawn at national rates
(`national/contacts.py`). Around that:

- Registrations are reviewed on each review date their register's period sets
  (`risk.domain.review_due`), a few days late at times.
- A case at high or very high RoSH is held by a probation officer (`staff.Caseloads`).
- 15% of cases changed practitioner within the unit during the two years **[I]** (absence,
  leavers, reallocation after a change of risk): two allocations, each contact recorded by the
  practitioner holding the case that day.
- A quarter of people changed accommodation and 30% employment during supervision **[I]**.
- Post-sentence supervision follows half a custodial term of under two years.
- 0.5% of cases have a limited-access list **[I]**: an exclusion naming a colleague in the
  same unit, or a restriction to the practitioner and the team manager.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from caseload.demo.actual_minutes import add_actual_minutes
from caseload.demo.generator import SyntheticPerson, synthetic_person
from caseload.demo.national.contacts import LONDON, WINDOW_DAYS, Supervision, plan_diary, risk_level
from caseload.demo.national.staff import Caseloads, Practitioner
from caseload.risk.domain import review_due

REALLOCATED_SHARE = 0.15
LIMITED_ACCESS_SHARE = 0.005
Row = tuple[str, dict[str, object]]


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _clean(row: dict[str, object]) -> dict[str, object]:
    """Dates as ISO 8601; empty optional values left out."""
    return {k: _iso(v) for k, v in row.items() if v is not None and v != ""}


@dataclass(frozen=True)
class Unit:
    """The delivery unit a person is supervised in."""

    caseloads: Caseloads
    practitioners: list[Practitioner]
    #: Each team's manager, by team code.
    managers: dict[str, str]
    office: str
    courts: tuple[str, ...]


def person_rows(rng: random.Random, crn: str, today: date, unit: Unit) -> Iterator[Row]:
    """Every row of one person's record, each with the file it goes in."""
    p = synthetic_person(rng, crn, today, supervised_for=WINDOW_DAYS, with_contacts=False)
    p.event["court"] = rng.choice(unit.courts)
    if p.sentence["sentence_type"] == "PSS":
        _custody_before_post_sentence_supervision(rng, p)
    start = p.sentence["release_date"] or p.sentence["sentence_date"]
    assert isinstance(start, date)
    yield "people", _person(p)
    yield "events", _clean({"crn": crn, **p.event})
    yield "sentences", _clean({"crn": crn, "event": 1, **p.sentence})
    for n, r in enumerate(p.requirements, start=1):
        yield "requirements", _clean({"ref": f"{crn}-R{n}", "crn": crn, "event": 1, **r})
    for n, c in enumerate(p.licence_conditions, start=1):
        yield "licence_conditions", _clean({"ref": f"{crn}-L{n}", "crn": crn, "event": 1, **c})
    for n, c in enumerate(_changes_of_circumstances(rng, p.circumstances, today), start=1):
        yield "circumstances", _clean({"ref": f"{crn}-CI{n}", "crn": crn, **c})
    for n, r in enumerate(p.registrations, start=1):
        yield "registrations", _registration(rng, f"{crn}-RG{n}", crn, r, today)
    if p.assessment is not None:
        yield "assessments", _clean({"ref": f"{crn}-AS1", "crn": crn, **p.assessment})
    risk = risk_level([str(r["register"]) for r in p.registrations])
    holder = unit.caseloads.take(high_risk=risk == "HIGH")
    holders = _holders(rng, start, today, holder, unit.practitioners)
    for n, (staff, since, until) in enumerate(holders, start=1):
        row = {"ref": f"{crn}-AL{n}", "crn": crn, "staff": staff.username, "start_date": since}
        yield "allocations", _clean({**row, "end_date": until})
    hours = sum(int(r["length"]) for r in p.requirements if r["category"] == "W")  # type: ignore[call-overload]
    yield from _diary(rng, today, holders, Supervision(crn, start, risk, hours, unit.office))
    if rng.random() < LIMITED_ACCESS_SHARE:
        manager = unit.managers[holder.team]
        yield from _limited_access(rng, crn, holders[-1], unit.practitioners, manager)


#: Custodial terms, in months, that post-sentence supervision follows: under two years
#: (Offender Rehabilitation Act 2014, Criminal Justice Act 2003 s.256AA) **[I]** for the mix.
PSS_CUSTODY_MONTHS = (3, 4, 6, 8, 9, 12, 16, 18)


def _custody_before_post_sentence_supervision(rng: random.Random, p: SyntheticPerson) -> None:
    """The demo releases post-sentence supervision cases on the day they are sentenced; here
    they serve half a term of under two years first (the conviction and offence move back with
    the sentence), and supervision ends 12 months after the term would have (s.256AA)."""
    release = p.sentence["release_date"]
    assert isinstance(release, date)
    months = rng.choice(PSS_CUSTODY_MONTHS)
    custody = timedelta(days=30 * months // 2)
    p.sentence.update(
        sentence_date=release - custody,
        length=months,
        licence_expiry_date=release - custody + timedelta(days=30 * months + 365),
    )
    conviction = p.event["conviction_date"]
    offence = p.event["offence_date"]
    first = p.history["first_sanction_date"]
    assert isinstance(conviction, date) and isinstance(offence, date) and isinstance(first, date)
    p.event.update(offence_date=offence - custody, conviction_date=conviction - custody)
    p.history["first_sanction_date"] = min(first, conviction - custody)
    recent = p.history.get("most_recent_sexual_offence_date")
    if isinstance(recent, date):
        p.history["most_recent_sexual_offence_date"] = recent - custody


#: The chance that a person's accommodation, or their employment, changed during supervision,
#: and what it changed to **[I]** (the demo's mix at the start of supervision).
CHANGED_SHARE = {"ACCOMMODATION": 0.25, "EMPLOYMENT": 0.3}
CHANGED_TO = {
    "ACCOMMODATION": ("SETTLED", "SETTLED", "SETTLED", "TEMPORARY", "NFA"),
    "EMPLOYMENT": ("EMPLOYED_FT", "EMPLOYED_PT", "UNEMPLOYED", "EDUCATION_TRAINING"),
}


def _changes_of_circumstances(
    rng: random.Random, circumstances: list[dict[str, object]], today: date
) -> list[dict[str, object]]:
    """The circumstances at the start of supervision, some ended by a change since."""
    found = []
    for c in circumstances:
        kind, start = str(c["kind"]), c["start_date"]
        assert isinstance(start, date)
        days = (today - start).days
        if days > 30 and rng.random() < CHANGED_SHARE[kind]:
            status = rng.choice([s for s in CHANGED_TO[kind] if s != c["status"]])
            change = start + timedelta(days=rng.randint(14, days - 1))
            found += [{**c, "end_date": change}, {**c, "status": status, "start_date": change}]
        else:
            found.append(c)
    return found


def _person(p: SyntheticPerson) -> dict[str, object]:
    return _clean(
        {
            "crn": p.crn,
            "first_name": p.first_name,
            "last_name": p.last_name,
            "date_of_birth": p.date_of_birth,
            "sex": p.sex,
            **p.equality,
            "nationality": "British",
            "criminal_history": _clean(p.history),
        }
    )


def _registration(
    rng: random.Random, ref: str, crn: str, r: dict[str, object], today: date
) -> dict[str, object]:
    registered_on = r["registered_on"]
    assert isinstance(registered_on, date)
    reviews: list[dict[str, object]] = []
    last: date | None = None
    while (due := review_due(registered_on, last, str(r["register"]))) is not None:
        last = due + timedelta(days=rng.choice((0, 0, 0, 2, 5, 12)))
        if last >= today:
            break
        reviews.append({"reviewed_on": last.isoformat()})
    row = _clean({"ref": ref, "crn": crn, **r})
    if reviews:
        row["reviews"] = reviews
    return row


Holding = tuple[Practitioner, date, date | None]


def _holders(
    rng: random.Random,
    start: date,
    today: date,
    holder: Practitioner,
    colleagues: list[Practitioner],
) -> list[Holding]:
    """Who held the case from when: the current holder, after a colleague of the same grade
    (a probation officer's case stays with probation officers) for some cases."""
    others = [c for c in colleagues if c.username != holder.username and c.grade == holder.grade]
    days = (today - start).days
    if others and days > 60 and rng.random() < REALLOCATED_SHARE:
        change = start + timedelta(days=rng.randint(30, days - 14))
        return [(rng.choice(others), start, change), (holder, change, None)]
    return [(holder, start, None)]


def _holding_on(holders: list[Holding], day: date) -> Practitioner:
    for staff, _, until in holders:
        if until is None or day < until:
            return staff
    return holders[-1][0]


def _diary(
    rng: random.Random, today: date, holders: list[Holding], case: Supervision
) -> Iterator[Row]:
    diary = plan_diary(rng, case, today)
    add_actual_minutes(rng, diary.contacts, today)
    for contact in diary.contacts:
        at = contact["happened_at"]
        assert isinstance(at, datetime)
        yield "contacts", _contact_row(case.crn, contact, _holding_on(holders, at.date()).username)
    for appointment in diary.appointments:
        at = appointment["starts_at"]
        assert isinstance(at, datetime)
        staff = _holding_on(holders, at.date()).username
        yield "appointments", _appointment_row(case.crn, appointment, staff, today)


def _contact_row(crn: str, contact: dict[str, object], staff: str) -> dict[str, object]:
    """Written field by field rather than through `_clean`: tens of millions of them."""
    at = contact["happened_at"]
    assert isinstance(at, datetime)
    row: dict[str, object] = {
        "ref": contact["ref"],
        "crn": crn,
        "event": 1,
        "contact_type": contact["contact_type"],
        "happened_at": at.isoformat(),
    }
    for name in ("outcome", "enforcement_action", "notes"):
        if contact[name]:
            row[name] = contact[name]
    for name in ("minutes_credited", "actual_minutes"):
        if name in contact:
            row[name] = contact[name]
    row["staff"] = staff
    return row


def _appointment_row(
    crn: str, appointment: dict[str, object], staff: str, today: date
) -> dict[str, object]:
    at = appointment["starts_at"]
    assert isinstance(at, datetime)
    row: dict[str, object] = {
        "ref": appointment["ref"],
        "crn": crn,
        "contact_type": appointment["contact_type"],
        "starts_at": at.isoformat(),
        "duration_minutes": appointment["duration_minutes"],
        "location": appointment["location"],
        "with_staff": staff,
    }
    if appointment["contact"] is not None:
        row["contact"] = appointment["contact"]
    if appointment["cancelled"]:
        # Cancelled yesterday afternoon: the ones cancelled are those booked ahead.
        row["cancelled_at"] = datetime.combine(
            today - timedelta(days=1), time(16), tzinfo=LONDON
        ).isoformat()
        row["cancellation_reason"] = "The person asked to rearrange: a job interview."
    return row


def _limited_access(
    rng: random.Random,
    crn: str,
    current: Holding,
    colleagues: list[Practitioner],
    manager: str,
) -> Iterator[Row]:
    holder, since, _ = current
    others = [c for c in colleagues if c.username != holder.username]
    if others and rng.random() < 0.6:
        yield (
            "limited_access",
            {
                "ref": f"{crn}-LA1",
                "crn": crn,
                "kind": "exclusion",
                "username": rng.choice(others).username,
                "start_date": since.isoformat(),
                "reason": "Known to the person",
            },
        )
        return
    for n, (username, reason) in enumerate(
        ((holder.username, "Holds the case"), (manager, "Team manager")), start=1
    ):
        yield (
            "limited_access",
            {
                "ref": f"{crn}-LA{n}",
                "crn": crn,
                "kind": "restriction",
                "username": username,
                "start_date": since.isoformat(),
                "reason": reason,
            },
        )
