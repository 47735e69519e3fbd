from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from caseload.core.views import case_action_page
from caseload.risk.actions import deregister_flag, register_flag
from caseload.risk.forms import EndRegistrationForm, RegistrationForm


@login_required
def new_registration(request: HttpRequest, crn: str) -> HttpResponse:
    def perform(person: Any, data: dict[str, Any]) -> object:
        return register_flag(
            person.crn, acting_user=request.user, register=data["register"],
            category=data["category"], level=data["level"],
            registered_on=data["registered_on"], notes=data["notes"],
        )

    return case_action_page(
        request, crn, form_class=RegistrationForm, title="Add a registration", perform=perform,
        success="Registration added",
    )


@login_required
def end_registration(request: HttpRequest, crn: str, registration_id: int) -> HttpResponse:
    def perform(person: Any, data: dict[str, Any]) -> object:
        return deregister_flag(
            person.crn, registration_id, acting_user=request.user,
            deregistered_on=data["deregistered_on"], notes=data["notes"],
        )

    return case_action_page(
        request, crn, form_class=EndRegistrationForm, title="End a registration", perform=perform,
        success="Registration ended",
    )
