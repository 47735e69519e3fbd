"""The routine upkeep of a synthetic case (pure; no Django): registration reviews at each
register's period, RoSH summaries behind the RoSH registration and kept current, a home visit
within the RoSH timescale, and the end of a sentence that has run its course.

Without these the demo's essentials engine finds every review missed and every sentence
overrunning, which no practitioner would recognise. Most cases are kept up to date; a few have
a lapse (`Lapses`): on the demo practitioner's caseload they are chosen by `demo_lapses`,
elsewhere drawn at low rates, so that each caseload shows a handful of overdue work. Every
case's upkeep comes from its own generator (seeded by the seed and the CRN), so the seed's
other draws are as they were.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from caseload.core.dates import add_months
from caseload.people.domain import expected_end_date
from caseload.risk.constants import REGISTERS, ROSH_CODES
from caseload.risk.domain import ROSH_AUDIENCES, ROSH_LEVEL_OF_REGISTER, ROSH_LEVELS

LONDON = ZoneInfo("Europe/London")
#: Days after the start of supervision by which a home visit is due, by band (the essentials
#: rule: 15 days for high RoSH, ARSO or CSEP; 6 weeks for medium; 12 weeks otherwise).
HOME_VISIT_WITHIN = {"high": 15, "medium": 42, "low": 84}
HIGH_REGISTERS = ("ARSO", "CSEP")
#: How often a case elsewhere in the unit has each lapse.
LAPSE_RATES = {"review": 0.05, "rosh": 0.025, "home_visit": 0.03, "sentence_open": 0.1}
HOME_VISIT_NOTES = (
    "Home visit: met at the address with his partner; the address is suitable.",
    "Home visit: the flat is tidy; discussed the curfew and who else lives there.",
    "Home visit: lives with his mother; no concerns about the address.",
    "Home visit: checked the address and the bedroom arrangements; no children living there.",
)
REVIEW_NOTES = (
    "Reviewed: the registration is still needed.",
    "Reviewed with the latest police information; continue the registration.",
    "Reviewed at supervision; no change.",
)


@dataclass(frozen=True)
class Lapses:
    """Upkeep left undone on a case."""

    review_missed: bool = False
    rosh_out_of_date: bool = False
    no_home_visit: bool = False
    sentence_left_open: bool = False


@dataclass(frozen=True)
class Upkeep:
    #: (register, reviewed_on, notes) of each review, oldest first.
    reviews: list[tuple[str, date, str]] = field(default_factory=list)
    #: Each RoSH summary: assessed_on, source and the four audiences' levels.
    rosh_summaries: list[dict[str, object]] = field(default_factory=list)
    home_visits: list[dict[str, object]] = field(default_factory=list)
    #: (date, reason) of the end of a sentence that has run its course, or None.
    termination: tuple[date, str] | None = None


def demo_lapses(rng: random.Random, crns: list[str]) -> dict[str, Lapses]:
    """The demo practitioner's lapses: three registration reviews missed and one RoSH
    assessment out of date. (The seed leaves one finished sentence open and one first home
    visit not done, on the first cases where each shows.)"""
    shuffled = sorted(crns)
    rng.shuffle(shuffled)
    lapses = {crn: Lapses(review_missed=True) for crn in shuffled[:3]}
    lapses |= {crn: Lapses(rosh_out_of_date=True) for crn in shuffled[3:4]}
    return lapses


def drawn_lapses(rng: random.Random) -> Lapses:
    """Lapses for a case elsewhere in the unit, at `LAPSE_RATES`."""
    review, rosh, visit, open_ = (rng.random() < rate for rate in LAPSE_RATES.values())
    return Lapses(review, rosh, visit, open_)


def sentence_end(sentence: dict[str, object]) -> date | None:
    """The sentence's expected end, as the essentials engine reads it."""
    return expected_end_date(
        str(sentence["sentence_type"]),
        sentence["sentence_date"],  # type: ignore[arg-type]
        int(sentence["length"]),  # type: ignore[call-overload]
        str(sentence["length_unit"]),
        sentence["licence_expiry_date"],  # type: ignore[arg-type]
    )


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _reviews(
    rng: random.Random, registrations: list[dict[str, object]], until: date, lapse: bool
) -> list[tuple[str, date, str]]:
    reviews: list[tuple[str, date, str]] = []
    missed = not lapse
    for r in sorted(registrations, key=lambda r: str(r["register"])):
        register = str(r["register"])
        months = REGISTERS[register].review_months
        if not months or r.get("deregistered_on"):
            continue
        registered_on = r["registered_on"]
        assert isinstance(registered_on, date)
        days = []
        day = add_months(registered_on, months) - timedelta(days=rng.randint(0, 12))
        while day <= until:
            days.append(day)
            day = add_months(day, months) - timedelta(days=rng.randint(0, 12))
        if days and not missed:
            missed = True  # the review last due was not done
            days.pop()
        reviews += [(register, d, rng.choice(REVIEW_NOTES)) for d in days]
    return reviews


