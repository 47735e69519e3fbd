"""The enforcement facts of a batch of people, as the pure rules read them: three queries,
whatever the batch's size.

A loader over the models, named `facts.py` by the shared interface; it imports no `django`
module itself (the layering test reads every `*/facts.py` as pure rules), so UK dates come
from `domain.uk_day`."""

from collections import defaultdict
from collections.abc import Collection

from caseload.enforcement.domain import (
    BreachFact,
    DecisionFact,
    EnforcementFacts,
    RecallFact,
    uk_day,
)
from caseload.enforcement.models import Breach, FailureDecision, RecallConsideration


def enforcement_facts(person_ids: Collection[int]) -> dict[int, EnforcementFacts]:
    """Each person's breaches, recall considerations and later decisions on failures; a person
    with none has no key."""
    breaches: dict[int, list[BreachFact]] = defaultdict(list)
    for b in Breach.objects.filter(person_id__in=person_ids).order_by("started_on", "id"):
        breaches[b.person_id].append(
            BreachFact(b.started_on, b.pack_sent_on, b.outcome, b.outcome_on)
        )
    recalls: dict[int, list[RecallFact]] = defaultdict(list)
    for r in RecallConsideration.objects.filter(person_id__in=person_ids).order_by(
        "considered_on", "id"
    ):
        recalls[r.person_id].append(
            RecallFact(
                r.considered_on,
                r.why,
                r.recommended_type,
                r.emergency,
                r.decision,
                r.decided_at,
                r.countersigned_at,
                r.part_a_sent_at,
            )
        )
    decisions: dict[int, list[DecisionFact]] = defaultdict(list)
    for d in (
        FailureDecision.objects.filter(person_id__in=person_ids)
        .select_related("contact")
        .order_by("decided_on", "id")
    ):
        decisions[d.person_id].append(
            DecisionFact(
                uk_day(d.contact.happened_at),
                d.contact.contact_type,
                d.previous_action,
                d.action,
                d.decided_on,
            )
        )
    return {
        person_id: EnforcementFacts(
            tuple(breaches[person_id]), tuple(recalls[person_id]), tuple(decisions[person_id])
        )
        for person_id in {*breaches, *recalls, *decisions}
    }
