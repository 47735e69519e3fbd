"""What several rules ask of one case: when supervision started, its RoSH, its appointments,
whether the Probation Reset has ended active supervision. Pure: no Django."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from caseload.contacts.domain import CONTACT_TYPES, OUTCOMES, ContactFact
from caseload.core.versions import day_in_words
from caseload.essentials.domain.facts import ArrangedAppointment, EssentialFacts
from caseload.people.domain import (
    LICENCE,
    SentenceFacts,
    probation_reset_exemption,
    two_thirds_point,
)
from caseload.risk.domain import MAPPA, ROSH_LEVEL_OF_REGISTER, ROSH_LEVELS, RegistrationFacts

#: Appointment types that are met in person: the office, the home, the doorstep (SL004).
IN_PERSON = frozenset({"COAP", "COAI", "CHVS", "COHV", "CODC"})
CHILD_PROTECTION = "RCPR"
#: A community sentence's rehabilitation activity requirement (the case page's Reset rule).
REHABILITATION_ACTIVITY = "F"

SENTENCE_WORDS = {
    "CO": "The community order",
    "SSO": "The suspended sentence order",
    "LIC": "The licence",
    "PSS": "Post-sentence supervision",
}


@lru_cache(maxsize=65_536)
def words(day: date) -> str:
    """ "3 November 2026" (kept: every reason names a few days, the same across a caseload)."""
    return day_in_words(day)


def supervision_start(sentence: SentenceFacts, as_at: date) -> date | None:
    """The sentence date of a community sentence; the release of a licence (None while the
    person is still in custody on `as_at`)."""
    if sentence.sentence_type == LICENCE:
        released = sentence.release_date
        return released if released is not None and released <= as_at else None
    return sentence.follow_up_date


def national_standard(contact_type: str) -> bool:
    found = CONTACT_TYPES.get(contact_type)
    return found is not None and found.national_standard and found.appointment


def attended(contact: ContactFact) -> bool:
    outcome = OUTCOMES.get(contact.outcome or "")
    return outcome is not None and outcome.attended is True


def attended_appointments(facts: EssentialFacts, since: date) -> list[date]:
    """Days with an attended national-standards appointment on or after `since`, oldest first."""
    return sorted(
        c.on
        for c in facts.case.contacts
        if c.on >= since and national_standard(c.contact_type) and attended(c)
    )


def arranged(facts: EssentialFacts) -> list[ArrangedAppointment]:
    """Appointments in the diary not cancelled as at the day."""
    return [a for a in facts.appointments if a.cancelled_on is None]


@dataclass(frozen=True)
class Rosh:
    level: str
    since: date
    how: str


def current_rosh(facts: EssentialFacts) -> Rosh | None:
    """The RoSH registration in force (as tiering reads it), or else the latest RoSH summary."""
    active = [r for r in facts.case.active_registrations() if r.register in ROSH_LEVEL_OF_REGISTER]
    if active:
        newest = max(active, key=lambda r: r.registered_on)
        return Rosh(ROSH_LEVEL_OF_REGISTER[newest.register], newest.registered_on, "registered")
    summaries = [s for s in facts.rosh_summaries if s.overall in ROSH_LEVELS]
    if summaries:
        latest = max(summaries, key=lambda s: s.assessed_on)
        return Rosh(str(latest.overall), latest.assessed_on, "assessed")
    return None


def at_least(level: str | None, floor: str) -> bool:
    return level in ROSH_LEVELS and ROSH_LEVELS.index(level) >= ROSH_LEVELS.index(floor)


def rosh_raises(registrations: Iterable[RegistrationFacts]) -> list[tuple[date, str]]:
    """Each RoSH registration that raised the level above the one before it: (day, level)."""
    rosh = sorted(
        (r for r in registrations if r.register in ROSH_LEVEL_OF_REGISTER),
        key=lambda r: r.registered_on,
    )
    raised = []
    for before, after in zip(rosh, rosh[1:], strict=False):
        if ROSH_LEVELS.index(ROSH_LEVEL_OF_REGISTER[after.register]) > ROSH_LEVELS.index(
            ROSH_LEVEL_OF_REGISTER[before.register]
        ):
            raised.append((after.registered_on, ROSH_LEVEL_OF_REGISTER[after.register]))
    return raised


@dataclass(frozen=True)
class Reset:
    """The Probation Reset as it applies to the current sentence."""

    point: date
    end: date
    exemption: str | None
    licence: bool

    def ended_supervision(self, as_at: date) -> bool:
        return self.exemption is None and as_at >= self.point

    @property
    def follow_up_on(self) -> date:
        """Midway through the final third."""
        return self.point + timedelta(days=(self.end - self.point).days // 2)


def probation_reset(facts: EssentialFacts) -> Reset | None:
    """The two-thirds point of a licence, or of a community sentence with a rehabilitation
    activity requirement (as the case page's sentence section reads it), with the exemption
    that keeps active supervision going, if any. None where the Reset does not apply."""
    sentence = facts.case.current_sentence()
    if sentence is None:
        return None
    start = supervision_start(sentence, facts.as_at)
    length = facts.sentence_lengths.get(sentence.event_number)
    end = length.expected_end if length else None
    licence = sentence.sentence_type == LICENCE
    has_rar = any(r.category == REHABILITATION_ACTIVITY for r in sentence.requirements)
    if start is None or end is None or end <= start or not (licence or has_rar):
        return None
    registers = {r.register for r in facts.case.active_registrations()}
    exemption = probation_reset_exemption(
        mappa=MAPPA in registers,
        very_high_rosh=any(ROSH_LEVEL_OF_REGISTER.get(r) == "VERY_HIGH" for r in registers),
        child_protection=CHILD_PROTECTION in registers,
    )
    return Reset(two_thirds_point(start, end), end, exemption, licence)
