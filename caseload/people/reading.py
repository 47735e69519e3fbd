"""The case's circumstances, read once for a case page (`caseload.core.memo`): the overview's
summary and the personal details' address panel both show them."""

from caseload.core.memo import remembered
from caseload.people.models import Circumstance, Person


def case_circumstances(person: Person) -> list[Circumstance]:
    """Every circumstance, current or ended, the latest start first."""
    return remembered(
        ("circumstances", person.pk),
        lambda: list(person.circumstances.order_by("-start_date", "-id")),
    )
