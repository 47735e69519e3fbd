"""The report pages: each parses one form and calls one action (`case_action_page`), then goes
back to the Sentence section."""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse

from caseload.access.pages import case_action_page
from caseload.access.rules import case_page
from caseload.people.models import Person
from caseload.reports import actions
from caseload.reports.forms import CompleteReportForm, RequestReportForm

TEMPLATE = "core/case_action_form.html"
BACK = {"back_to": "case_sentence", "back_label": "sentence"}


@case_page(write=True)
def request_report(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=RequestReportForm,
        action=actions.request_report,
        title="Record a report requested",
        success="Report recorded",
        template=TEMPLATE,
        done="case_sentence",
        context=lambda person: BACK,
    )


def _naming_report(request: HttpRequest, report_id: int) -> Callable[[Person], str]:
    """The title names the report; one of another case is not found (404), nor, when the form
    is first shown, one already completed. A POST about one completed since goes on to the
    action, which shows the conflict page."""

    def title(person: Person) -> str:
        report = person.reports.filter(pk=report_id).first()
        if report is None or (request.method != "POST" and report.completed_on is not None):
            raise Http404("No such report outstanding on this case")
        return f"Record the {report.get_kind_display().lower()} as completed"

    return title


def _report_summary(report_id: int) -> Callable[[Person], dict[str, str]]:
    def context(person: Person) -> dict[str, str]:
        report = person.reports.get(pk=report_id)
        return {"record_summary": actions.describe_report(report), **BACK}

    return context


@case_page(write=True)
def complete_report(request: HttpRequest, crn: str, report_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=CompleteReportForm,
        action=actions.complete_report,
        title=_naming_report(request, report_id),
        success="Report recorded as completed",
        fixed_arguments={"report_id": report_id},
        context=_report_summary(report_id),
        template=TEMPLATE,
        done="case_sentence",
    )
