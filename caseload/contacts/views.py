from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from caseload.contacts.actions import record_contact
from caseload.contacts.forms import ContactForm
from caseload.core.forms import aware_datetime
from caseload.core.views import case_action_page


@login_required
def new_contact(request: HttpRequest, crn: str) -> HttpResponse:
    def perform(person: Any, data: dict[str, Any]) -> object:
        happened_at = aware_datetime(data["happened_on"], data["happened_at_time"])
        return record_contact(
            person.crn,
            acting_user=request.user,
            contact_type=data["contact_type"],
            happened_at=happened_at,
            outcome=data["outcome"],
            enforcement_action=data["enforcement_action"],
            notes=data["notes"],
            sensitive=data["sensitive"],
            rar_activity=data["rar_activity"],
        )

    return case_action_page(
        request,
        crn,
        form_class=ContactForm,
        title="Record a contact",
        perform=perform,
        success="Contact recorded",
    )
