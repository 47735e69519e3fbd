"""`{% load govuk %}{% govuk_field form.username %}` renders a field of any Django form
(for example Django's AuthenticationForm) as a GOV.UK form group."""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

from caseload.core.forms import govuk_field as wrap_field

register = template.Library()


@register.simple_tag
def govuk_field(bound_field: BoundField) -> SafeString:
    return wrap_field(bound_field).as_field_group()
