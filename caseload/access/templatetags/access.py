"""`{% load access %}{% if request.user|may:"SEE_CASE_AUDIT" %}`: a capability check in a
template, for a link shown only to the users who may follow it."""

from typing import Any

from django import template

from caseload.access.capabilities import Capability, has_capability

register = template.Library()


@register.filter
def may(user: Any, capability: str) -> bool:
    return has_capability(user, Capability[capability])
