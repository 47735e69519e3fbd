from django import template

from caseload.people.domain import hours_and_minutes as in_hours_and_minutes

register = template.Library()


@register.filter
def hours_and_minutes(minutes: int) -> str:
    """`{{ 750|hours_and_minutes }}` is "12 hours 30 minutes"."""
    return in_hours_and_minutes(minutes)
