"""The tier panel on the case page: both frameworks' tiers, why, and how they have changed."""

from typing import Any

from django.conf import settings
from django.forms.models import model_to_dict

from caseload.people.models import Person
from caseload.people.record import CasePanel, CaseViewer, register_panel
from caseload.tiering.explain import explain_v2, explain_v3
from caseload.tiering.reading import case_tier


def tier(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    stored = case_tier(person)
    values = {} if stored is None else model_to_dict(stored)
    explained = {"v2": explain_v2(values), "v3": explain_v3(values)}
    primary = settings.PRIMARY_TIER_FRAMEWORK
    return {
        "tier": stored,
        "tier_explanations": [explained[primary], explained["v3" if primary == "v2" else "v2"]],
        "tier_changes": list(person.tier_changes.all()[:20]),
        "primary_tier": settings.PRIMARY_TIER_FRAMEWORK,
    }


register_panel(
    CasePanel("tier", 20, "tiering/tier_panel.html", tier, width="one-half", section="risk")
)
