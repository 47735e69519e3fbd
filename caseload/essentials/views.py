"""The pages that show essentials: a case's essential work with why each is needed, the pages
that snooze one, mark it not applicable or end that override, the practitioner's whole list,
and the manager's team view with its drill-down to cases.

Every read goes through the reading functions (`reading.py`), over the cases the access
function lets the user see; every override is one of the essentials actions, through
`case_action_page`.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, has_capability
from caseload.access.cases import case_viewer, get_case_for_user, visible_cases
from caseload.access.pages import case_action_page
from caseload.access.rules import case_page, surface
from caseload.core.pagination import filters_without_page, paged_title
from caseload.essentials.actions import (
    end_essential_override,
    mark_essential_not_applicable,
    snooze_essential,
)
from caseload.essentials.domain.rules import RULES
from caseload.essentials.explain import why
from caseload.essentials.forms import (
    EndOverrideForm,
    EssentialFilterForm,
    NotApplicableForm,
    SnoozeEssentialForm,
)
from caseload.essentials.listing import OPEN_STATES, holders, team_counts
from caseload.essentials.reading import (
    EssentialView,
    State,
    essentials_for_case,
    essentials_for_cases,
    overrides_on,
)
from caseload.organisation.constants import Role
from caseload.organisation.models import Staff
from caseload.people.models import Person

#: The longest an essentials list runs on one page.
PAGE_SIZE = 50
#: The case page groups its essentials: what is left to do first, then what is settled.
GROUPS = (
    ("Overdue and due", (State.OVERDUE, State.DUE, State.SNOOZED)),
    ("Done", (State.DONE,)),
    ("Not required", (State.NOT_REQUIRED,)),
)


@case_page
def case_essentials(request: HttpRequest, crn: str) -> HttpResponse:
    """Every essential on the case, done and not required too, each with why it is needed."""
    person = get_case_for_user(request.user, crn)
    today = timezone.localdate()
    found = essentials_for_case(person, today=today)
    groups = [
        (title, [(e, why(e)) for e in found if e.state in states]) for title, states in GROUPS
    ]
    page = {
        "person": person,
        "today": today,
        "groups": [(title, rows) for title, rows in groups if rows],
        "can_change": case_viewer(request.user, person).can_change,
    }
    return render(request, "essentials/case_essentials.html", page)


def _the_essential(kind: str, subject: str, today: date) -> Callable[[Person], EssentialView]:
    """The essential the override page is about, looked up (once) after the case's access is
    checked: 404 if the case has no such essential."""

    @functools.lru_cache(maxsize=1)
    def essential(person: Person) -> EssentialView:
        found = [
            e
            for e in essentials_for_case(person, today=today)
            if e.kind == kind and e.subject == subject
        ]
        if kind not in RULES or not found:
            raise Http404("No such essential on this case")
        return found[0]

    return essential


def _override_page(
    request: HttpRequest,
    crn: str,
    kind: str,
    *,
    form_class: type,
    action: Callable[..., object],
    doing: str,
    success: str,
) -> HttpResponse:
    subject = request.GET.get("subject", "")[:60]
    essential = _the_essential(kind, subject, timezone.localdate())
    return case_action_page(
        request,
        crn,
        form_class=form_class,
        action=action,
        title=lambda person: f"{doing}: {essential(person).title.lower()}",
        success=success,
        fixed_arguments={"kind": kind, "subject": subject},
        template="essentials/override_form.html",
        context=lambda person: {
            "essential": essential(person),
            "today": timezone.localdate(),
            "back_label": "essential work",
        },
        done="case_essentials",
    )


@case_page(write=True)
def snooze(request: HttpRequest, crn: str, kind: str) -> HttpResponse:
    return _override_page(
        request,
        crn,
        kind,
        form_class=SnoozeEssentialForm,
        action=snooze_essential,
        doing="Snooze",
        success="Essential snoozed",
    )


@case_page(write=True)
def not_applicable(request: HttpRequest, crn: str, kind: str) -> HttpResponse:
    return _override_page(
        request,
        crn,
        kind,
        form_class=NotApplicableForm,
        action=mark_essential_not_applicable,
        doing="Mark as not applicable",
        success="Essential marked as not applicable",
    )


def _overridden(override_id: int, today: date) -> Callable[[Person], dict[str, Any]]:
    """The override the page ends (404 if it is not this case's) and its essential as read:
    once the override has ended or expired, the page says so rather than offering to end it."""

    @functools.lru_cache(maxsize=1)
    def about(person: Person) -> dict[str, Any]:
        row = person.essential_overrides.filter(pk=override_id).first()
        if row is None:
            raise Http404("No such override on this case")
        essential = next(
            (
                e
                for e in essentials_for_case(person, today=today)
                if e.kind == row.kind and e.subject == row.subject
            ),
            None,
        )
        in_force = essential is not None and essential.override is not None
        return {
            "essential": essential,
            "in_force": in_force and essential.override.id == override_id,
            "title_of_it": RULES[row.kind].title if row.kind in RULES else row.kind,
            "today": today,
        }

    return about


@case_page(write=True)
def end_override(request: HttpRequest, crn: str, override_id: int) -> HttpResponse:
    about = _overridden(override_id, timezone.localdate())
    return case_action_page(
        request,
        crn,
        form_class=EndOverrideForm,
        action=end_essential_override,
        title=lambda person: f"End the override: {about(person)['title_of_it'].lower()}",
        success="Override ended: the essential is listed again",
        fixed_arguments={"override_id": override_id},
        template="essentials/end_override.html",
        context=about,
        done="case_essentials",
    )


# --- lists across cases ---------------------------------------------------------------------


def _essential_list(
    request: HttpRequest,
    cases: QuerySet[Person],
    *,
    title: str,
    practitioners: dict[str, Staff] | None = None,
) -> HttpResponse:
    """One list for "my essential work" and the team drill-down: filter, page, show."""
    form = EssentialFilterForm(
        request.GET or None,
        practitioners=None
        if practitioners is None
        else [(username, str(staff)) for username, staff in practitioners.items()],
    )
    if request.GET and not form.is_valid():
        page = {"title": title, "filter_form": form}
        return render(request, "essentials/essential_list.html", page, status=400)
    chosen = form.cleaned_data if request.GET else {}
    if chosen.get("practitioner") and practitioners is not None:
        cases = cases.allocated_to(practitioners[chosen["practitioner"]].pk)
    states = (State(chosen["state"]),) if chosen.get("state") else OPEN_STATES
    today = timezone.localdate()
    found = essentials_for_cases(cases, today=today, states=states)
    if chosen.get("kind"):
        found = [e for e in found if e.kind == chosen["kind"]]
    page_of = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page_of.object_list)
    held_by = holders(e.person_id for e in rows) if practitioners is not None else {}
    record_audit(
        request.user,
        "VIEW_CASELOAD",
        detail={"essentials": {k: v for k, v in chosen.items() if v}, "page": page_of.number},
    )
    page = {
        "title": title,
        "page_title": paged_title(title, page_of),
        "filter_form": form,
        "page": page_of,
        "rows": [(e, held_by.get(e.person_id)) for e in rows],
        "total": len(found),
        "today": today,
        "query": filters_without_page(request),
        # Each case's action is offered to those who may change the team's cases (not a head).
        "can_change": has_capability(request.user, Capability.CHANGE_CASE),
    }
    return render(request, "essentials/essential_list.html", page)


@surface(Capability.HOLD_CASES)
def my_essentials(request: HttpRequest) -> HttpResponse:
    """Every essential due on the practitioner's own cases (Today shows the first ten)."""
    mine = visible_cases(request.user).held_by_user(request.user)
    return _essential_list(request, mine, title="Essential work on your cases")


@dataclass(frozen=True)
class Oversight:
    """What an overseer oversees: a manager their team; a head of a delivery unit, who changes
    no case and sits in a team of their own, every team of the unit. `cases` are those of it
    the overseer may see (the access function), `practitioners` by username."""

    name: str
    cases: QuerySet[Person]
    practitioners: dict[str, Staff]


def _oversight(request: HttpRequest) -> Oversight:
    team = getattr(getattr(request.user, "staff", None), "team", None)
    if team is None:
        return Oversight("", Person.objects.none(), {})
    if has_capability(request.user, Capability.CHANGE_CASE):
        name, teams = team.name, [team.pk]
        cases = visible_cases(request.user).in_team(team.pk)
    else:
        unit = team.delivery_unit
        name, teams = unit.name, list(unit.teams.values_list("pk", flat=True))
        cases = visible_cases(request.user).in_delivery_unit(unit.pk)
    staff = (
        Staff.objects.filter(team_id__in=teams, role=Role.PRACTITIONER)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    return Oversight(name, cases, {s.user.get_username(): s for s in staff})


@surface(Capability.OVERSEE_CASES)
def team_essentials(request: HttpRequest) -> HttpResponse:
    """The team's essential work: counts by practitioner and by kind, and every override."""
    oversight = _oversight(request)
    today = timezone.localdate()
    found = essentials_for_cases(oversight.cases, today=today, states=OPEN_STATES)
    by_practitioner, by_kind = team_counts(found, holders(e.person_id for e in found))
    overrides = overrides_on(oversight.cases, today=today)
    record_audit(request.user, "VIEW_CASELOAD", detail={"essentials": "team"})
    page: dict[str, Any] = {
        "today": today,
        "oversight": oversight,
        "by_practitioner": by_practitioner,
        "by_kind": by_kind,
        "overdue": sum(1 for e in found if e.state == State.OVERDUE),
        "due": sum(1 for e in found if e.state == State.DUE),
        "overrides": overrides,
    }
    return render(request, "essentials/team.html", page)


@surface(Capability.OVERSEE_CASES)
def team_essential_cases(request: HttpRequest) -> HttpResponse:
    """The drill-down from a count: the team's essentials by practitioner, kind and state."""
    oversight = _oversight(request)
    return _essential_list(
        request,
        oversight.cases,
        title="Essential work in your team",
        practitioners=oversight.practitioners,
    )
