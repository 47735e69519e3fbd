"""Two years of contacts and appointments for one person, at national rates (pure; no Django).

There is no published count of contacts (`shared/reference/case_model.md` §11: "No public
figure"; our estimate there is 20–60 million a year, 7–20 a case a month including the ones a
system writes). The rates below are our estimates **[I]**, chosen to land at the low end of that
range (about 7 a case a month, about 21 million a year for 244,209 people):

- Supervision appointments: weekly for the first 12 weeks of supervision (induction), then by
  risk of serious harm: weekly at high or very high, fortnightly at medium, every four weeks
  at low. The frequencies follow the practice the design history's "national standards" notes
  and the Probation Reset summaries describe (§13); the exact figures are ours **[I]**.
- A text or email reminder (system-written) before 60% of appointments **[I]**.
- Unpaid work: one 7-hour session a week until the hours ordered are worked (Sentencing Act
  2020 Sch. 9: the hours within 12 months).
- Other contacts (calls with the person or other agencies, letters, emails, internal notes):
  about 6 a month at high risk, 3.5 at medium, 2 at low **[I]**.
- Outcomes as the demo's (`demo/supervision.py`: about 85% attended and complied), each failure
  with its enforcement decision; 3% of appointments are cancelled and rebooked **[I]**.

Appointments are the diary's: every past appointment is linked to the contact that recorded its
outcome, and the next one (and for weekly cases the one after) is booked ahead without one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from caseload.demo.supervision import ATTENDANCE, enforcement_decision, note_for

LONDON = ZoneInfo("Europe/London")
#: The data set's contacts and appointments cover the two years before its day.
WINDOW_DAYS = 730
INDUCTION_WEEKS = 12
#: Days between supervision appointments after induction, by risk of serious harm [I].
EVERY_DAYS = {"HIGH": 7, "MEDIUM": 14, "LOW": 28}
#: Other contacts a month, by risk of serious harm [I].
OTHER_A_MONTH = {"HIGH": 6.0, "MEDIUM": 3.5, "LOW": 2.0}
OTHER_TYPES = {"CTOA": 25, "CTOB": 15, "CT3A": 20, "CT3B": 10, "CMOB": 10, "CLOA": 8, "C326": 12}
OTHER_NOTES = {
    "CTOA": "Called to check on progress.",
    "CTOB": "Called in about the next appointment.",
    "CT3A": "Called the housing provider.",
    "CT3B": "Call from the police offender manager.",
    "CMOB": "Text about travel to the office.",
    "CLOA": "Appointment letter sent.",
    "C326": "Case discussed with the team manager.",
}
REMINDER_SHARE = 0.6
CANCELLED_SHARE = 0.03
UPW_MINUTES = 7 * 60
HOURS = (9, 10, 11, 13, 14, 15, 16)
MINUTES = (0, 15, 30, 45)
DURATION = {"CHVS": 60, "COHV": 60, "COAI": 60, "UPWS": UPW_MINUTES}


class Weighted:
    """`demo.choice.pick` over fixed weights, with their running totals worked out once: the
    same draw from the generator, at a fraction of the cost (it is made tens of millions of
    times for the nation)."""

    def __init__(self, weighted: dict[str, int]) -> None:
        self.codes = list(weighted)
        totals = []
        running = 0
        for weight in weighted.values():
            running += weight
            totals.append(running)
        self.totals = totals

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.codes, cum_weights=self.totals)[0]


OUTCOME = Weighted(ATTENDANCE)
OTHER_TYPE = Weighted(OTHER_TYPES)
APPOINTMENT_TYPE = Weighted({"COAP": 70, "CHVS": 8, "COVC": 10, "COPT": 12})
BOOKED_TYPE = Weighted({"COAP": 80, "CHVS": 8, "COVC": 6, "COPT": 6})


@dataclass
class Supervision:
    """What a person's contacts are drawn from."""

    crn: str
    start: date
    risk: str
    unpaid_work_hours: int
    office: str


@dataclass
class Diary:
    contacts: list[dict[str, object]] = field(default_factory=list)
    appointments: list[dict[str, object]] = field(default_factory=list)


def risk_level(registers: list[str]) -> str:
    """HIGH, MEDIUM or LOW from the person's RoSH registration (LOW without one)."""
    if "RVHR" in registers or "RHRH" in registers:
        return "HIGH"
    return "MEDIUM" if "RMRH" in registers else "LOW"


def _at(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(rng.choice(HOURS), rng.choice(MINUTES)), tzinfo=LONDON)


