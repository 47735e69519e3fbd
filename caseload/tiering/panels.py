"""The tier panel on the case page: both frameworks' tiers, why, and how they have changed."""

from typing import Any

from django.conf import settings

from caseload.people.models import Person
from caseload.people.record import CasePanel, CaseViewer, register_panel


def tier(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    return {
        "tier": getattr(person, "tier", None),
        "tier_changes": list(person.tier_changes.all()[:20]),
        "primary_tier": settings.PRIMARY_TIER_FRAMEWORK,
    }


register_panel(
    CasePanel("tier", 20, "tiering/tier_panel.html", tier, width="one-half", section="risk")
)
