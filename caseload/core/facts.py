"""A plain snapshot of one person's recorded facts: what the pure rules read (no Django).

`caseload.core.snapshot` builds it from the database; predictors, tiers (and later essentials and
workload) derive their values from it alone, so the same function serves the incremental refresh
and the bulk recompute.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from caseload.contacts.domain import ContactFact

#: Accommodation statuses that count as no fixed abode or transient (predictors and tier needs).
UNSETTLED_ACCOMMODATION = frozenset({"TEMPORARY", "NFA"})


@dataclass(frozen=True)
class CriminalHistoryFacts:
    total_sanctions: int
    violent_sanctions: int
    first_sanction_date: date
    contact_adult_sexual_sanctions: int
    contact_child_sexual_sanctions: int
    indecent_image_sanctions: int
    non_contact_sexual_offences: int
    most_recent_sexual_offence_date: date | None

    @property
    def sexual_offence_history(self) -> bool:
        return (
            self.contact_adult_sexual_sanctions
            + self.contact_child_sexual_sanctions
            + self.indecent_image_sanctions
            + self.non_contact_sexual_offences
        ) > 0


@dataclass(frozen=True)
class RequirementFacts:
    category: str
    length: int | None
    length_unit: str
    electronic_monitoring: bool
    start_date: date
    end_date: date | None


@dataclass(frozen=True)
class SentenceFacts:
    event_number: int
    offence_code: str
    offence_date: date
    conviction_date: date
    sentence_type: str
    sentence_date: date
    release_date: date | None
    termination_date: date | None
    requirements: tuple[RequirementFacts, ...] = ()

    def active_on(self, day: date) -> bool:
        return self.termination_date is None or self.termination_date > day

    @property
    def follow_up_date(self) -> date:
        """Start of the community sentence, or release from custody (predictors.md §3.1)."""
        return self.release_date or self.sentence_date


@dataclass(frozen=True)
class RegistrationFacts:
    register: str
    category: str
    level: str
    registered_on: date
    deregistered_on: date | None

    def active_on(self, day: date) -> bool:
        return self.registered_on <= day and (
            self.deregistered_on is None or self.deregistered_on > day
        )


@dataclass(frozen=True)
class CircumstanceFacts:
    kind: str
    status: str
    start_date: date
    end_date: date | None


@dataclass(frozen=True)
class AssessmentFacts:
    completed_on: date
    answers: Mapping[str, object]


@dataclass(frozen=True)
class CaseFacts:
    crn: str
    date_of_birth: date
    sex: str
    as_at: date
    criminal_history: CriminalHistoryFacts | None = None
    sentences: tuple[SentenceFacts, ...] = ()
    registrations: tuple[RegistrationFacts, ...] = ()
    circumstances: tuple[CircumstanceFacts, ...] = ()
    assessment: AssessmentFacts | None = None
    contacts: tuple[ContactFact, ...] = field(default=())

    def active_registrations(self) -> tuple[RegistrationFacts, ...]:
        return tuple(r for r in self.registrations if r.active_on(self.as_at))

    def current_sentence(self) -> SentenceFacts | None:
        """The most recent sentence still in force, or None."""
        active = [s for s in self.sentences if s.active_on(self.as_at)]
        return max(active, key=lambda s: (s.sentence_date, s.event_number), default=None)

    def current_circumstance(self, kind: str) -> CircumstanceFacts | None:
        current = [
            c
            for c in self.circumstances
            if c.kind == kind
            and c.start_date <= self.as_at
            and (c.end_date is None or c.end_date > self.as_at)
        ]
        return max(current, key=lambda c: c.start_date, default=None)
