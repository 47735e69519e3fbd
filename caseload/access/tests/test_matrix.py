"""The access matrix: every page and API operation, tried by every role, on a case in every
limited-access state (none; the user excluded; restricted to others; restricted to the user).

Routes are read from the URL configuration and the API's routers when the tests are collected,
so a new route is tried without anyone listing it, and a route that declares no access rule
(`caseload.access.rules`) fails here. What each role may do comes from the capability table
(tested cell by cell in `test_capabilities.py`); this test checks that every route does what its
declaration says, for everyone.

To add a route: declare its rule; if its URL has a parameter other than those in `SAMPLES`, or
it is an API operation with a body (or a required query parameter), add a sample below.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from caseload.access.capabilities import Capability, has_capability
from caseload.access.models import LimitedAccess
from caseload.access.rules import AccessRule, Kind, declared_rule
from caseload.access.tokens import create_token
from caseload.core.api import api
from caseload.diary.feeds import create_feed
from caseload.essentials.models import EssentialDue, EssentialOverride
from caseload.organisation.constants import Grade, Role
from caseload.people.models import Address, Disability, PersonalContact
from caseload.risk.models import Registration
from caseload.safeguarding.models import Enquiry
from caseload.testing.enforcement import enforcement_records
from caseload.testing.factories import (
    AppointmentFactory,
    ReportFactory,
    StaffFactory,
    case_held_by,
)

LAO_STATES = ("none", "excluded", "restricted", "restricted and permitted")
PERSONAS = ("anonymous", *(role.value for role in Role))

#: Where a route's URL has a parameter, the value to try it with.
SAMPLES = {
    "crn": "case",
    "registration_id": "registration",
    "entry_id": "entry",
    "address_id": "address",
    "contact_id": "personal contact",
    "disability_id": "disability",
    "uidb64": "a user's id",
    "token": "a one-time token",
    "appointment_id": "appointment",
    "feed_token": "a diary feed token",
    "kind": "an essential's kind",
    "override_id": "an essential's override",
    "enquiry_id": "enquiry",
    "report_id": "report",
    "failure_id": "failure",
    "breach_id": "breach",
    "recall_id": "recall",
    "return_name": "a return",
    "username": "a username",
}

TODAY = timezone.localdate().isoformat()

#: Query strings for API GET operations that need one (a CRN sample is the case's own CRN).
QUERIES: dict[tuple[str, str], str] = {
    ("GET", "/api/v1/search"): "?q={crn}",
    ("GET", "/api/v1/workload/does-not-fit"): "?practitioner=practitioner",
}

#: Bodies for API operations that take one: valid, so that only access decides the answer.
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/v1/workload/reductions"): {
        "practitioner": "practitioner",
        "hours": "3.5",
        "reason": "Trade Union Facility Time",
        "effective_from": TODAY,
    },
    ("POST", "/api/v1/allocation/cases/{crn}"): {
        "staff": "someone_else",
        "note": "Has room for a new case",
        "start_date": TODAY,
        "replacing": None,
    },
    ("POST", "/api/v1/allocation/reallocate/{username}/proposal"): {},
    ("POST", "/api/v1/allocation/reallocate/{username}"): {
        "lines": [],
        "start_date": TODAY,
        "note": "Leaving at the end of the month",
    },
    ("POST", "/api/v1/cases/{crn}/essentials/overrides"): {
        "kind": "home_visit",
        "override": "SNOOZE",
        "reason": "In hospital this week",
        "until": TODAY,
    },
    ("POST", "/api/v1/cases/{crn}/essentials/overrides/{override_id}/end"): {"version": 1},
    ("POST", "/api/v1/cases/{crn}/contacts"): {
        "contact_type": "COAP",
        "happened_at": "2026-11-30T10:00:00Z",
        "outcome": "ATTC",
    },
    ("POST", "/api/v1/predictors/{name}"): {},
    ("POST", "/api/v1/tier"): {},
    ("POST", "/api/v1/cases/{crn}/circumstances"): {
        "kind": "EMPLOYMENT",
        "status": "UNEMPLOYED",
        "start_date": TODAY,
        "replacing": None,
    },
    ("POST", "/api/v1/cases/{crn}/registrations"): {
        "register_code": "RCCO",
        "registered_on": TODAY,
        "confirmed": True,
    },
    ("POST", "/api/v1/cases/{crn}/arms-sara"): {"tool": "SARA", "completed_on": TODAY},
    ("POST", "/api/v1/cases/{crn}/registrations/{registration_id}/end"): {
        "version": 1,
        "deregistered_on": TODAY,
        "reason": "Risk reduced",
    },
    ("POST", "/api/v1/cases/{crn}/registrations/{registration_id}/review"): {
        "version": 1,
        "reviewed_on": TODAY,
    },
    ("POST", "/api/v1/cases/{crn}/appointments"): {
        "contact_type": "COAP",
        "starts_at": (timezone.now() + timedelta(days=3)).isoformat(),
        "duration_minutes": 30,
        "location": "Northbridge probation office",
        "notes": "",
        "confirm_overlap": True,
    },
    ("POST", "/api/v1/cases/{crn}/appointments/{appointment_id}/reschedule"): {
        "starts_at": (timezone.now() + timedelta(days=4)).isoformat(),
        "requested_by": "service",
        "reason": "Officer on training",
        "confirm_overlap": True,
    },
    ("POST", "/api/v1/cases/{crn}/appointments/{appointment_id}/cancel"): {"reason": "Ill"},
    ("POST", "/api/v1/cases/{crn}/appointments/{appointment_id}/outcome"): {"outcome": "ATTC"},
    ("POST", "/api/v1/cases/{crn}/enforcement/failures/{failure_id}/decision"): {
        "enforcement_action": "EA02",
        "decided_on": TODAY,
    },
    ("POST", "/api/v1/cases/{crn}/enforcement/failures/{failure_id}/breach-pack"): {
        "sent_on": TODAY
    },
    ("POST", "/api/v1/cases/{crn}/enforcement/breaches/{breach_id}/outcome"): {
        "outcome": "ABCF",
        "outcome_on": TODAY,
    },
    ("POST", "/api/v1/cases/{crn}/enforcement/recalls"): {
        "considered_on": TODAY,
        "why": "RISK_INCREASED",
        "recommended_type": "STANDARD",
    },
    ("POST", "/api/v1/cases/{crn}/enforcement/recalls/{recall_id}/decision"): {
        "decision": "RECALL"
    },
    ("POST", "/api/v1/cases/{crn}/enforcement/recalls/{recall_id}/countersign"): {},
    ("POST", "/api/v1/cases/{crn}/enforcement/recalls/{recall_id}/part-a"): {
        "sent_at": timezone.now().isoformat()
    },
    ("POST", "/api/v1/cases/{crn}/addresses"): {
        "kind": "SECONDARY",
        "line_1": "1 Example Street",
        "town": "Sheffield",
        "postcode": "S1 2AB",
        "start_date": TODAY,
    },
    ("POST", "/api/v1/cases/{crn}/addresses/{address_id}/end"): {"version": 1, "end_date": TODAY},
    ("POST", "/api/v1/cases/{crn}/phone-and-email"): {"mobile": "07700900123", "replacing": None},
    ("POST", "/api/v1/cases/{crn}/personal-contacts"): {
        "kind": "GP",
        "name": "Dr Shah",
        "relationship": "GP",
    },
    ("POST", "/api/v1/cases/{crn}/personal-contacts/{contact_id}/remove"): {"version": 1},
    ("POST", "/api/v1/cases/{crn}/disabilities"): {"kind": "HEARING", "start_date": TODAY},
    ("POST", "/api/v1/cases/{crn}/disabilities/{disability_id}/end"): {
        "version": 1,
        "end_date": TODAY,
    },
    ("POST", "/api/v1/cases/{crn}/language"): {
        "preferred_language": "Welsh",
        "interpreter_required": False,
    },
    ("POST", "/api/v1/cases/{crn}/enquiries"): {
        "kind": "POLICE_DA",
        "reason": "START",
        "requested_on": TODAY,
    },
    ("POST", "/api/v1/cases/{crn}/enquiries/{enquiry_id}/response"): {
        "version": 1,
        "responded_on": TODAY,
        "response": "NO_INFORMATION",
    },
    ("POST", "/api/v1/cases/{crn}/reports"): {
        "kind": "STANDARD",
        "requested_on": TODAY,
        "due_on": TODAY,
    },
    ("POST", "/api/v1/cases/{crn}/reports/{report_id}/completion"): {
        "version": 1,
        "completed_on": TODAY,
    },
    ("POST", "/api/v1/cases/{crn}/sentence-plans"): {
        "completed_on": TODAY,
        "contact_every_days": 14,
    },
    ("POST", "/api/v1/cases/{crn}/risk-management-plans"): {"completed_on": TODAY},
    ("POST", "/api/v1/cases/{crn}/management-oversight"): {
        "recorded_on": TODAY,
        "notes": "Reviewed the plan",
    },
}


@dataclass(frozen=True)
class Route:
    label: str
    path: str
    method: str
    rule: AccessRule | None
    api: bool

    def __str__(self) -> str:
        return self.label


def _page_routes(patterns: list[Any], prefix: str = "") -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in {"admin", "api"}:
                continue  # the admin site is tried below; the API by its operations
            yield from _page_routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            path = prefix + str(entry.pattern)
            yield Route(path or "/", "/" + path, "GET", declared_rule(entry.callback), api=False)


def _api_routes() -> Iterator[Route]:
    for prefix, router in api._routers:
        for route_path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                # A nested router's prefix comes without its leading slash ("cases/").
                full = f"/api/v1/{prefix.strip('/')}/{route_path.lstrip('/')}".rstrip("/")
                full = full.replace("//", "/")
                for method in operation.methods:
                    yield Route(
                        f"{method} {full}",
                        full,
                        method,
                        declared_rule(operation.view_func),
                        api=True,
                    )


ROUTES = [*_page_routes(get_resolver().url_patterns), *_api_routes()]


def test_every_route_is_found():
    labels = {r.label for r in ROUTES}
    assert {"cases/<str:crn>/", "GET /api/v1/cases/{crn}", "accounts/login/"} <= labels


@dataclass
class World:
    case: Any
    staff: dict[str, Any]
    registration: Any
    entry: Any
    other: Any
    appointment: Any
    feed_token: str
    address: Any
    personal_contact: Any
    disability: Any
    essential: Any
    override: Any
    enquiry: Any
    report: Any
    failure: Any
    breach: Any
    recall: Any


@pytest.fixture
def world(db: Any) -> World:
    holder = StaffFactory(user__username="practitioner")
    team = holder.team
    staff = {Role.PRACTITIONER.value: holder}
    for role in Role:
        if role is not Role.PRACTITIONER:
            staff[role.value] = StaffFactory(
                team=team,
                role=role,
                grade=Grade.OTHER,
                user__username=role.value,
                user__is_staff=role is Role.ADMIN,
            )
    case = case_held_by(holder)
    other = StaffFactory(team=team, user__username="someone_else")
    registration = Registration.objects.create(
        person=case, register="RMRH", registered_on=timezone.localdate() - timedelta(days=10)
    )
    entry = LimitedAccess.objects.create(
        person=case,
        kind="exclusion",
        user=other.user,
        start_date=timezone.localdate(),
        reason="sample entry",
    )
    appointment = AppointmentFactory(person=case, with_staff=holder)
    feed_token = create_feed(holder.user)
    long_ago = timezone.localdate() - timedelta(days=400)
    address = Address.objects.create(
        person=case, kind="MAIN", line_1="1 Street", town="Leeds", postcode="LS1 1AA",
        start_date=long_ago,
    )  # fmt: skip
    personal_contact = PersonalContact.objects.create(
        person=case, kind="GP", name="Dr Shah", relationship="GP", start_date=long_ago
    )
    disability = Disability.objects.create(person=case, kind="HEARING", start_date=long_ago)
    enquiry = Enquiry.objects.create(
        person=case, kind="POLICE_DA", reason="START", requested_on=long_ago
    )
    report = ReportFactory(person=case, requested_on=long_ago)
    failure, breach, recall = enforcement_records(case)
    # An essential due and an override on it, for the override pages (as the step would store).
    essential, _ = EssentialDue.objects.update_or_create(
        person=case,
        kind="police_da_enquiry",
        subject="",
        defaults={
            "state": "due",
            "due_on": timezone.localdate() - timedelta(days=2),
            "reason": "No police domestic abuse enquiry since the sentence",
            "facts_as_at": timezone.localdate(),
        },
    )
    override = EssentialOverride.objects.create(
        person=case,
        kind="police_da_enquiry",
        override="SNOOZE",
        reason="Sample snooze",
        until=timezone.localdate() + timedelta(days=7),
        by=holder.user,
        at=timezone.now(),
    )
    return World(
        case,
        staff,
        registration,
        entry,
        other,
        appointment,
        feed_token,
        address,
        personal_contact,
        disability,
        essential,
        override,
        enquiry,
        report,
        failure,
        breach,
        recall,
    )


def _limit(world: World, persona: str, state: str) -> None:
    today = timezone.localdate()
    LimitedAccess.objects.exclude(pk=world.entry.pk).delete()
    user = world.staff[persona].user if persona in world.staff else None
    rows = {
        "none": [],
        "excluded": [("exclusion", user)],
        "restricted": [("restriction", world.other.user)],
        "restricted and permitted": [("restriction", world.other.user), ("restriction", user)],
    }[state]
    for kind, who in rows:
        if who is not None:
            LimitedAccess.objects.create(
                person=world.case, kind=kind, user=who, start_date=today, reason="matrix"
            )


def _kept_out(persona: str, state: str) -> bool:
    return state in {"excluded", "restricted"} and persona != "anonymous"


def expected(route: Route, persona: str, state: str, world: World) -> set[int]:
    """The statuses the route may answer, from its declared rule."""
    rule = route.rule
    assert rule is not None
    if persona == "anonymous":
        if rule.kind is Kind.PUBLIC:
            return {200, 302, 405}
        return {401} if route.api else {302}
    user = world.staff[persona].user
    # A write that gets past the access check may still meet the state an earlier persona's
    # write left (a registration already ended: 409 or 422); only access decides 404 and 403.
    ok = {200, 201, 409, 422} if route.method == "POST" else {200, 302}
    sees = has_capability(user, Capability.SEE_CASE) and not _kept_out(persona, state)
    if rule.kind in {Kind.PUBLIC, Kind.SIGNED_IN}:
        return ok | {200, 302, 405, 422}
    if rule.kind is Kind.CAPABILITY:
        return ok if has_capability(user, rule.capability) else {403}
    if rule.kind is Kind.CASE:
        return ok if sees else {404}
    if rule.kind is Kind.CASE_WRITE:
        return ok if sees and has_capability(user, Capability.CHANGE_CASE) else {404}
    if rule.kind is Kind.CASE_TASK:
        if not has_capability(user, rule.capability):
            return {403}
        return ok if sees else {404}
    raise AssertionError(f"no expectation for {rule}")


def _url(route: Route, world: World) -> str:
    values = {
        "case": world.case.crn,
        "registration": world.registration.pk,
        "entry": world.entry.pk,
        "a user's id": "MQ",
        "a one-time token": "set-password",
        "appointment": world.appointment.pk,
        "a diary feed token": world.feed_token,
        "address": world.address.pk,
        "personal contact": world.personal_contact.pk,
        "disability": world.disability.pk,
        "an essential's kind": world.essential.kind,
        "an essential's override": world.override.pk,
        "enquiry": world.enquiry.pk,
        "report": world.report.pk,
        "failure": world.failure.pk,
        "breach": world.breach.pk,
        "recall": world.recall.pk,
        "a return": "caseload-by-tier",
        "a username": "practitioner",
    }
    url = route.path
    if route.api:
        samples = {
            "crn": world.case.crn,
            "name": "arp",
            "registration_id": world.registration.pk,
            "appointment_id": world.appointment.pk,
            "address_id": world.address.pk,
            "contact_id": world.personal_contact.pk,
            "disability_id": world.disability.pk,
            # None recorded: past the access check, ending it answers 422.
            "override_id": 1,
            "enquiry_id": world.enquiry.pk,
            "report_id": world.report.pk,
            "failure_id": world.failure.pk,
            "breach_id": world.breach.pk,
            "recall_id": world.recall.pk,
            "return_name": "caseload-by-tier",
            "username": "practitioner",
        }
        for name, value in samples.items():
            url = url.replace("{" + name + "}", str(value))
        assert "{" not in url, f"{route}: add a sample for its path parameter to the matrix"
        return url + QUERIES.get((route.method, route.path), "").format(crn=world.case.crn)
    for param, sample in SAMPLES.items():
        for written in (f"<{param}>", *(f"<{c}:{param}>" for c in ("str", "int", "slug"))):
            url = url.replace(written, str(values[sample]))
    assert "<" not in url, f"{route}: add a sample for its URL parameter to SAMPLES"
    return url


def _request(client: Any, route: Route, url: str, persona: str, world: World) -> int:
    if route.api:
        headers = {}
        if persona != "anonymous":
            headers["HTTP_AUTHORIZATION"] = f"Bearer {create_token(world.staff[persona].user)}"
        if route.method == "GET":
            return client.get(url, **headers).status_code  # type: ignore[no-any-return]
        body = BODIES.get((route.method, route.path))
        assert body is not None, f"{route}: add a sample body to BODIES"
        response = client.generic(
            route.method,
            url,
            data=json.dumps(body),
            content_type="application/json",
            **headers,
        )
        return response.status_code  # type: ignore[no-any-return]
    client.logout()
    if persona != "anonymous":
        client.force_login(world.staff[persona].user)
    return client.get(url).status_code  # type: ignore[no-any-return]


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_the_route_answers_every_role_in_every_limited_access_state(client, world, route):
    assert route.rule is not None, (
        f"{route} declares no access rule: decorate it with one of caseload.access.rules"
    )
    wrong = []
    for state in LAO_STATES:
        for persona in PERSONAS:
            _limit(world, persona, state)
            url = _url(route, world)
            status = _request(client, route, url, persona, world)
            allowed = expected(route, persona, state, world)
            if status not in allowed:
                wrong.append(f"{persona:>14} / {state:<24} answered {status}, expected {allowed}")
    assert not wrong, f"{route} ({route.rule}):\n" + "\n".join(wrong)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_administrators_reach_the_admin_site(client, world, persona):
    if persona != "anonymous":
        client.force_login(world.staff[persona].user)
    status = client.get("/admin/").status_code
    assert status == (200 if persona == Role.ADMIN.value else 302)


def test_no_case_data_is_registered_in_the_admin_site():
    from django.contrib import admin

    apps = {model._meta.app_label for model in admin.site._registry}
    assert apps <= {"auth", "organisation", "access", "axes"}
    assert LimitedAccess not in admin.site._registry
