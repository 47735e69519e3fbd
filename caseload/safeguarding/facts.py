"""The enquiries of a batch of people, as the essentials rules read them: one query."""

from collections.abc import Collection

from caseload.safeguarding.domain import EnquiryFact
from caseload.safeguarding.models import Enquiry


def enquiry_facts(person_ids: Collection[int]) -> dict[int, tuple[EnquiryFact, ...]]:
    """Each person's enquiries, oldest request first; a person with none has no key."""
    found: dict[int, list[EnquiryFact]] = {}
    rows = (
        Enquiry.objects.filter(person_id__in=person_ids)
        .order_by("person_id", "requested_on", "id")
        .values_list("person_id", "kind", "requested_on", "responded_on", "response")
    )
    for person_id, kind, requested_on, responded_on, response in rows:
        found.setdefault(person_id, []).append(
            EnquiryFact(kind, requested_on, responded_on, response)
        )
    return {person_id: tuple(facts) for person_id, facts in found.items()}
