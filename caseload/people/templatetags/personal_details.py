"""Template filters for personal details."""

from django import template

from caseload.people.domain import phone_in_words

register = template.Library()


@register.filter(name="phone_number")
def phone_number(number: str) -> str:
    """A stored phone number grouped as people read it: "07700 900 123"."""
    return phone_in_words(number or "")
