"""`{% primary_tier case %}`: a case's tier in the primary framework, with the other
framework's tier for screen readers (both are on the case's Risk page)."""

from typing import Any

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from caseload.tiering.explain import FRAMEWORK_NAMES, tier_words

register = template.Library()


@register.simple_tag
def primary_tier(person: Any) -> str:
    tier = getattr(person, "tier", None)  # a case not yet tiered has no tier row
    if tier is None:
        return mark_safe('<span class="govuk-hint govuk-!-margin-0">Not calculated</span>')
    primary = settings.PRIMARY_TIER_FRAMEWORK
    other = "v3" if primary == "v2" else "v2"
    return format_html(
        '{}<span class="govuk-visually-hidden"> (tier {}: {})</span>',
        tier_words(getattr(tier, f"{primary}_tier")),
        FRAMEWORK_NAMES[other],
        tier_words(getattr(tier, f"{other}_tier")),
    )


register.filter("tier_words", tier_words)


@register.filter
def cause_words(cause: str) -> str:
    """What changed a tier: "recompute" or an action's name ("REGISTER_FLAG")."""
    if cause == "recompute":
        return "recalculated"
    return cause.replace("_", " ").lower()
