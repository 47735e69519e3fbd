"""The facts other parts record that satisfy essentials, each read for a whole batch by that
part's own loader (the shared interface of issue 10): enquiries (`safeguarding.facts`),
plans and oversight (`plans.facts`), breaches and recalls (`enforcement.facts`), and the
enforcement steps the rules require of them (`enforcement.domain.enforcement_steps`)."""

from caseload.enforcement.domain import EnforcementFacts, enforcement_steps
from caseload.enforcement.facts import enforcement_facts
from caseload.plans.facts import plan_facts
from caseload.safeguarding.facts import enquiry_facts

__all__ = [
    "NO_ENFORCEMENT",
    "enforcement_facts",
    "enforcement_steps",
    "enquiry_facts",
    "plan_facts",
]

#: A case with no breach or recall recorded: its failures to comply still need steps.
NO_ENFORCEMENT = EnforcementFacts()
