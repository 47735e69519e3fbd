"""The handover summary page, audited as a view; opening it marks the handover read for the
practitioner it was handed to."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.cases import case_viewer, get_case_for_user
from caseload.access.rules import case_page
from caseload.handover.summary import handover_summary
from caseload.organisation.actions import read_handover


@case_page
def case_handover(request: HttpRequest, crn: str) -> HttpResponse:
    try:
        person = get_case_for_user(request.user, crn, audit=False)
    except Http404:
        record_audit(request.user, "VIEW_HANDOVER", crn=crn.upper()[:7], outcome="FAIL")
        raise
    record_audit(request.user, "VIEW_HANDOVER", crn=person.crn)
    page = handover_summary(person, case_viewer(request.user, person), today=timezone.localdate())
    handover = page["handover"]
    if handover is not None and handover.read_at is None and _holds(request.user, handover):
        page["handover"] = read_handover(person.crn, handover.pk, acting_user=request.user)
    return render(request, "handover/summary.html", page)


def _holds(user: object, handover: object) -> bool:
    staff = getattr(getattr(handover, "allocation", None), "staff", None)
    return staff is not None and staff.user_id == getattr(user, "pk", None)