def _levels(rng: random.Random, overall: str) -> dict[str, str]:
    """The four audiences' levels, the highest of them `overall`."""
    top = ROSH_LEVELS.index(overall)
    levels = {a: ROSH_LEVELS[rng.randint(0, top)] for a in ROSH_AUDIENCES}
    levels[rng.choice(("public", "known_adult", "children"))] = overall
    return levels


def _rosh_summaries(
    rng: random.Random,
    registrations: list[dict[str, object]],
    start: date,
    first_seen: date,
    until: date,
    lapse: bool,
) -> list[dict[str, object]]:
    """The summaries behind the RoSH registration in force: one on the day it was registered
    (the summary it came from, so its highest level is the registration's), one at the start
    of this supervision if that was earlier, then a review every 10 to 11 months. All at the
    same highest level, so none of them changes the registration."""
    current = [
        r for r in registrations if r["register"] in ROSH_CODES and not r.get("deregistered_on")
    ]
    if not current:
        return []
    registration = current[0]
    registered_on = registration["registered_on"]
    assert isinstance(registered_on, date)
    overall = ROSH_LEVEL_OF_REGISTER[str(registration["register"])]
    days = [registered_on]
    if registered_on < start:
        days.append(min(until, max(registered_on, first_seen + timedelta(days=rng.randint(2, 12)))))
    while days[-1] + timedelta(days=330) <= until:
        days.append(days[-1] + timedelta(days=rng.randint(300, 330)))
    if lapse and len(days) > 1 and add_months(days[-2], 12) < until:
        days.pop()  # the latest review was not done: the one before is over 12 months old
    levels = _levels(rng, overall)
    days = [d for d in days if d <= until]
    source = "SCREENING" if overall == "LOW" else "OASYS"
    return [{"assessed_on": d, "source": source, **levels} for d in sorted(set(days))]


def home_visit_within(registrations: list[dict[str, object]]) -> int:
    """Days from the start of supervision by which the first home visit is due."""
    return HOME_VISIT_WITHIN[_band(registrations)]


def visited(contacts: list[dict[str, object]]) -> bool:
    """Whether the generated contacts already include an attended home visit."""
    return any(c["contact_type"] in ("CHVS", "COHV") and c["outcome"] == "ATTC" for c in contacts)


def _band(registrations: list[dict[str, object]]) -> str:
    current = {str(r["register"]) for r in registrations if not r.get("deregistered_on")}
    if current & {"RHRH", "RVHR"} or current & set(HIGH_REGISTERS):
        return "high"
    return "medium" if "RMRH" in current else "low"


def _home_visit(
    rng: random.Random, registrations: list[dict[str, object]], start: date, now: datetime
) -> list[dict[str, object]]:
    within = home_visit_within(registrations)
    day = _weekday(start + timedelta(days=rng.randint(3, within - 2)))
    at = datetime.combine(day, time(rng.choice((10, 11, 14, 15)), 0), tzinfo=LONDON)
    if day <= start or at >= now:
        return []
    return [
        {
            "contact_type": "CHVS",
            "happened_at": at,
            "outcome": "ATTC",
            "enforcement_action": "",
            "notes": rng.choice(HOME_VISIT_NOTES),
        }
    ]


def case_upkeep(
    seed: int,
    crn: str,
    *,
    sentence: dict[str, object],
    registrations: list[dict[str, object]],
    contacts: list[dict[str, object]],
    now: datetime,
    lapses: Lapses,
) -> Upkeep:
    """A case's upkeep, as at `now` (aware). A sentence past its expected end is ended on that
    day ("Completed") unless `lapses.sentence_left_open`; its reviews and summaries stop there."""
    rng = random.Random(f"upkeep-{seed}-{crn}")
    today = now.astimezone(LONDON).date()
    start = sentence["release_date"] or sentence["sentence_date"]
    assert isinstance(start, date)
    end = sentence_end(sentence)
    finished = end is not None and end <= today and not lapses.sentence_left_open
    until = end if finished and end is not None else today
    if start > today:
        return Upkeep()
    first_seen = min(
        (c["happened_at"].date() for c in contacts if c["outcome"] == "ATTC"),  # type: ignore[attr-defined]
        default=start,
    )
    return Upkeep(
        reviews=_reviews(rng, registrations, until, lapses.review_missed),
        rosh_summaries=_rosh_summaries(
            rng, registrations, start, first_seen, until, lapses.rosh_out_of_date
        ),
        home_visits=[] if lapses.no_home_visit else _home_visit(rng, registrations, start, now),
        termination=(end, "Completed") if finished and end is not None else None,
    )


def apply_to_contacts(contacts: list[dict[str, object]], upkeep: Upkeep) -> None:
    """Add the home visits to a case's contacts and, for a sentence ended, drop the contacts
    the generator drew after its end (in place)."""
    contacts += upkeep.home_visits
    if upkeep.termination is not None:
        ended = upkeep.termination[0]
        contacts[:] = [c for c in contacts if c["happened_at"].date() <= ended]  # type: ignore[attr-defined]
    contacts.sort(key=lambda c: c["happened_at"])  # type: ignore[arg-type,return-value]
