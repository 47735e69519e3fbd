"""Compliance with a sentence, from the contacts and their outcomes (no Django).

What the compliance section shows, per current sentence and over the last 12 months (the
compliance panel of hmpps-manage-people-on-probation-ui): appointments kept, failures to comply
(Delius's FTC count, `caseload.contacts.domain.unacceptable_absences`, reused), acceptable
absences, warnings given and whether a breach or recall is under way, read with the breaches'
outcomes (`caseload.enforcement`): a breach ends with its outcome, and failures count afresh
from the day after, as Delius's FTC count does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from caseload.contacts.domain import (
    CONTACT_TYPES,
    ENFORCEMENT_ACTIONS,
    OUTCOMES,
    ContactFact,
    breach_or_recall,
    unacceptable_absences,
)
from caseload.enforcement.domain import BREACH_OUTCOMES, BreachFact


@dataclass(frozen=True)
class EnforcementStep:
    on: date
    label: str


@dataclass(frozen=True)
class Compliance:
    """Compliance over one period: from `since`, inclusive."""

    since: date
    appointments: int
    attended_and_complied: int
    failures_to_comply: int
    acceptable_absences: int
    warnings: tuple[EnforcementStep, ...]
    #: The breach or recall started in the period and not yet ended, if any (`open_breach`).
    breach: EnforcementStep | None
    #: The last breach that ended in the period: its outcome and the day.
    breach_ended: EnforcementStep | None = None
    #: Failures to comply are counted from here: `since`, or the day after a breach ended.
    failures_since: date | None = None

    @property
    def warnings_given(self) -> int:
        return len(self.warnings)


def _appointment_outcomes(contacts: Iterable[ContactFact], since: date) -> list[ContactFact]:
    return [
        c
        for c in contacts
        if c.on >= since
        and c.contact_type in CONTACT_TYPES
        and CONTACT_TYPES[c.contact_type].national_standard
        and c.outcome in OUTCOMES
    ]


def _attended_and_complied(contact: ContactFact) -> bool:
    outcome = OUTCOMES[contact.outcome or ""]
    return outcome.attended is True and outcome.complied is True


def open_breach(
    contacts: Iterable[ContactFact],
    *,
    since: date,
    breaches: Sequence[BreachFact] = (),
    today: date = date.max,
) -> EnforcementStep | None:
    """The latest breach or recall initiated on or after `since` that has not ended: a breach
    ends with its outcome (Delius's breach-end codes), recorded by `today`.
    A recall stays under way while the sentence runs (its end is not recorded)."""
    ended = {b.started_on for b in breaches if b.ended_by(today)}
    started = [c for c in contacts if c.on >= since and breach_or_recall(c) and c.on not in ended]
    if not started:
        return None
    latest = max(started, key=lambda c: c.on)
    return EnforcementStep(latest.on, ENFORCEMENT_ACTIONS[latest.enforcement_action or ""].label)


def last_breach_end(
    breaches: Sequence[BreachFact], *, since: date, today: date = date.max
) -> EnforcementStep | None:
    ended = [b for b in breaches if b.ended_by(today) and b.outcome_on and b.outcome_on >= since]
    if not ended:
        return None
    last = max(ended, key=lambda b: b.outcome_on or since)
    return EnforcementStep(last.outcome_on or since, BREACH_OUTCOMES[last.outcome])


def compliance_since(
    contacts: Iterable[ContactFact],
    *,
    since: date,
    breaches: Sequence[BreachFact] = (),
    today: date = date.max,
) -> Compliance:
    """Compliance from `since`. Failures to comply are counted as distinct dates (Delius's FTC
    count) from the later of `since` and the day after the last breach ended; appointments,
    acceptable absences and warnings one by one."""
    contacts = list(contacts)
    kept = _appointment_outcomes(contacts, since)
    ended = last_breach_end(breaches, since=since, today=today)
    failures_since = max(since, ended.on + timedelta(days=1)) if ended else since
    warnings = sorted(
        (
            EnforcementStep(c.on, ENFORCEMENT_ACTIONS[c.enforcement_action].label)
            for c in contacts
            if c.on >= since
            and c.enforcement_action in ENFORCEMENT_ACTIONS
            and ENFORCEMENT_ACTIONS[c.enforcement_action].warning
        ),
        key=lambda step: step.on,
    )
    return Compliance(
        since=since,
        appointments=len(kept),
        attended_and_complied=sum(1 for c in kept if _attended_and_complied(c)),
        failures_to_comply=unacceptable_absences(contacts, since=failures_since),
        acceptable_absences=sum(1 for c in kept if OUTCOMES[c.outcome or ""].acceptable_absence),
        warnings=tuple(warnings),
        breach=open_breach(contacts, since=since, breaches=breaches, today=today),
        breach_ended=ended,
        failures_since=failures_since,
    )
