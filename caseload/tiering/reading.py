"""The case's tiers, read once for a case page (`caseload.core.memo`): the identity bar and
the risk card both show them."""

from caseload.core.memo import remembered
from caseload.people.models import Person
from caseload.tiering.models import CaseTier


def case_tier(person: Person) -> CaseTier | None:
    return remembered(
        ("case tier", person.pk), lambda: CaseTier.objects.filter(person=person).first()
    )
