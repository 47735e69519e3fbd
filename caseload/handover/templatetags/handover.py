"""`{% handovers_to_read %}`: the cases handed over to the signed-in practitioner that they have
not read the handover of yet, as a notification banner (nothing when there are none)."""

from typing import Any

from django import template
from django.utils import timezone

from caseload.core.versions import when_in_words
from caseload.handover.notices import unread_handovers

register = template.Library()


@register.inclusion_tag("handover/handovers_to_read.html", takes_context=True)
def handovers_to_read(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    return {"handovers": list(unread_handovers(getattr(request, "user", None)))}


@register.filter
def uk_when(moment: Any) -> str:
    """A stored moment in UK time, GOV.UK style: "2:30pm on 1 December 2026"."""
    return when_in_words(timezone.localtime(moment)) if moment else ""
