from typing import Any

from django.http import HttpRequest, HttpResponse

from caseload.access.pages import case_action_page
from caseload.access.rules import case_page
from caseload.people.models import Person
from caseload.risk.actions import (
    deregister_flag,
    record_assessment,
    record_rosh_summary,
    register_flag,
    review_registration,
)
from caseload.risk.forms import (
    AssessmentForm,
    EndRegistrationForm,
    RegistrationForm,
    ReviewRegistrationForm,
    RoshSummaryForm,
    initial_from,
)


@case_page(write=True)
def new_registration(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=RegistrationForm,
        action=register_flag,
        title="Add a registration",
        success="Registration added",
        done="case_risk",
    )


@case_page(write=True)
def end_registration(request: HttpRequest, crn: str, registration_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=EndRegistrationForm,
        action=deregister_flag,
        title="End a registration",
        success="Registration ended",
        done="case_risk",
        fixed_arguments={"registration_id": registration_id},
    )


def latest_answers(person: Person) -> dict[str, Any] | None:
    latest = person.assessments.first()
    return initial_from(latest.answers) if latest else None


@case_page(write=True)
def review_registration_page(request: HttpRequest, crn: str, registration_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=ReviewRegistrationForm,
        action=review_registration,
        title="Review a registration",
        success="Registration reviewed",
        done="case_risk",
        fixed_arguments={"registration_id": registration_id},
    )


@case_page(write=True)
def new_assessment(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=AssessmentForm,
        action=record_assessment,
        title="Record an assessment",
        success="Assessment recorded. Scores and tier recalculated.",
        done="case_risk",
        initial=latest_answers,
        template="risk/assessment_form.html",
    )


@case_page(write=True)
def new_rosh_summary(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=RoshSummaryForm,
        action=record_rosh_summary,
        title="Record risk of serious harm by audience",
        success="Risk of serious harm recorded. Tier recalculated.",
        done="case_risk",
    )
