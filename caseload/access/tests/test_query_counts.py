"""Query-count guards: every list page and API list runs the same number of queries however
many rows it shows, so that no list reads one more row per case, contact or colleague (N+1).

Routes are read from the URL configuration and the API's routers the way the access matrix
reads them (`test_matrix.ROUTES`), so a new GET route fails here until it is either guarded in
`GUARDS` (who asks for it, with what query) or named in `NOT_LISTS` with the reason it lists
nothing that grows.

The world is the demo's delivery unit, seeded small; every guarded route is asked for once to
warm what the process caches, then once more with its queries counted. Then the world grows:
a second seeded unit's staff and cases join the demo team (more cases, colleagues, contacts,
registrations, appointments, essentials, allocations, handovers) and the sample case gains more
of everything recorded on a case; every route is counted again. The counts must be equal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.access.tests.test_matrix import ROUTES, Route
from caseload.contacts.models import Contact
from caseload.demo.seed import seed_delivery_unit
from caseload.derived.recompute import recompute_all
from caseload.diary.feeds import create_feed
from caseload.diary.models import Appointment
from caseload.organisation.models import Allocation, Handover, Staff
from caseload.people.models import Circumstance, Person
from caseload.returns.registry import all_returns
from caseload.risk.models import Registration, RegistrationReview
from caseload.testing.factories import (
    AppointmentFactory,
    EnquiryFactory,
    ManagementOversightFactory,
    ReportFactory,
    RequirementFactory,
    SentencePlanFactory,
)


@dataclass(frozen=True)
class Guard:
    """Who asks for a list, and with which query string."""

    persona: str
    query: str = ""


PRACTITIONER = Guard("practitioner")
MANAGER = Guard("manager")
HEAD = Guard("head")
ANALYST = Guard("analyst")
ADMIN = Guard("admin")
REP = Guard("rep")

#: Every list, by its route's label, and who asks for it.
GUARDS: dict[str, Guard] = {
    # The practitioner's day and cases
    "today/": PRACTITIONER,
    "cases/": PRACTITIONER,
    "team/": MANAGER,
    "diary/": PRACTITIONER,
    "diary/week/": PRACTITIONER,
    "diary/feed/<str:feed_token>.ics": PRACTITIONER,
    "search/": Guard("practitioner", "?q={letter}"),
    "essentials/": PRACTITIONER,
    # The case record: each section lists what is recorded on the case
    "cases/<str:crn>/": PRACTITIONER,
    "cases/<str:crn>/personal-details/": PRACTITIONER,
    "cases/<str:crn>/risk/": PRACTITIONER,
    "cases/<str:crn>/sentence/": PRACTITIONER,
    "cases/<str:crn>/compliance/": PRACTITIONER,
    "cases/<str:crn>/activity-log/": PRACTITIONER,
    "cases/<str:crn>/handover/": PRACTITIONER,
    "cases/<str:crn>/essentials/": PRACTITIONER,
    "cases/<str:crn>/audit/": MANAGER,
    "cases/<str:crn>/limited-access/": MANAGER,
    "cases/<str:crn>/subject-access/": HEAD,
    "cases/<str:crn>/subject-access.json": HEAD,
    "cases/<str:crn>/allocate/": MANAGER,
    # The team
    "team/essentials/": MANAGER,
    "team/essentials/cases/": Guard("manager", "?state=overdue"),
    "team/workload/": MANAGER,
    "team/workload/does-not-fit.csv": MANAGER,
    "team/allocations/": MANAGER,
    "team/allocations/reallocate/<str:username>/": MANAGER,
    "workload/week/": PRACTITIONER,
    "workload/week/does-not-fit.csv": PRACTITIONER,
    "workload/evidence/": HEAD,
    "workload/evidence/actual-against-agreed.csv": HEAD,
    "workload/aggregate/": REP,
    "workload/establishment/": HEAD,
    "audit/": ADMIN,
    # Returns (each return is tried, see `_urls`)
    "returns/": ANALYST,
    "returns/<slug:return_name>/": ANALYST,
    "returns/<slug:return_name>/download.csv": ANALYST,
    "returns/<slug:return_name>/download.xlsx": ANALYST,
    # The API
    "GET /api/v1/cases": Guard("practitioner", "?mine=true"),
    "GET /api/v1/cases/{crn}": PRACTITIONER,
    "GET /api/v1/cases/{crn}/circumstances": PRACTITIONER,
    "GET /api/v1/cases/{crn}/personal-details": PRACTITIONER,
    "GET /api/v1/cases/{crn}/appointments": PRACTITIONER,
    "GET /api/v1/diary": PRACTITIONER,
    "GET /api/v1/search": Guard("practitioner", "?q={letter}"),
    "GET /api/v1/cases/{crn}/enquiries": PRACTITIONER,
    "GET /api/v1/cases/{crn}/reports": PRACTITIONER,
    "GET /api/v1/cases/{crn}/plans": PRACTITIONER,
    "GET /api/v1/cases/{crn}/enforcement": PRACTITIONER,
    "GET /api/v1/cases/{crn}/essentials": PRACTITIONER,
    "GET /api/v1/essentials": PRACTITIONER,
    "GET /api/v1/workload/practitioners": MANAGER,
    "GET /api/v1/workload/practitioners/{username}": MANAGER,
    "GET /api/v1/workload/does-not-fit": Guard("manager", "?practitioner=practitioner"),
    "GET /api/v1/workload/trend": MANAGER,
    "GET /api/v1/workload/evidence": HEAD,
    "GET /api/v1/workload/aggregate": REP,
    "GET /api/v1/allocation/unallocated": MANAGER,
    "GET /api/v1/allocation/cases/{crn}/candidates": MANAGER,
    "GET /api/v1/returns": ANALYST,
    "GET /api/v1/returns/{return_name}": ANALYST,
}

A_FORM = "a form for one record; its choices are fixed lists or the case's own few records"
ONE_RECORD = "shows one record"
REFERENCE = "lists reference data (a handful of dated versions), never case data"
NO_DATA = "shows no case data"

#: Every other GET route, and why it lists nothing that grows with the data.
NOT_LISTS: dict[str, str] = {
    "healthz": NO_DATA,
    "admin/password_change/": NO_DATA,
    "/": "redirects to the user's home page",
    "diary/calendar-feed/": "shows the user's own calendar feed address",
    "accounts/login/": NO_DATA,
    "accounts/logout/": NO_DATA,
    "accounts/password/": NO_DATA,
    "accounts/reset/<uidb64>/<token>/": NO_DATA,
    "accounts/reset/done/": NO_DATA,
    "cases/<str:crn>/appointments/<int:appointment_id>/": ONE_RECORD,
    "cases/<str:crn>/appointments/<int:appointment_id>/letter/": ONE_RECORD,
    "cases/<str:crn>/appointments/<int:appointment_id>.ics": ONE_RECORD,
    "GET /api/v1/cases/{crn}/registrations/{registration_id}": ONE_RECORD,
    "reference-data/": REFERENCE,
    "GET /api/v1/workload/agreement": REFERENCE,
    **{
        route.label: REFERENCE
        for route in ROUTES
        if route.label.startswith("reference-data/workload/") and not route.label.endswith("/new/")
    },
    **{
        route.label: A_FORM
        for route in ROUTES
        if not route.api
        and (
            route.label.endswith(("/new/", "/end/", "/remove/", "/review/", "/response/"))
            or route.label.endswith(("/completed/", "/decision/", "/breach-pack/", "/outcome/"))
            or route.label.endswith(("/countersign/", "/part-a/", "/snooze/", "/reschedule/"))
            or route.label.endswith(("/not-applicable/", "/cancel/", "/phone-and-email/"))
            or route.label.endswith("/language/")
            or route.label == "workload/week/note/"
        )
    },
}

GET_ROUTES = [route for route in ROUTES if route.method == "GET"]


def test_every_get_route_is_guarded_or_said_not_to_be_a_list():
    unknown = [r.label for r in GET_ROUTES if r.label not in GUARDS and r.label not in NOT_LISTS]
    assert not unknown, (
        "Add each to GUARDS (a list: who asks for it) or NOT_LISTS (why it is no list):\n"
        + "\n".join(unknown)
    )
    both = sorted(GUARDS.keys() & NOT_LISTS.keys())
    assert not both, f"Both a list and not a list: {both}"
    stale = sorted(GUARDS.keys() - {r.label for r in GET_ROUTES})
    assert not stale, f"Guards for routes that no longer exist: {stale}"


@dataclass
class World:
    case: Person
    staff: dict[str, Staff]
    feed_token: str
    letter: str


def _urls(route: Route, world: World) -> Iterator[str]:
    """The route's URLs in this world (one per return for the returns' routes)."""
    guard = GUARDS[route.label]
    names = [r.name for r in all_returns()] if "return_name" in route.path else [""]
    for name in names:
        url = route.path
        for written, value in (
            ("crn", world.case.crn),
            ("username", "practitioner"),
            ("feed_token", world.feed_token),
            ("return_name", name),
        ):
            for form in (f"{{{written}}}", *(f"<{c}:{written}>" for c in ("str", "slug"))):
                url = url.replace(form, value)
        yield url + guard.query.format(letter=world.letter)


SEED = 11
GROWTH_SEED = SEED + 26  # the same CRN letter, other numbers: a search by the letter finds both


def _seed_world() -> World:
    seed_delivery_unit(people=90, seed=SEED, demo_users=True, now=timezone.now())
    staff = {
        s.user.username: s
        for s in Staff.objects.select_related("user", "team").filter(
            user__username__in=[g.persona for g in GUARDS.values()]
        )
    }
    practitioner = staff["practitioner"]
    case = (
        Person.objects.held_by_user(practitioner.user)
        .exclude(limited_access__isnull=False)
        .order_by("crn")
        .first()
    )
    assert case is not None
    _thicken(case, practitioner)  # at least one of everything on the case before counting
    recompute_all()
    return World(case, staff, create_feed(practitioner.user), "L")


def _grow(world: World) -> None:
    """More of every kind of row the lists show."""
    practitioner = world.staff["practitioner"]
    team = practitioner.team
    seed_delivery_unit(people=60, seed=GROWTH_SEED, now=timezone.now())
    joining = Staff.objects.filter(team__delivery_unit__code=f"PDU{GROWTH_SEED:03d}")
    joining_ids = list(joining.values_list("pk", flat=True))
    allocations = Allocation.objects.filter(staff_id__in=joining_ids)
    allocations.update(team=team)
    Staff.objects.filter(pk__in=joining_ids).update(team=team)
    # Some of them to the demo practitioner, some handed over.
    moved = list(allocations.filter(end_date__isnull=True).order_by("person__crn")[:12])
    Allocation.objects.filter(pk__in=[a.pk for a in moved]).update(staff=practitioner)
    Appointment.objects.filter(person__in=[a.person_id for a in moved]).update(
        with_staff=practitioner
    )
    for allocation in moved[:4]:
        Handover.objects.get_or_create(
            allocation=allocation, defaults={"handed_over_from_id": joining_ids[0]}
        )
    _thicken(world.case, practitioner)
    for allocation in moved[:3]:
        _thicken(allocation.person, practitioner)
    recompute_all()


def _thicken(person: Person, practitioner: Staff) -> None:
    """More of everything recorded on one case."""
    now = timezone.now()
    today = timezone.localdate()
    for days in (1, 8, 15):
        Contact.objects.create(
            person=person,
            contact_type="COAP",
            happened_at=now - timedelta(days=days),
            outcome="AFTA" if days == 8 else "ATTC",
            enforcement_action="EA02" if days == 8 else "",
            notes="Talked about work.",
            staff=practitioner,
        )
    for register in ("RCCO", "ALSH"):
        registration = Registration.objects.create(
            person=person, register=register, registered_on=today - timedelta(days=100)
        )
        RegistrationReview.objects.create(
            registration=registration, reviewed_on=today - timedelta(days=10)
        )
    for hours in (-30, 2, 50):
        AppointmentFactory(
            person=person, with_staff=practitioner, starts_at=now + timedelta(hours=hours)
        )
    Circumstance.objects.create(
        person=person, kind="EMPLOYMENT", status="UNEMPLOYED", start_date=today
    )
    EnquiryFactory(person=person)
    ReportFactory(person=person)
    SentencePlanFactory(person=person)
    ManagementOversightFactory(person=person)
    event = person.events.filter(sentence__isnull=False).first()
    if event is not None:
        RequirementFactory(sentence=event.sentence)
    LimitedAccess.objects.create(
        person=person,
        kind=LimitedAccessKind.EXCLUSION,
        user=Staff.objects.exclude(team=practitioner.team).first().user,
        start_date=today,
        reason="Known to them",
    )


def _count(client: Client, world: World, *, warm: bool) -> dict[str, tuple[int, list[str]]]:
    counts = {}
    for route in GET_ROUTES:
        if route.label not in GUARDS:
            continue
        client.force_login(world.staff[GUARDS[route.label].persona].user)
        for url in _urls(route, world):
            if warm:
                client.get(url)  # what the process caches (reference data, content types)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
                if hasattr(response, "streaming_content"):
                    b"".join(response.streaming_content)
            assert response.status_code == 200, f"{url}: {response.status_code}"
            counts[url.split("?")[0].replace(world.case.crn, "{crn}")] = (
                len(queries),
                [q["sql"] for q in queries.captured_queries],
            )
    return counts


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The queries of each guarded URL in the small world and in the grown one."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = _seed_world()
        client = Client()
        small = _count(client, world, warm=True)
        before = _sizes(world)
        _grow(world)
        large = _count(client, world, warm=False)
        after = _sizes(world)
        transaction.set_rollback(True)
    return small, large, before, after


def _sizes(world: World) -> dict[str, int]:
    practitioner = world.staff["practitioner"]
    return {
        "cases held by the practitioner": Person.objects.held_by_user(practitioner.user).count(),
        "staff in the team": Staff.objects.filter(team=practitioner.team).count(),
        "contacts on the case": world.case.contacts.count(),
        "registrations on the case": world.case.registrations.count(),
        "appointments on the case": Appointment.objects.filter(person=world.case).count(),
        "the practitioner's appointments": Appointment.objects.filter(
            with_staff=practitioner
        ).count(),
        "handovers": Handover.objects.count(),
    }


@pytest.mark.django_db
def test_the_world_grows_in_every_kind_of_row_the_lists_show(counts):
    _, _, before, after = counts
    assert not [kind for kind in before if after[kind] <= before[kind]], (before, after)


def _shape(sql: str) -> str:
    return re.sub(r"\b\d+\b|'[^']*'", "?", sql)


@pytest.mark.django_db
def test_no_list_reads_more_queries_when_it_shows_more_rows(counts):
    small, large, _, _ = counts
    grew = []
    for url, (n, queries) in small.items():
        m, more = large[url]
        if m != n:
            extra = Counter(map(_shape, more)) - Counter(map(_shape, queries))
            repeated = "\n    ".join(f"{k}× {q[:300]}" for q, k in extra.most_common(3))
            grew.append(f"{url}: {n} queries, then {m}\n    {repeated}")
    assert not grew, "\n".join(grew)
