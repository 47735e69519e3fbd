"""The identity bar: who the case is and how risky, at the top of every case page.

One function, `case_identity`, computes it in a few queries (the tier cache, the registrations
with their reviews, and the case's essentials through `caseload.essentials.reading`, for the
flag that counts the overdue ones); the reading of the registrations is pure
(`caseload.risk.domain.risk_at_a_glance`). On a case page each of those reads is shared with the
panels (`caseload.core.memo`).
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone

from caseload.core.dates import in_force
from caseload.essentials.reading import State, essentials_for_case
from caseload.essentials.wording import overdue_flag
from caseload.people.domain import age_on
from caseload.people.models import Person
from caseload.risk.domain import RegistrationFacts, RiskAtAGlance, risk_at_a_glance
from caseload.risk.reading import case_registrations
from caseload.tiering.models import CaseTier
from caseload.tiering.reading import case_tier

TIER_FRAMEWORKS = {"v2": "Tier", "v3": "Tier (v3)"}


@dataclass(frozen=True)
class CaseIdentity:
    person: Person
    age: int
    #: The primary framework's tier (`settings.PRIMARY_TIER_FRAMEWORK`), "" before it is known.
    tier: str
    risk: RiskAtAGlance
    #: How many of the case's essentials are overdue (the red flag, linked to its essentials).
    overdue_essentials: int = 0

    @property
    def overdue_essentials_words(self) -> str:
        return overdue_flag(self.overdue_essentials)


def primary_tier(tier: CaseTier | None) -> str:
    if tier is None:
        return ""
    return str(getattr(tier, f"{settings.PRIMARY_TIER_FRAMEWORK}_tier") or "")


def case_identity(person: Person, day: date | None = None) -> CaseIdentity:
    day = day or timezone.localdate()
    registrations = [
        RegistrationFacts(r.register, r.category, r.level, r.registered_on, r.deregistered_on)
        for r in case_registrations(person)
        if in_force(r.registered_on, r.deregistered_on, day)
    ]
    return CaseIdentity(
        person=person,
        age=age_on(person.date_of_birth, day),
        tier=primary_tier(case_tier(person)),
        risk=risk_at_a_glance(registrations, day),
        overdue_essentials=sum(
            1 for e in essentials_for_case(person, today=day) if e.state == State.OVERDUE
        ),
    )
