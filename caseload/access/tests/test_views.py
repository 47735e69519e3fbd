"""The audit pages: "who viewed this case" for managers and heads of the cases they can see,
and the audit search, where administrators see every entry and no case content."""

from datetime import UTC, datetime
from unittest import mock

import pytest
from django.urls import reverse

from caseload.access.audit import record_audit
from caseload.access.models import AuditEvent
from caseload.organisation.constants import Grade, Role
from caseload.testing.factories import StaffFactory, case_held_by


@pytest.fixture
def head(team):  # type: ignore[no-untyped-def]
    return StaffFactory(
        team=team,
        grade=Grade.OTHER,
        role=Role.HEAD_OF_PDU,
        user__username="hana",
        user__first_name="Hana",
        user__last_name="Head",
    )


@pytest.fixture
def administrator(db):  # type: ignore[no-untyped-def]
    return StaffFactory(
        team=None,
        grade=Grade.OTHER,
        role=Role.ADMIN,
        user__username="adam",
        user__first_name="Adam",
    )


@pytest.fixture
def viewed(client, practitioner, outsider, case):  # type: ignore[no-untyped-def]
    """The practitioner viewed the case; a practitioner from another unit tried and was refused."""
    client.force_login(practitioner.user)
    client.get(reverse("case_detail", args=[case.crn]))
    client.force_login(outsider.user)
    client.get(reverse("case_detail", args=[case.crn]))
    client.logout()
    return case


def audit_page(client, user, crn, **query):  # type: ignore[no-untyped-def]
    client.force_login(user)
    return client.get(reverse("case_audit", args=[crn]), query)


def test_a_manager_sees_who_viewed_the_case_and_who_was_refused_newest_first(
    client, manager, practitioner, viewed
):
    response = audit_page(client, manager.user, viewed.crn)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Who viewed or changed this case" in page
    refused = page.index("Tried to view the case (refused)")
    seen = page.index("Viewed the case")
    assert refused < seen  # newest first
    assert "oscar" in page and practitioner.user.get_full_name() in page
    assert "Practitioner, alice" in page
    assert "Refused" in page and "Succeeded" in page


def test_viewing_the_case_s_audit_is_itself_audited(client, manager, viewed):
    audit_page(client, manager.user, viewed.crn)
    entry = AuditEvent.objects.filter(action="VIEW_AUDIT").get()
    assert (entry.user, entry.crn, entry.outcome) == (manager.user, viewed.crn, "SUCCESS")
    assert "Viewed the audit log" in audit_page(client, manager.user, viewed.crn).content.decode()


def test_a_head_of_delivery_unit_sees_the_audit_of_a_case_in_their_unit(client, head, viewed):
    assert audit_page(client, head.user, viewed.crn).status_code == 200


def test_a_manager_may_not_see_the_audit_of_a_case_they_cannot_see(client, manager, outsider):
    elsewhere = case_held_by(outsider)
    record_audit(outsider.user, "VIEW_CASE", crn=elsewhere.crn)
    assert audit_page(client, manager.user, elsewhere.crn).status_code == 404
    refusal = AuditEvent.objects.get(action="VIEW_AUDIT")
    assert (refusal.user, refusal.crn, refusal.outcome) == (manager.user, elsewhere.crn, "FAIL")


@pytest.mark.parametrize("persona", ["practitioner", "analyst", "rep"])
def test_roles_without_the_capability_are_told_they_have_no_access(client, request, case, persona):
    user = request.getfixturevalue(persona).user
    assert audit_page(client, user, case.crn).status_code == 403
    client.force_login(user)
    response = client.get(reverse("audit_search"))
    assert response.status_code == 403
    assert "see who viewed or changed a case" in response.content.decode()


def test_an_administrator_finds_a_case_s_audit_in_the_search_without_its_content(
    client, administrator, viewed
):
    assert audit_page(client, administrator.user, viewed.crn).status_code == 404
    response = search(client, administrator.user, crn=viewed.crn)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Viewed the case" in page and "Tried to view the case (refused)" in page
    assert viewed.last_name not in page


def test_times_are_shown_in_uk_time(client, manager, case):
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    with mock.patch("django.utils.timezone.now", return_value=summer):
        record_audit(manager.user, "VIEW_CASE", crn=case.crn)
    assert "1 Jul 2026, 13:00:00" in audit_page(client, manager.user, case.crn).content.decode()


def test_the_case_audit_is_paginated(client, manager, practitioner, case):
    AuditEvent.objects.bulk_create(
        AuditEvent(user=practitioner.user, action="VIEW_CASE", crn=case.crn) for _ in range(55)
    )
    first = audit_page(client, manager.user, case.crn).content.decode()
    assert "Page 1 of 2" in first and 'rel="next"' in first
    second = audit_page(client, manager.user, case.crn, page=2).content.decode()
    # 55 views and, newest of all, the manager's first visit: page 2 holds the oldest 6
    assert second.count("Viewed the case") == 6


def test_the_case_page_links_to_its_audit_for_those_who_may_see_it(
    client, manager, practitioner, case
):
    link = reverse("case_audit", args=[case.crn])
    client.force_login(manager.user)
    assert link in client.get(reverse("case_detail", args=[case.crn])).content.decode()
    client.force_login(practitioner.user)
    assert link not in client.get(reverse("case_detail", args=[case.crn])).content.decode()


