"""Compliance with a sentence, from the contacts and their outcomes (no Django).

What the compliance section shows, per current sentence and over the last 12 months (MPoP's
compliance panel, case_model.md §5): appointments kept, failures to comply (Delius's FTC count,
`caseload.contacts.domain.unacceptable_absences`, reused), acceptable absences, warnings given and
whether a breach or recall is under way. Enforcement (issue 10) builds on these figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from caseload.contacts.domain import (
    CONTACT_TYPES,
    ENFORCEMENT_ACTIONS,
    OUTCOMES,
    ContactFact,
    breach_or_recall,
    unacceptable_absences,
)


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
    #: The breach or recall started in the period, if any (see `open_breach`).
    breach: EnforcementStep | None

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


def open_breach(contacts: Iterable[ContactFact], *, since: date) -> EnforcementStep | None:
    """The latest breach or recall initiated on or after `since`.

    caseload does not yet record a breach's court outcome or a recall's end (the breach-end
    contacts of case_model.md §4.3 come with enforcement, issue 10), so a breach started in a
    sentence is taken as unresolved while that sentence runs."""
    started = [c for c in contacts if c.on >= since and breach_or_recall(c)]
    if not started:
        return None
    latest = max(started, key=lambda c: c.on)
    return EnforcementStep(latest.on, ENFORCEMENT_ACTIONS[latest.enforcement_action or ""].label)


def compliance_since(contacts: Iterable[ContactFact], *, since: date) -> Compliance:
    """Compliance from `since`. Failures to comply are counted as distinct dates (Delius's FTC
    count); appointments, acceptable absences and warnings one by one."""
    contacts = list(contacts)
    kept = _appointment_outcomes(contacts, since)
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
        failures_to_comply=unacceptable_absences(contacts, since=since),
        acceptable_absences=sum(1 for c in kept if OUTCOMES[c.outcome or ""].acceptable_absence),
        warnings=tuple(warnings),
        breach=open_breach(contacts, since=since),
    )
