from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from caseload.access.pages import case_action_page
from caseload.access.rules import case_page
from caseload.people.models import Person
from caseload.risk.actions import (
    deregister_flag,
    record_assessment,
    record_rosh_summary,
    record_tool_assessment,
    register_flag,
    registration_title,
    review_registration,
)
from caseload.risk.forms import (
    AssessmentForm,
    EndRegistrationForm,
    RegistrationForm,
    ReviewRegistrationForm,
    RoshSummaryForm,
    ToolAssessmentForm,
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


def titled_for_registration(
    request: HttpRequest, registration_id: int, verb: str
) -> Callable[[Person], str]:
    """The page's title names the registration ("End the MAPPA registration from 3 March
    2026"); a registration of another case, or one no longer active, is not found (404).

    A POST about a registration that has stopped being active goes on to the action, which
    shows the conflict page if someone else ended it after the user opened the form."""

    def title(person: Person) -> str:
        registrations = person.registrations
        if request.method != "POST":
            registrations = registrations.current()
        return (
            f"{verb} the {registration_title(get_object_or_404(registrations, pk=registration_id))}"
        )

    return title


@case_page(write=True)
def end_registration(request: HttpRequest, crn: str, registration_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=EndRegistrationForm,
        action=deregister_flag,
        title=titled_for_registration(request, registration_id, "End"),
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
        title=titled_for_registration(request, registration_id, "Review"),
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


@case_page(write=True)
def new_tool_assessment(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=ToolAssessmentForm,
        action=record_tool_assessment,
        title="Record an ARMS or SARA",
        success="ARMS or SARA recorded",
        done="case_risk",
    )
