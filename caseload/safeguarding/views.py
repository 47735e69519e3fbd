"""The enquiry pages: each parses one form and calls one action (`case_action_page`), then goes
back to the Risk section."""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse

from caseload.access.pages import case_action_page
from caseload.access.rules import case_page
from caseload.people.models import Person
from caseload.safeguarding import actions
from caseload.safeguarding.forms import EnquiryResponseForm, RequestEnquiryForm

TEMPLATE = "core/case_action_form.html"
BACK = {"back_to": "case_risk", "back_label": "risk"}


@case_page(write=True)
def request_enquiry(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=RequestEnquiryForm,
        action=actions.request_enquiry,
        title="Record a safeguarding enquiry",
        success="Enquiry recorded",
        template=TEMPLATE,
        done="case_risk",
        context=lambda person: BACK,
    )


def _naming_enquiry(request: HttpRequest, enquiry_id: int) -> Callable[[Person], str]:
    """The title names the enquiry; one of another case is not found (404), nor, when the form
    is first shown, one already answered. A POST about one answered since goes on to the
    action, which shows the conflict page."""

    def title(person: Person) -> str:
        enquiry = person.enquiries.filter(pk=enquiry_id).first()
        if enquiry is None or (request.method != "POST" and enquiry.responded_on is not None):
            raise Http404("No such enquiry awaiting a response on this case")
        return f"Record the response to the {enquiry.get_kind_display().lower()}"

    return title


def _enquiry_summary(enquiry_id: int) -> Callable[[Person], dict[str, str]]:
    def context(person: Person) -> dict[str, str]:
        enquiry = person.enquiries.get(pk=enquiry_id)
        return {"record_summary": actions.describe_enquiry(enquiry), **BACK}

    return context


@case_page(write=True)
def record_enquiry_response(request: HttpRequest, crn: str, enquiry_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=EnquiryResponseForm,
        action=actions.record_enquiry_response,
        title=_naming_enquiry(request, enquiry_id),
        success="Response recorded",
        fixed_arguments={"enquiry_id": enquiry_id},
        context=_enquiry_summary(enquiry_id),
        template=TEMPLATE,
        done="case_risk",
    )
