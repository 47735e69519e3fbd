"""The identity bar: who the case is and how risky, at the top of every case page.

One function, `case_identity`, computes it in two queries (the tier cache and the registrations
in force); the reading of the registrations is pure (`caseload.risk.domain.risk_at_a_glance`).
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone

from caseload.people.domain import age_on
from caseload.people.models import Person
from caseload.risk.domain import RegistrationFacts, RiskAtAGlance, risk_at_a_glance
from caseload.tiering.models import CaseTier

TIER_FRAMEWORKS = {"v2": "Tier", "v3": "Tier (v3)"}


@dataclass(frozen=True)
class CaseIdentity:
    person: Person
    age: int
    #: The primary framework's tier (`settings.PRIMARY_TIER_FRAMEWORK`), "" before it is known.
    tier: str
    risk: RiskAtAGlance


def primary_tier(tier: CaseTier | None) -> str:
    if tier is None:
        return ""
    return str(getattr(tier, f"{settings.PRIMARY_TIER_FRAMEWORK}_tier") or "")


def case_identity(person: Person, day: date | None = None) -> CaseIdentity:
    day = day or timezone.localdate()
    registrations = [
        RegistrationFacts(r.register, r.category, r.level, r.registered_on, r.deregistered_on)
        for r in person.registrations.active_on(day)
    ]
    return CaseIdentity(
        person=person,
        age=age_on(person.date_of_birth, day),
        tier=primary_tier(CaseTier.objects.filter(person=person).first()),
        risk=risk_at_a_glance(registrations, day),
    )
