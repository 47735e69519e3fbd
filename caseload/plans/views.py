"""The plan and oversight pages: each parses one form and calls one action
(`case_action_page`), then goes back to the section that shows it."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from caseload.access.capabilities import Capability
from caseload.access.pages import case_action_page
from caseload.access.rules import case_page
from caseload.plans import actions
from caseload.plans.forms import ManagementOversightForm, RiskManagementPlanForm, SentencePlanForm

TEMPLATE = "core/case_action_form.html"
#: The section each page goes back to, and its name on the back link.
BACK = {
    "case_sentence": "sentence",
    "case_risk": "risk",
    "case_detail": "overview",
}


def _page(request: HttpRequest, crn: str, *, done: str, **options: Any) -> HttpResponse:
    back = {"back_to": done, "back_label": BACK[done]}
    return case_action_page(
        request, crn, template=TEMPLATE, done=done, context=lambda person: back, **options
    )


@case_page(write=True)
def record_sentence_plan(request: HttpRequest, crn: str) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=SentencePlanForm,
        action=actions.record_sentence_plan,
        title="Record a sentence plan",
        success="Sentence plan recorded",
        done="case_sentence",
    )


@case_page(write=True)
def record_risk_management_plan(request: HttpRequest, crn: str) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=RiskManagementPlanForm,
        action=actions.record_risk_management_plan,
        title="Record a risk management plan",
        success="Risk management plan recorded",
        done="case_risk",
    )


@case_page(needs=Capability.OVERSEE_CASES)
def record_management_oversight(request: HttpRequest, crn: str) -> HttpResponse:
    return _page(
        request,
        crn,
        form_class=ManagementOversightForm,
        action=actions.record_management_oversight,
        title="Record management oversight",
        success="Management oversight recorded",
        done="case_detail",
        needs=Capability.OVERSEE_CASES,
        initial=lambda person: {"recorded_on": timezone.localdate()},
    )
