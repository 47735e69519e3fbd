"""Deterministic safeguarding enquiries, plans and management oversight for a synthetic case
(pure; no Django).

Each case's records are drawn from a generator seeded by its CRN, so adding them leaves every
other demo figure as it was. Most cases have the essential work done: a police domestic-abuse
enquiry and a children's-services enquiry at the start, both answered; a sentence plan within
the timescale (and one at each six-monthly review); a risk management plan where RoSH is medium
or above; management oversight in the last three months. For the demo practitioner's caseload
`demo_gaps` leaves realistic gaps, so that Today shows real work.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from caseload.demo.choice import pick

#: RoSH ranks: 0 low, 1 medium, 2 high, 3 very high.
MEDIUM = 1
HIGH = 2

RESPONSES = {"NO_INFORMATION": 50, "INFORMATION_SHARED": 35, "CONCERNS": 15}
SHARED = {
    "POLICE_DA": (
        "Two call-outs to a previous partner's address in the last year; no charges.",
        "Police attended after a neighbour's call about shouting; no further action.",
        "A non-molestation order expired last year.",
    ),
    "CHILDRENS_SERVICES": (
        "A child at the address has a child in need plan; the social worker is named.",
        "Known to children's services in 2023; the case was closed.",
        "Early help for the partner's son; no current concerns.",
    ),
    "ADULT_SERVICES": ("His mother at the address receives a care package.",),
}
SENTENCE_PLAN_NOTES = (
    "Find work or training; keep to the curfew; attend the alcohol service.",
    "Stable accommodation first, then the thinking skills programme.",
    "Reduce contact with former associates; address debts with the housing officer.",
)
RISK_PLAN_NOTES = (
    "No unsupervised contact with children; checks with children's services each quarter.",
    "Home visits every six weeks; share any new address with the police.",
    "Monitor contact with the former partner; agree a safety plan with the IDVA.",
)
OVERSIGHT_NOTES = (
    "Reviewed the risk management plan and the police response; agreed to continue as planned.",
    "Discussed the new concern; agreed a home visit this week and a children's services check.",
    "Checked the sentence plan objectives; contact frequency is right for the risk.",
    "Reviewed compliance after two absences; agreed a warning letter and a review in 4 weeks.",
)


@dataclass(frozen=True)
class Gaps:
    """Essential work left undone on a case."""

    da_unanswered: bool = False
    no_enquiries: bool = False
    no_sentence_plan: bool = False
    no_risk_management_plan: bool = False
    no_recent_oversight: bool = False


@dataclass(frozen=True)
class CaseRecords:
    enquiries: list[dict[str, object]] = field(default_factory=list)
    sentence_plans: list[dict[str, object]] = field(default_factory=list)
    risk_management_plans: list[dict[str, object]] = field(default_factory=list)
    #: (recorded_on, notes) of each oversight entry.
    oversight: list[tuple[date, str]] = field(default_factory=list)


def demo_gaps(rng: random.Random, crns: list[str]) -> dict[str, Gaps]:
    """The gaps on the demo practitioner's caseload: two police enquiries unanswered, one case
    with no enquiry at all, one without a sentence plan and two without oversight in the last
    three months. (The seed leaves the risk management plan off the first high-RoSH case that
    has no other gap.)"""
    shuffled = sorted(crns)
    rng.shuffle(shuffled)
    gaps = {crn: Gaps(da_unanswered=True) for crn in shuffled[:2]}
    gaps |= {crn: Gaps(no_enquiries=True) for crn in shuffled[2:3]}
    gaps |= {crn: Gaps(no_sentence_plan=True) for crn in shuffled[3:4]}
    gaps |= {crn: Gaps(no_recent_oversight=True) for crn in shuffled[4:6]}
    return gaps


def _on_or_before(day: date, today: date) -> date | None:
    return day if day <= today else None


def _enquiry(
    rng: random.Random,
    kind: str,
    start: date,
    today: date,
    *,
    answered: bool,
    reason: str = "START",
    asked_within: tuple[int, int] = (-7, 3),
) -> dict[str, object] | None:
    requested = _on_or_before(start + timedelta(days=rng.randint(*asked_within)), today)
    if requested is None:
        return None
    responded = _on_or_before(requested + timedelta(days=rng.randint(2, 10)), today)
    if not answered or responded is None:
        return {"kind": kind, "reason": reason, "requested_on": requested}
    response = pick(rng, RESPONSES)
    notes = "" if response == "NO_INFORMATION" else rng.choice(SHARED[kind])
    return {
        "kind": kind,
        "reason": reason,
        "requested_on": requested,
        "responded_on": responded,
        "response": response,
        "response_notes": notes,
    }


def _new_concern_enquiries(
    crn: str, concerns: tuple[tuple[str, date], ...], today: date
) -> list[dict[str, object]]:
    """A further enquiry after each new concern, asked within three days of it and answered
    (its own generator, so the records drawn before it stay as they were)."""
    rng = random.Random(f"new concerns {crn}")
    found = []
    for kind, day in concerns:
        enquiry = _enquiry(
            rng, kind, day, today, answered=True, reason="NEW_CONCERN", asked_within=(0, 3)
        )
        if enquiry is not None:
            found.append(enquiry)
    return found


def case_records(
    crn: str,
    *,
    start: date,
    rosh: int,
    today: date,
    gaps: Gaps,
    rosh_since: date | None = None,
    concerns: tuple[tuple[str, date], ...] = (),
    events: tuple[date, ...] = (),
) -> CaseRecords:
    """`start` is the start of supervision (sentence or release), `rosh` the RoSH rank and
    `rosh_since` the day the RoSH registration in force was made; `concerns` are the new
    concerns registered since the start that call for a further enquiry: (enquiry kind, day);
    `events` the days of what calls for oversight within days (a failure, a MAPPA or high RoSH
    registration)."""
    rng = random.Random(f"plans and enquiries {crn}")
    records = CaseRecords()
    if start > today:
        return records
    if not gaps.no_enquiries:
        kinds = [("POLICE_DA", not gaps.da_unanswered), ("CHILDRENS_SERVICES", True)]
        if rng.random() < 0.1:
            kinds.append(("ADULT_SERVICES", True))
        for kind, answered in kinds:
            enquiry = _enquiry(rng, kind, start, today, answered=answered)
            if enquiry is not None:
                records.enquiries.append(enquiry)
        if not gaps.da_unanswered:
            records.enquiries.extend(_new_concern_enquiries(crn, concerns, today))
    every = 7 if rosh >= HIGH else 14 if rosh == MEDIUM else rng.choice((14, 28))
    if not gaps.no_sentence_plan:
        completed = start + timedelta(days=rng.randint(5, 18))
        while completed <= today:
            records.sentence_plans.append(
                {
                    "completed_on": completed,
                    "contact_every_days": every,
                    "notes": rng.choice(SENTENCE_PLAN_NOTES),
                }
            )
            completed += timedelta(weeks=26)
    if rosh >= MEDIUM and not gaps.no_risk_management_plan:
        since = max(start, rosh_since or start)
        completed = since + timedelta(days=rng.randint(5, 20))
        if completed <= today:
            records.risk_management_plans.append(
                {"completed_on": completed, "notes": rng.choice(RISK_PLAN_NOTES)}
            )
    first = start + timedelta(days=rng.randint(20, 40))
    if first <= today - timedelta(days=100):
        records.oversight.append((first, rng.choice(OVERSIGHT_NOTES)))
    if not gaps.no_recent_oversight:
        recent = max(start, today - timedelta(days=rng.randint(3, 80)))
        records.oversight.append((recent, rng.choice(OVERSIGHT_NOTES)))
        records.oversight.extend(_oversight_after(crn, events, start, today))
    return records


def _oversight_after(
    crn: str, events: tuple[date, ...], start: date, today: date
) -> list[tuple[date, str]]:
    """Oversight within a few days of each event of the last three months (its own generator)."""
    rng = random.Random(f"oversight after events {crn}")
    found = []
    for day in events:
        on = day + timedelta(days=rng.randint(1, 4))
        if start <= on <= today and day >= today - timedelta(days=92):
            found.append((on, rng.choice(OVERSIGHT_NOTES)))
    return sorted(set(found))
