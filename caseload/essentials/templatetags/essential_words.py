"""`{% load essential_words %}`: an essential's state as a GOV.UK tag, in words."""

from datetime import date
from typing import Any

from django import template

from caseload.essentials.wording import STATE_TAGS, short_day, when_due

register = template.Library()


@register.inclusion_tag("essentials/state_tag.html")
def essential_tag(essential: Any, today: date) -> dict[str, str]:
    """ "Overdue by 3 days" in red, "Due 4 December" in yellow, "Done 3 November" in green."""
    state = str(essential.state)
    words = when_due(state, essential.due_on, today, getattr(essential, "done_on", None))
    override = getattr(essential, "override", None)
    if override is not None:
        label = "Snoozed" if state == "snoozed" else "Not applicable"
        words = f"{label} until {short_day(override.until, today)}"
    return {"words": words, "tag": STATE_TAGS.get(state, "govuk-tag--grey")}


@register.filter
def thousands(number: int) -> str:
    """1204 as "1,204", as GOV.UK writes numbers."""
    return f"{number:,}"
