"""A plain snapshot of one person's recorded facts, as at a day: what the pure rules read.

`caseload.derived.snapshot` builds it from the database; predictors, tiers and every later
derived value are computed from it alone, so one function serves the refresh after an action,
the full recompute and any "as at" question. `case_facts` keeps only what was known on the day:
nothing recorded as happening later (a contact, an assessment, a registration, a sentence, a
circumstance) can change what is derived as at that day. Pure: no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from caseload.contacts.domain import ContactFact
from caseload.people.domain import (
    CircumstanceFacts,
    CriminalHistoryFacts,
    RequirementFacts,
    SentenceFacts,
)
from caseload.risk.domain import AssessmentFacts, RegistrationFacts

__all__ = [
    "AssessmentFacts",
    "CaseFacts",
    "CircumstanceFacts",
    "ContactFact",
    "CriminalHistoryFacts",
    "RegistrationFacts",
    "RequirementFacts",
    "SentenceFacts",
    "case_facts",
]


@dataclass(frozen=True)
class CaseFacts:
    """What was recorded about one person and known on `as_at`. Build it with `case_facts`."""

    crn: str
    date_of_birth: date
    sex: str
    as_at: date
    criminal_history: CriminalHistoryFacts | None = None
    sentences: tuple[SentenceFacts, ...] = ()
    registrations: tuple[RegistrationFacts, ...] = ()
    circumstances: tuple[CircumstanceFacts, ...] = ()
    #: The latest assessment completed on or before `as_at`.
    assessment: AssessmentFacts | None = None
    contacts: tuple[ContactFact, ...] = ()

    def active_registrations(self) -> tuple[RegistrationFacts, ...]:
        return tuple(r for r in self.registrations if r.active_on(self.as_at))

    def current_sentence(self) -> SentenceFacts | None:
        """The most recent sentence in force, or None."""
        active = [s for s in self.sentences if s.active_on(self.as_at)]
        return max(active, key=lambda s: (s.sentence_date, s.event_number), default=None)

    def current_circumstance(self, kind: str) -> CircumstanceFacts | None:
        current = [c for c in self.circumstances if c.kind == kind and c.active_on(self.as_at)]
        return max(current, key=lambda c: c.start_date, default=None)


def case_facts(
    *,
    crn: str,
    date_of_birth: date,
    sex: str,
    as_at: date,
    criminal_history: CriminalHistoryFacts | None = None,
    sentences: Iterable[SentenceFacts] = (),
    registrations: Iterable[RegistrationFacts] = (),
    circumstances: Iterable[CircumstanceFacts] = (),
    assessments: Iterable[AssessmentFacts] = (),
    contacts: Iterable[ContactFact] = (),
) -> CaseFacts:
    """The facts known on `as_at`: anything that starts, happens or is completed later is left
    out. Ends dated later stay, since each period's `active_on` already reads them as running.

    The criminal history is one undated summary from the PNC, taken as recorded. Assessments
    come newest first; of two completed on the same day, the one recorded later comes first.
    """
    known = [a for a in assessments if a.completed_on <= as_at]
    return CaseFacts(
        crn=crn,
        date_of_birth=date_of_birth,
        sex=sex,
        as_at=as_at,
        criminal_history=criminal_history,
        sentences=tuple(s for s in sentences if s.sentence_date <= as_at),
        registrations=tuple(r for r in registrations if r.registered_on <= as_at),
        circumstances=tuple(c for c in circumstances if c.start_date <= as_at),
        assessment=max(known, key=lambda a: a.completed_on, default=None),
        contacts=tuple(c for c in contacts if c.on <= as_at),
    )
