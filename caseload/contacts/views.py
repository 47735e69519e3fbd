from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from caseload.access.cases import get_case_for_user
from caseload.access.pages import case_action_page
from caseload.access.rules import case_page
from caseload.contacts.actions import record_contact
from caseload.contacts.forms import ActivityFilterForm, ContactForm
from caseload.contacts.timeline import people_entries, system_entries
from caseload.core.memo import remembering
from caseload.core.pagination import filters_without_page
from caseload.people.models import Person
from caseload.people.views import case_section_context

PER_PAGE = 20


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


@case_page
def activity_log(request: HttpRequest, crn: str) -> HttpResponse:
    """The Activity log section: people's entries (contacts), filtered, searched and paged, or
    the system's entries (`?show=system`), never the two mixed. Bad filters get the error
    summary (400) and no entries."""
    person = get_case_for_user(request.user, crn)
    with remembering():  # the identity bar and the panels read the same facts
        return _activity_log(request, person)


def _activity_log(request: HttpRequest, person: Person) -> HttpResponse:
    page = case_section_context(request, person, "activity")
    notes_searchable = page["viewer"].sees_sensitive
    system = request.GET.get("show") == "system"
    form = ActivityFilterForm(None if system else request.GET, notes_searchable=notes_searchable)
    activity = {"form": form, "system": system, "notes_searchable": notes_searchable}
    status = 200
    if system:
        entries: object = system_entries(person)
    elif form.is_valid():
        filters = form.filters()
        entries = people_entries(person, filters, notes_searchable=notes_searchable)
        activity["filtered"] = filters.any
    else:
        entries, status = None, 400
    if entries is not None:
        activity["page"] = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    page["activity"] = activity
    page["query"] = filters_without_page(request)
    return render(request, "contacts/activity_log.html", page, status=status)