def _working_day(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def plan_diary(rng: random.Random, case: Supervision, today: date) -> Diary:
    """The person's contacts from the start of supervision (or two years ago) to yesterday, the
    appointments they recorded, and the appointments booked ahead."""
    diary = Diary()
    since = max(case.start, today - timedelta(days=WINDOW_DAYS))
    induction_ends = case.start + timedelta(weeks=INDUCTION_WEEKS)
    day = _working_day(since + timedelta(days=rng.randint(1, 4)))
    first = since == case.start
    while day < today:
        _appointment(rng, diary, case, day, "COAI" if first else "")
        first = False
        gap = 7 if day < induction_ends else EVERY_DAYS[case.risk]
        day = _working_day(day + timedelta(days=gap))
    _booked_ahead(rng, diary, case, day)
    _unpaid_work(rng, diary, case, since, today)
    _other_contacts(rng, diary, case, since, today)
    diary.contacts.sort(key=lambda c: c["happened_at"])  # type: ignore[arg-type,return-value]
    for number, contact in enumerate(diary.contacts, start=1):
        contact["ref"] = f"{case.crn}-C{number:04d}"
    for number, appointment in enumerate(diary.appointments, start=1):
        appointment["ref"] = f"{case.crn}-A{number:04d}"
        recorded = appointment.pop("recorded", None)
        appointment["contact"] = None if recorded is None else recorded["ref"]  # type: ignore[index]
    return diary


def _appointment(rng: random.Random, diary: Diary, case: Supervision, day: date, kind: str) -> None:
    kind = kind or APPOINTMENT_TYPE(rng)
    at = _at(rng, day)
    outcome = "ATTC" if kind == "COAI" else OUTCOME(rng)
    contact: dict[str, object] = {
        "contact_type": kind,
        "happened_at": at,
        "outcome": outcome,
        "enforcement_action": enforcement_decision(rng, outcome),
        "notes": note_for(rng, outcome),
    }
    diary.contacts.append(contact)
    diary.appointments.append(_booking(case, kind, at, recorded=contact))
    if kind != "COAI" and rng.random() < REMINDER_SHARE:
        diary.contacts.append(
            {
                "contact_type": "CMOA",
                "happened_at": at - timedelta(days=1, hours=2),
                "outcome": "",
                "enforcement_action": "",
                "notes": "Reminder of the appointment.",
            }
        )


def _booking(
    case: Supervision, kind: str, at: datetime, *, recorded: dict[str, object] | None
) -> dict[str, object]:
    remote = kind in ("COVC", "COPT")
    home = kind in ("CHVS", "COHV")
    return {
        "contact_type": kind,
        "starts_at": at,
        "duration_minutes": DURATION.get(kind, 45),
        "location": "Video or phone" if remote else "Home address" if home else case.office,
        "recorded": recorded,
        "cancelled": False,
    }


def _booked_ahead(rng: random.Random, diary: Diary, case: Supervision, day: date) -> None:
    """The next appointment (two for weekly cases), booked ahead; a few cancelled."""
    for _ in range(2 if EVERY_DAYS[case.risk] == 7 else 1):
        kind = BOOKED_TYPE(rng)
        booking = _booking(case, kind, _at(rng, day), recorded=None)
        booking["cancelled"] = rng.random() < CANCELLED_SHARE
        diary.appointments.append(booking)
        day = _working_day(day + timedelta(days=7))


def _unpaid_work(
    rng: random.Random, diary: Diary, case: Supervision, since: date, today: date
) -> None:
    """Weekly 7-hour sessions on Saturdays until the hours ordered are credited."""
    owed = case.unpaid_work_hours * 60
    day = since + timedelta(days=(5 - since.weekday()) % 7 + 7)
    while owed > 0 and day < today:
        at = datetime.combine(day, time(9), tzinfo=LONDON)
        outcome = OUTCOME(rng)
        attended = outcome == "ATTC"
        contact: dict[str, object] = {
            "contact_type": "UPWS",
            "happened_at": at,
            "outcome": outcome,
            "enforcement_action": enforcement_decision(rng, outcome),
            "notes": "Worked the full session." if attended else note_for(rng, outcome),
            "minutes_credited": min(owed, UPW_MINUTES) if attended else 0,
        }
        owed -= int(contact["minutes_credited"])  # type: ignore[call-overload]
        diary.contacts.append(contact)
        booking = _booking(case, "UPWS", at, recorded=contact)
        booking["location"] = "Unpaid work project"
        diary.appointments.append(booking)
        day += timedelta(days=7)


def _other_contacts(
    rng: random.Random, diary: Diary, case: Supervision, since: date, today: date
) -> None:
    """Contacts that are not appointments, at a steady rate (a Poisson process)."""
    mean_gap = 30.4 / OTHER_A_MONTH[case.risk]
    moment = datetime.combine(since, time(9), tzinfo=LONDON)
    end = datetime.combine(today, time(0), tzinfo=LONDON)
    while True:
        moment += timedelta(days=rng.expovariate(1 / mean_gap))
        if moment >= end:
            return
        day = _working_day(moment.date())
        if day >= today:
            return
        kind = OTHER_TYPE(rng)
        diary.contacts.append(
            {
                "contact_type": kind,
                "happened_at": _at(rng, day),
                "outcome": "",
                "enforcement_action": "",
                "notes": OTHER_NOTES[kind],
            }
        )
