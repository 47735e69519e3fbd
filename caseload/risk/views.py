from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from caseload.access.cases import get_case_for_user
from caseload.core.views import case_action_page
from caseload.risk.actions import deregister_flag, record_assessment, register_flag
from caseload.risk.forms import (
    AssessmentForm,
    EndRegistrationForm,
    RegistrationForm,
    answers_from,
    initial_from,
)


@login_required
def new_registration(request: HttpRequest, crn: str) -> HttpResponse:
    def perform(person: Any, data: dict[str, Any]) -> object:
        return register_flag(
            person.crn,
            acting_user=request.user,
            register=data["register"],
            category=data["category"],
            level=data["level"],
            registered_on=data["registered_on"],
            notes=data["notes"],
        )

    return case_action_page(
        request,
        crn,
        form_class=RegistrationForm,
        title="Add a registration",
        perform=perform,
        success="Registration added",
    )


@login_required
def end_registration(request: HttpRequest, crn: str, registration_id: int) -> HttpResponse:
    def perform(person: Any, data: dict[str, Any]) -> object:
        return deregister_flag(
            person.crn,
            registration_id,
            acting_user=request.user,
            deregistered_on=data["deregistered_on"],
            notes=data["notes"],
        )

    return case_action_page(
        request,
        crn,
        form_class=EndRegistrationForm,
        title="End a registration",
        perform=perform,
        success="Registration ended",
    )


@login_required
def new_assessment(request: HttpRequest, crn: str) -> HttpResponse:
    def perform(person: Any, data: dict[str, Any]) -> object:
        return record_assessment(
            person.crn,
            acting_user=request.user,
            completed_on=data["completed_on"],
            answers=answers_from(data),
        )

    person = get_case_for_user(request.user, crn, write=True, audit=False)
    latest = person.assessments.first()
    return case_action_page(
        request,
        crn,
        form_class=AssessmentForm,
        title="Record an assessment",
        perform=perform,
        success="Assessment recorded. Scores and tier recalculated.",
        initial=initial_from(latest.answers) if latest else None,
        template="risk/assessment_form.html",
    )
