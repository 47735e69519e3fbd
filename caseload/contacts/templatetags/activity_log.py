"""Template filters for the activity log: moments in GOV.UK style, compliance as a tag."""

from datetime import datetime
from typing import Any

from django import template
from django.utils import timezone

from caseload.contacts.domain import COMPLIANCE_LABELS, NO_OUTCOME, compliance
from caseload.core.versions import day_in_words, when_in_words

register = template.Library()

_COLOURS = {"complied": "green", "failed": "red", "acceptable": "blue"}


@register.filter
def when(moment: Any) -> str:
    """In UK time, "2:30pm on 1 December 2026"; a day alone, "1 December 2026"."""
    if isinstance(moment, datetime):
        return when_in_words(timezone.localtime(moment))
    return day_in_words(moment)


@register.filter
def compliance_tag(outcome: str) -> dict[str, str] | None:
    """The compliance standing of an outcome as a tag, or None (no outcome, or rescheduled)."""
    standing = compliance(outcome)
    if standing is None or standing == NO_OUTCOME:
        return None
    return {"label": COMPLIANCE_LABELS[standing], "colour": _COLOURS[standing]}
