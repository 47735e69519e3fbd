"""Case lists and the case record page. Reads go through the access module only."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, has_capability
from caseload.access.cases import case_viewer, changeable_cases, get_case_for_user, visible_cases
from caseload.access.pages import case_action_page
from caseload.access.rules import case_page, signed_in, surface
from caseload.core.memo import remembering
from caseload.core.pagination import filters_without_page, paged_title
from caseload.organisation.models import Allocation, Staff
from caseload.people.actions import record_circumstance_change
from caseload.people.apps import case_list_title
from caseload.people.caselist import SORTS, case_rows
from caseload.people.forms import CaseFilterForm, CircumstanceForm
from caseload.people.listing import sortable_columns
from caseload.people.models import Person
from caseload.people.record import (
    SECTIONS,
    Section,
    case_actions,
    case_panels,
    case_record,
    panel_rows,
)


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    if has_capability(request.user, Capability.HOLD_CASES):
        return redirect("today")
    if has_capability(request.user, Capability.SEE_CASE):
        return redirect("team_cases")
    if has_capability(request.user, Capability.MANAGE_USERS):
        return redirect("admin:index")
    if has_capability(request.user, Capability.SEE_AGGREGATES):
        return render(request, "people/no_case_access.html")
    return redirect("team_cases")


def _practitioners(cases: QuerySet[Person]) -> list[tuple[int, str]]:
    """Who holds the list's cases today, for the practitioner filter."""
    held = Allocation.objects.current().filter(person__in=cases.values("pk"))
    staff = Staff.objects.filter(pk__in=held.values("staff_id")).select_related("user")
    return sorted(((s.pk, str(s)) for s in staff), key=lambda choice: choice[1])


def _case_list(request: HttpRequest, *, mine: bool, title: str) -> HttpResponse:
    cases = visible_cases(request.user)
    if mine:
        cases = cases.held_by_user(request.user)
    elif has_capability(request.user, Capability.CHANGE_CASE):
        cases = changeable_cases(request.user)
    form = CaseFilterForm(
        request.GET or None, practitioners=None if mine else _practitioners(cases)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    sort = request.GET.get("sort", "name")
    if sort.lstrip("-") not in SORTS:
        sort = "name"
    rows = case_rows(
        cases,
        sort=sort,
        tier=filters.get("tier", ""),
        search=filters.get("q"),
        practitioner=filters.get("practitioner"),
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    record_audit(request.user, "VIEW_CASELOAD", detail={"mine": mine, "page": page.number})
    query = filters_without_page(request)
    return render(
        request,
        "people/case_list.html",
        {
            "title": title,
            "page_title": paged_title(title, page),
            "page": page,
            "filter_form": form,
            "has_errors": bool(form.errors),
            "sort": sort,
            "query": query,
            "columns": sortable_columns(request, sort, mine=mine),
            "mine": mine,
            "primary_tier": settings.PRIMARY_TIER_FRAMEWORK,
        },
    )


@surface(Capability.HOLD_CASES)
def my_cases(request: HttpRequest) -> HttpResponse:
    return _case_list(request, mine=True, title="My cases")


@surface(Capability.SEE_CASE)
def team_cases(request: HttpRequest) -> HttpResponse:
    return _case_list(request, mine=False, title=case_list_title(request.user))


#: Sections whose page is served by their own part (it reads the request: filters, paging).
OWN_PAGES = frozenset({"activity"})


def case_section_context(request: HttpRequest, person: Person, section: Section) -> dict[str, Any]:
    """What `people/case_detail.html` needs to show one section of a case the user may see: the
    identity bar, the sections' sub-navigation, the section's tasks (for those who may change the
    case) and its panels."""
    viewer = case_viewer(request.user, person)
    page = case_record(person, viewer, section)
    page["can_change"] = viewer.can_change
    page["case_actions"] = case_actions(section) if viewer.can_change else []
    page["panel_rows"] = panel_rows(case_panels(viewer, section))
    page["section"] = section
    page["section_title"] = next(title for key, title, _ in SECTIONS if key == section)
    page["sections"] = [
        (key, title, "case_detail" if key == "overview" else f"case_{key}")
        for key, title, _ in SECTIONS
    ]
    return page


def _case_section(request: HttpRequest, crn: str, section: Section) -> HttpResponse:
    person = get_case_for_user(request.user, crn)
    with remembering():  # the identity bar and the panels read the same facts
        context = case_section_context(request, person, section)
        return render(request, "people/case_detail.html", context)


@case_page
def case_detail(request: HttpRequest, crn: str) -> HttpResponse:
    """The case overview: the first section of the case record."""
    return _case_section(request, crn, "overview")


def _section_view(section: Section) -> Callable[[HttpRequest, str], HttpResponse]:
    @case_page
    def view(request: HttpRequest, crn: str) -> HttpResponse:
        return _case_section(request, crn, section)

    view.__name__ = f"case_{section}"
    return view


section_views = {
    key: _section_view(key) for key, _, slug in SECTIONS if slug and key not in OWN_PAGES
}


@case_page(write=True)
def new_circumstance(request: HttpRequest, crn: str) -> HttpResponse:
    return case_action_page(
        request,
        crn,
        form_class=CircumstanceForm,
        action=record_circumstance_change,
        title="Record a change of circumstances",
        success="Change of circumstances recorded",
        done="case_personal",
    )
