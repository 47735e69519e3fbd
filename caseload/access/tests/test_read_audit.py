"""Every surface that shows case data audits the read: each page (forms included), each API
response and each list; a successful change is audited once, by its action. Each entry says
who, what, which case, the outcome and where from."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.access.tokens import create_token
from caseload.cli import main
from caseload.risk.actions import register_flag


def date_fields(name, day):  # type: ignore[no-untyped-def]
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


@pytest.fixture
def registration(practitioner, case):  # type: ignore[no-untyped-def]
    registration = register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="RCCO",
        registered_on=timezone.localdate() - timedelta(days=7),
    )
    return registration


def url_for(name, case, registration):  # type: ignore[no-untyped-def]
    if name in {"end_registration", "review_registration"}:
        return reverse(name, args=[case.crn, registration.pk])
    return reverse(name, args=[case.crn])


def entries_since(start: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(pk__gt=start).order_by("pk"))


def last_pk() -> int:
    return AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


FORM_PAGES = [
    "new_contact",
    "new_circumstance",
    "new_registration",
    "end_registration",
    "review_registration",
    "new_assessment",
]


def test_the_case_page_audits_a_view_with_where_from(client, practitioner, case):
    client.force_login(practitioner.user)
    start = last_pk()
    client.get(reverse("case_detail", args=[case.crn]))
    [entry] = entries_since(start)
    assert (entry.user, entry.action, entry.crn, entry.outcome) == (
        practitioner.user,
        "VIEW_CASE",
        case.crn,
        "SUCCESS",
    )
    assert (entry.via, entry.where) == ("page", f"GET /cases/{case.crn}/")
    assert entry.ip_address == "127.0.0.1"
    assert entry.at is not None


@pytest.mark.parametrize("name", FORM_PAGES)
def test_opening_a_form_page_audits_a_read_of_the_case(
    client, practitioner, case, registration, name
):
    client.force_login(practitioner.user)
    start = last_pk()
    response = client.get(url_for(name, case, registration))
    assert response.status_code == 200
    [entry] = entries_since(start)
    assert (entry.user, entry.action, entry.crn, entry.outcome) == (
        practitioner.user,
        "VIEW_CASE_FORM",
        case.crn,
        "SUCCESS",
    )
    assert entry.detail == {"form": name}
    assert (entry.via, entry.where.split()[0]) == ("page", "GET")


@pytest.mark.parametrize("name", FORM_PAGES)
def test_a_form_page_refused_to_an_outsider_audits_the_refusal(
    client, outsider, case, registration, name
):
    client.force_login(outsider.user)
    start = last_pk()
    assert client.get(url_for(name, case, registration)).status_code == 404
    [entry] = entries_since(start)
    assert (entry.user, entry.action, entry.crn, entry.outcome) == (
        outsider.user,
        "CHANGE_CASE",
        case.crn,
        "FAIL",
    )


SUCCESSFUL_POSTS = {
    "new_contact": (
        "RECORD_CONTACT",
        lambda day, registration: {
            "contact_type": "COAP",
            **date_fields("happened_on", day),
            "happened_at_time": "10:30",
            "outcome": "ATTC",
        },
    ),
    "new_circumstance": (
        "RECORD_CIRCUMSTANCE",
        lambda day, registration: {
            "kind": "ACCOMMODATION",
            "status": "SETTLED",
            **date_fields("start_date", day),
        },
    ),
    "new_registration": (
        "REGISTER_FLAG",
        lambda day, registration: {"register": "RMRH", **date_fields("registered_on", day)},
    ),
    "end_registration": (
        "DEREGISTER_FLAG",
        lambda day, registration: {
            "expected_version": registration.version,
            "reason": "Risk reduced",
            **date_fields("deregistered_on", day),
        },
    ),
    "review_registration": (
        "REVIEW_REGISTRATION",
        lambda day, registration: {
            "expected_version": registration.version,
            **date_fields("reviewed_on", day),
        },
    ),
    "new_assessment": (
        "RECORD_ASSESSMENT",
        lambda day, registration: {
            "suitabilityOfAccommodation": "SIGNIFICANT_PROBLEMS",
            **date_fields("completed_on", day),
        },
    ),
}


@pytest.mark.parametrize("name", sorted(SUCCESSFUL_POSTS))
def test_a_successful_form_is_audited_once_by_its_action(
    client, practitioner, case, registration, name
):
    action, data = SUCCESSFUL_POSTS[name]
    client.force_login(practitioner.user)
    start = last_pk()
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(url_for(name, case, registration), data(yesterday, registration))
    assert response.status_code == 302, response.content.decode()
    [entry] = entries_since(start)
    assert (entry.user, entry.action, entry.crn, entry.outcome) == (
        practitioner.user,
        action,
        case.crn,
        "SUCCESS",
    )
    assert (entry.via, entry.where.split()[0]) == ("page", "POST")


def test_a_form_sent_back_with_problems_audits_the_read_it_shows(client, practitioner, case):
    client.force_login(practitioner.user)
    start = last_pk()
    response = client.post(reverse("new_registration", args=[case.crn]), {})
    assert response.status_code == 400
    assert [(e.action, e.where.split()[0]) for e in entries_since(start)] == [
        ("VIEW_CASE_FORM", "POST")
    ]


def test_the_conflict_page_after_a_stale_edit_audits_the_read_it_shows(
    client, practitioner, case, registration
):
    client.force_login(practitioner.user)
    start = last_pk()
    stale = {
        "expected_version": registration.version - 1,
        "reason": "Risk reduced",
        **date_fields("deregistered_on", timezone.localdate()),
    }
    response = client.post(url_for("end_registration", case, registration), stale)
    assert response.status_code == 409
    [entry] = [e for e in entries_since(start) if e.action != "SIGN_IN"]
    assert (entry.action, entry.detail) == (
        "VIEW_CASE_FORM",
        {"form": "end_registration", "conflict": True},
    )


@pytest.mark.parametrize("name", ["my_cases", "team_cases"])
def test_case_lists_are_audited_as_a_caseload_view(client, practitioner, case, name):
    client.force_login(practitioner.user)
    start = last_pk()
    client.get(reverse(name))
    [entry] = entries_since(start)
    assert (entry.action, entry.crn, entry.via) == ("VIEW_CASELOAD", "", "page")


def bearer(user):  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(user)}"}


def test_the_case_record_api_audits_a_view(client, practitioner, case):
    headers = bearer(practitioner.user)
    start = last_pk()
    assert client.get(f"/api/v1/cases/{case.crn}", **headers).status_code == 200
    [entry] = entries_since(start)
    assert (entry.user, entry.action, entry.crn, entry.outcome) == (
        practitioner.user,
        "VIEW_CASE",
        case.crn,
        "SUCCESS",
    )
    assert (entry.via, entry.where) == ("api", f"GET /api/v1/cases/{case.crn}")


def test_the_case_record_api_audits_a_refusal(client, outsider, case):
    headers = bearer(outsider.user)
    start = last_pk()
    assert client.get(f"/api/v1/cases/{case.crn}", **headers).status_code == 404
    [entry] = entries_since(start)
    assert (entry.user, entry.action, entry.crn, entry.outcome) == (
        outsider.user,
        "VIEW_CASE",
        case.crn,
        "FAIL",
    )


def test_the_case_list_api_audits_a_caseload_view(client, practitioner, case):
    headers = bearer(practitioner.user)
    start = last_pk()
    assert client.get("/api/v1/cases", **headers).status_code == 200
    [entry] = entries_since(start)
    assert (entry.action, entry.via) == ("VIEW_CASELOAD", "api")


def test_recording_a_contact_through_the_api_is_audited_once(client, practitioner, case):
    headers = bearer(practitioner.user)
    start = last_pk()
    response = client.post(
        f"/api/v1/cases/{case.crn}/contacts",
        {"contact_type": "COAP", "happened_at": timezone.now().isoformat(), "outcome": "ATTC"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201, response.content.decode()
    [entry] = entries_since(start)
    assert (entry.action, entry.crn, entry.via, entry.where) == (
        "RECORD_CONTACT",
        case.crn,
        "api",
        f"POST /api/v1/cases/{case.crn}/contacts",
    )


@pytest.mark.django_db(transaction=True)  # the command closes the database connection
def test_a_command_line_write_says_it_came_from_the_command_line(practitioner, case):
    start = last_pk()
    when = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    main(
        [
            "caseload",
            "record_contact",
            case.crn,
            "--as",
            practitioner.user.username,
            "--type",
            "COAP",
            "--at",
            when,
            "--outcome",
            "ATTC",
        ]
    )
    [entry] = entries_since(start)
    assert (entry.action, entry.via, entry.where) == (
        "RECORD_CONTACT",
        "cli",
        "record_contact",
    )
    assert entry.ip_address is None
