"""The case's registrations, read once for a case page (`caseload.core.memo`): the identity
bar, the risk card, RoSH and the registrations panel all read them."""

from django.db.models import Prefetch

from caseload.core.memo import remembered
from caseload.people.models import Person
from caseload.risk.models import Registration


def case_registrations(person: Person) -> list[Registration]:
    """Every registration, in force or ended, newest first, with its reviews and who made it."""
    return remembered(
        ("registrations", person.pk),
        lambda: list(
            person.registrations.prefetch_related(Prefetch("reviews")).select_related(
                "registered_by"
            )
        ),
    )