def search(client, user, **query):  # type: ignore[no-untyped-def]
    client.force_login(user)
    return client.get(reverse("audit_search"), query)


@pytest.fixture
def history(practitioner, manager, outsider, case):  # type: ignore[no-untyped-def]
    """Entries about the team's case, a case in another unit, and a sign-in with no case."""
    elsewhere = case_held_by(outsider)
    record_audit(practitioner.user, "VIEW_CASE", crn=case.crn)
    record_audit(manager.user, "RECORD_CONTACT", crn=case.crn)
    record_audit(outsider.user, "VIEW_CASE", crn=elsewhere.crn)
    record_audit(outsider.user, "CREATE_API_TOKEN")
    return case, elsewhere


def shown_crns(response) -> list[str]:  # type: ignore[no-untyped-def]
    """The CRNs of the entries shown, leaving out the sign-ins the test client makes."""
    entries = response.context["entries"]
    return [entry["crn"] for entry in entries if entry["description"] != "Signed in"]


def test_an_administrator_searches_every_entry(client, administrator, history):
    case, elsewhere = history
    response = search(client, administrator.user)
    assert response.status_code == 200
    assert shown_crns(response) == ["", elsewhere.crn, case.crn, case.crn]
    assert case.last_name not in response.content.decode()


def test_a_manager_searches_only_the_cases_they_can_see(client, manager, history):
    case, _ = history
    assert shown_crns(search(client, manager.user)) == [case.crn, case.crn]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"username": "alice"}, ["VIEW_CASE"]),
        ({"action": "RECORD_CONTACT"}, ["RECORD_CONTACT"]),
        ({"username": "nobody"}, []),
    ],
)
def test_the_search_filters_by_user_and_action(client, administrator, history, query, expected):
    response = search(client, administrator.user, **query)
    assert [e["description"] for e in response.context["entries"]] == [
        {"VIEW_CASE": "Viewed the case", "RECORD_CONTACT": "Recorded a contact"}[code]
        for code in expected
    ]


def test_the_search_filters_by_crn_in_either_case(client, administrator, history):
    case, _ = history
    assert shown_crns(search(client, administrator.user, crn=case.crn.lower())) == [case.crn] * 2


def test_the_search_filters_by_uk_dates_inclusive(client, administrator, case):
    for moment in (
        datetime(2026, 6, 30, 22, 59, tzinfo=UTC),  # 23:59 on 30 June, UK time
        datetime(2026, 6, 30, 23, 0, tzinfo=UTC),  # midnight, 1 July, UK time
        datetime(2026, 7, 2, 22, 59, tzinfo=UTC),  # 23:59 on 2 July
        datetime(2026, 7, 2, 23, 0, tzinfo=UTC),  # 3 July
    ):
        with mock.patch("django.utils.timezone.now", return_value=moment):
            record_audit(administrator.user, "VIEW_CASE", crn=case.crn)
    days = {
        **{"from_date_day": 1, "from_date_month": 7, "from_date_year": 2026},
        **{"to_date_day": 2, "to_date_month": 7, "to_date_year": 2026},
    }
    response = search(client, administrator.user, action="VIEW_CASE", **days)
    shown = [e["at"] for e in response.context["entries"]]
    assert shown == [
        datetime(2026, 7, 2, 22, 59, tzinfo=UTC),
        datetime(2026, 6, 30, 23, 0, tzinfo=UTC),
    ]


def test_searching_is_itself_audited_with_its_filters(client, administrator, history):
    case, _ = history
    search(client, administrator.user, crn=case.crn, action="VIEW_CASE")
    entry = AuditEvent.objects.filter(action="VIEW_AUDIT").get()
    assert (entry.user, entry.crn) == (administrator.user, case.crn)
    assert entry.detail["filters"] == {"crn": case.crn, "action": "VIEW_CASE"}


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"crn": "12345"}, "crn", "Enter a CRN as one letter and six numbers"),
        ({"from_date_day": "31", "from_date_month": "2", "from_date_year": "2026"}, "from_date",
         "From must be a real date"),
        (
            {
                "from_date_day": "2", "from_date_month": "7", "from_date_year": "2026",
                "to_date_day": "1", "to_date_month": "7", "to_date_year": "2026",
            },
            "to_date",
            "To must be the same as or after from",
        ),
    ],
)  # fmt: skip
def test_bad_filters_get_the_error_summary_and_no_entries(
    client, administrator, history, query, field, message
):
    response = search(client, administrator.user, **query)
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page and f'href="#id_{field}' in page
    assert message in page
    assert "entries" not in response.context or not response.context.get("entries")
    assert not AuditEvent.objects.filter(action="VIEW_AUDIT").exists()


def test_the_search_is_paginated_keeping_its_filters(client, administrator, case):
    AuditEvent.objects.bulk_create(AuditEvent(action="VIEW_CASE", crn=case.crn) for _ in range(51))
    page = search(client, administrator.user, crn=case.crn).content.decode()
    assert f"crn={case.crn}&amp;page=2" in page
