"""`{% identity_bar person %}`: the identity bar, on every case page (`people.identity`).

Section pages pass `heading=True`: the name is the page's heading there; on a case action page
the action is the heading and the name a line in the bar."""

from typing import Any

from django import template

from caseload.people.identity import case_identity
from caseload.people.models import Person

register = template.Library()


@register.inclusion_tag("people/identity_bar.html")
def identity_bar(person: Person, heading: bool = False) -> dict[str, Any]:
    return {"identity": case_identity(person), "heading": heading}
