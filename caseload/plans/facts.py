"""The plans and oversight of a batch of people, as the essentials rules read them: three
queries, whatever the batch's size."""

from collections.abc import Collection
from dataclasses import replace

from caseload.plans.domain import OversightFact, PlanFacts, SentencePlanFact
from caseload.plans.models import ManagementOversight, RiskManagementPlan, SentencePlan


def plan_facts(person_ids: Collection[int]) -> dict[int, PlanFacts]:
    """Each person's plans and oversight, oldest first; a person with none has no key."""
    found: dict[int, PlanFacts] = {}
    sentence_plans = (
        SentencePlan.objects.filter(person_id__in=person_ids)
        .order_by("person_id", "completed_on", "id")
        .values_list("person_id", "completed_on", "contact_every_days")
    )
    for person_id, completed_on, every in sentence_plans:
        facts = found.get(person_id, PlanFacts())
        plan = SentencePlanFact(completed_on, every)
        found[person_id] = replace(facts, sentence_plans=(*facts.sentence_plans, plan))
    risk_plans = (
        RiskManagementPlan.objects.filter(person_id__in=person_ids)
        .order_by("person_id", "completed_on", "id")
        .values_list("person_id", "completed_on")
    )
    for person_id, completed_on in risk_plans:
        facts = found.get(person_id, PlanFacts())
        plans = (*facts.risk_management_plans, completed_on)
        found[person_id] = replace(facts, risk_management_plans=plans)
    oversight = (
        ManagementOversight.objects.filter(person_id__in=person_ids)
        .order_by("person_id", "recorded_on", "id")
        .values_list(
            "person_id",
            "recorded_on",
            "staff__user__first_name",
            "staff__user__last_name",
            "staff__user__username",
        )
    )
    for person_id, recorded_on, first, last, username in oversight:
        facts = found.get(person_id, PlanFacts())
        entry = OversightFact(recorded_on, f"{first} {last}".strip() or username)
        found[person_id] = replace(facts, oversight=(*facts.oversight, entry))
    return found
