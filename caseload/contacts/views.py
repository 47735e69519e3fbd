from django.http import HttpRequest, HttpResponse

from caseload.access.pages import case_action_page
from caseload.access.rules import case_page
from caseload.contacts.actions import record_contact
from caseload.contacts.forms import ContactForm


@case_page(write=True)
def new_contact(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=ContactForm,
        action=record_contact,
        title="Record a contact",
        success="Contact recorded",
        done="case_activity",
    )
