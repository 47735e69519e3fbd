"""The enforcement pages: one step each, through `case_action_page`, back to the compliance
section. The title names the record the page is about; a record of another case is 404."""

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from caseload.access.capabilities import Capability
from caseload.access.pages import case_action_page
from caseload.access.rules import case_page
from caseload.contacts.models import Contact
from caseload.enforcement import actions, forms
from caseload.enforcement.domain import is_failure
from caseload.enforcement.models import Breach, RecallConsideration
from caseload.enforcement.panels import recall_view
from caseload.enforcement.reading import contact_fact
from caseload.people.models import Person

TEMPLATE = "enforcement/action_form.html"
DONE = "case_compliance"


def _failure(person: Person, failure_id: int) -> Contact:
    contact = Contact.objects.filter(person=person, pk=failure_id).first()
    if contact is None or not is_failure(contact_fact(contact)):
        raise Http404("No such failure to comply")
    return contact


def _titled(verb: str, find: Callable[[Person], object]) -> Callable[[Person], str]:
    def title(person: Person) -> str:
        find(person)
        return verb

    return title


def _breach(person: Person, breach_id: int) -> Breach:
    found = Breach.objects.filter(person=person, pk=breach_id).select_related("started_by").first()
    if found is None:
        raise Http404("No such breach")
    return found


def _recall(person: Person, recall_id: int) -> RecallConsideration:
    found = (
        RecallConsideration.objects.filter(person=person, pk=recall_id)
        .select_related("person", "sentence", "considered_by", "decided_by", "countersigned_by")
        .first()
    )
    if found is None:
        raise Http404("No such recall consideration")
    return found


@case_page(write=True)
def record_enforcement_decision(request: HttpRequest, crn: str, failure_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=forms.FailureDecisionForm,
        action=actions.record_enforcement_decision,
        title=_titled(
            "Record the decision on a failure to comply", lambda p: _failure(p, failure_id)
        ),
        success="Decision recorded",
        fixed_arguments={"contact_id": failure_id},
        template=TEMPLATE,
        context=lambda p: {"failure": _failure(p, failure_id)},
        done=DONE,
    )


@case_page(write=True)
def record_breach_pack_sent(request: HttpRequest, crn: str, failure_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=forms.BreachPackSentForm,
        action=actions.record_breach_pack_sent,
        title=_titled("Record the breach pack sent to court", lambda p: _failure(p, failure_id)),
        success="Breach pack recorded as sent",
        fixed_arguments={"contact_id": failure_id},
        template=TEMPLATE,
        context=lambda p: {"failure": _failure(p, failure_id)},
        done=DONE,
    )


@case_page(write=True)
def record_breach_outcome(request: HttpRequest, crn: str, breach_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=forms.BreachOutcomeForm,
        action=actions.record_breach_outcome,
        title=_titled("Record the outcome of the breach", lambda p: _breach(p, breach_id)),
        success="Breach outcome recorded",
        fixed_arguments={"breach_id": breach_id},
        template=TEMPLATE,
        context=lambda p: {"breach": _breach(p, breach_id)},
        done=DONE,
    )


@case_page(write=True)
def consider_recall(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=forms.ConsiderRecallForm,
        action=actions.consider_recall,
        title="Consider a recall",
        success="Recall consideration recorded: a manager will decide",
        template=TEMPLATE,
        done=DONE,
    )


def _recall_context(recall_id: int) -> Callable[[Person], dict[str, Any]]:
    return lambda person: {"recall": recall_view(_recall(person, recall_id))}


@case_page(needs=Capability.DECIDE_RECALL)
def decide_recall(request: HttpRequest, crn: str, recall_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=forms.DecideRecallForm,
        action=actions.decide_recall,
        title=_titled("Decide on the recall", lambda p: _recall(p, recall_id)),
        success="Recall decision recorded",
        fixed_arguments={"recall_id": recall_id},
        template=TEMPLATE,
        needs=Capability.DECIDE_RECALL,
        context=_recall_context(recall_id),
        done=DONE,
    )


@case_page(needs=Capability.DECIDE_RECALL)
def countersign_recall(request: HttpRequest, crn: str, recall_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=forms.CountersignRecallForm,
        action=actions.countersign_recall,
        title=_titled("Countersign the recall decision", lambda p: _recall(p, recall_id)),
        success="Recall decision countersigned",
        fixed_arguments={"recall_id": recall_id},
        template=TEMPLATE,
        needs=Capability.DECIDE_RECALL,
        context=_recall_context(recall_id),
        done=DONE,
    )


@case_page(write=True)
def record_part_a_sent(request: HttpRequest, crn: str, recall_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=forms.PartASentForm,
        action=actions.record_part_a_sent,
        title=_titled("Record Part A sent", lambda p: _recall(p, recall_id)),
        success="Part A recorded as sent",
        fixed_arguments={"recall_id": recall_id},
        template=TEMPLATE,
        context=_recall_context(recall_id),
        done=DONE,
    )
