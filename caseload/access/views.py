"""Pages for a case's limited-access lists (managers and heads of delivery units)."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from caseload.access.actions import add_to_limited_access, end_limited_access
from caseload.access.capabilities import Capability
from caseload.access.forms import EndLimitedAccessForm, LimitedAccessForm
from caseload.access.pages import case_action_page
from caseload.access.rules import case_page
from caseload.core.dates import in_force

MANAGE = Capability.MANAGE_LIMITED_ACCESS


def _lists(person: Any) -> dict[str, Any]:
    today = timezone.localdate()
    rows = list(person.limited_access.select_related("user"))
    current = [r for r in rows if in_force(r.start_date, r.end_date, today)]
    return {"in_force": current, "not_in_force": [r for r in rows if r not in current]}


@case_page(needs=MANAGE)
def limited_access(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=LimitedAccessForm,
        action=add_to_limited_access,
        title="Limited access",
        success="Limited access changed",
        initial={"start_date": timezone.localdate()},
        template="access/limited_access.html",
        needs=MANAGE,
        context=_lists,
        done="limited_access",
    )


@case_page(needs=MANAGE)
def end_limited_access_entry(request: HttpRequest, crn: str, entry_id: int) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=EndLimitedAccessForm,
        action=end_limited_access,
        title="End a limited-access entry",
        success="Limited access changed",
        fixed_arguments={"entry_id": entry_id},
        initial={"end_date": timezone.localdate()},
        needs=MANAGE,
        done="limited_access",
    )
