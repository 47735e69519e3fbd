"""Case lists and the case record page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.derived.recompute import recompute_all
from caseload.risk.actions import register_flag
from caseload.testing.factories import StaffFactory, case_held_by
from caseload.testing.pages import opened_form
from caseload.tiering.models import CaseTier


def test_my_cases_lists_the_practitioners_cases_only(client, practitioner, team):
    mine = case_held_by(practitioner)
    theirs = case_held_by(StaffFactory(team=team))
    client.force_login(practitioner.user)
    page = client.get(reverse("my_cases")).content.decode()
    assert mine.crn in page and theirs.crn not in page


def test_the_case_list_uses_a_fixed_number_of_queries(client, practitioner):
    for _ in range(3):
        case_held_by(practitioner)
    recompute_all()
    client.force_login(practitioner.user)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("my_cases"))
    for _ in range(10):
        case_held_by(practitioner)
    recompute_all()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("my_cases"))
    assert len(many) == len(few)


def cases_in_two_tiers(practitioner):  # type: ignore[no-untyped-def]
    """Three cases of one practitioner; the first is MAPPA level 2, so its protect level is A."""
    mappa, *others = [case_held_by(practitioner) for _ in range(3)]
    register_flag(
        mappa.crn,
        acting_user=practitioner.user,
        register="MAPP",
        category="M2",
        level="M2",
        registered_on=timezone.localdate(),
    )
    recompute_all()
    return mappa, others


def test_the_list_can_be_filtered_and_sorted_by_tier(client, practitioner):
    mappa, others = cases_in_two_tiers(practitioner)
    tiers = dict(CaseTier.objects.values_list("person__crn", "v2_tier"))
    assert tiers[mappa.crn].startswith("A")
    assert all(not tiers[c.crn].startswith("A") for c in others)
    client.force_login(practitioner.user)

    page = client.get(reverse("my_cases"), {"tier": "A", "sort": "-tier"}).content.decode()
    assert mappa.crn in page
    assert all(c.crn not in page for c in others)

    letter = tiers[others[0].crn][0]
    page = client.get(reverse("my_cases"), {"tier": letter, "sort": "-tier"}).content.decode()
    assert mappa.crn not in page
    assert all(c.crn in page for c in others if tiers[c.crn].startswith(letter))

    descending = client.get(reverse("my_cases"), {"sort": "-tier"}).content.decode()
    ascending = client.get(reverse("my_cases"), {"sort": "tier"}).content.decode()
    other = others[0].crn
    assert descending.index(other) < descending.index(mappa.crn)
    assert ascending.index(mappa.crn) < ascending.index(other)


def test_the_case_page_shows_every_recorded_fact(client, practitioner, case):
    record_contact(
        case.crn,
        acting_user=practitioner.user,
        contact_type="CHVS",
        happened_at=timezone.now() - timedelta(days=1),
        outcome="ATTC",
        notes="Home is settled.",
    )
    client.force_login(practitioner.user)
    page = "".join(
        client.get(reverse(name, args=[case.crn])).content.decode()
        for name in ("case_detail", "case_activity")
    )
    for text in (
        case.full_name,
        case.crn,
        "Common assault",
        "Community order",
        "Rehabilitation activity requirement",
        "Home visit",
        "Home is settled.",
        "Tier",
        "ARP",
    ):
        assert text in page, text


def test_sensitive_notes_are_not_in_the_activity_log(client, practitioner, case):
    record_contact(
        case.crn,
        acting_user=practitioner.user,
        contact_type="COAP",
        happened_at=timezone.now(),
        outcome="ATTC",
        notes="Disclosed a private matter.",
        sensitive=True,
    )
    client.force_login(practitioner.user)
    assert (
        "Disclosed a private matter."
        not in client.get(reverse("case_activity", args=[case.crn])).content.decode()
    )


@pytest.mark.parametrize(
    "name", ["case_detail", "new_contact", "new_circumstance", "new_registration"]
)
def test_every_case_page_refuses_a_practitioner_from_another_unit(client, outsider, case, name):
    client.force_login(outsider.user)
    assert client.get(reverse(name, args=[case.crn])).status_code == 404


def test_a_staff_representative_is_told_they_see_aggregates_only(client, rep):
    client.force_login(rep.user)
    assert "aggregate workload" in client.get(reverse("home"), follow=True).content.decode()


def test_recording_a_change_of_accommodation_ends_the_previous_status(client, practitioner, case):
    client.force_login(practitioner.user)
    today = timezone.localdate()
    url = reverse("new_circumstance", args=[case.crn])
    for status, day in (("TEMPORARY", today - timedelta(days=10)), ("SETTLED", today)):
        response = client.post(
            url,
            {
                **opened_form(client, url),
                "kind": "ACCOMMODATION",
                "status": status,
                "start_date_day": day.day,
                "start_date_month": day.month,
                "start_date_year": day.year,
            },
        )
        assert response.status_code == 302, response.content.decode()
    current = case.circumstances.filter(end_date__isnull=True).get()
    assert current.status == "SETTLED"
    assert case.circumstances.get(status="TEMPORARY").end_date == today


def test_a_status_of_the_wrong_kind_is_refused(client, practitioner, case):
    client.force_login(practitioner.user)
    today = timezone.localdate()
    response = client.post(
        reverse("new_circumstance", args=[case.crn]),
        {
            "kind": "ACCOMMODATION",
            "status": "UNEMPLOYED",
            "start_date_day": today.day,
            "start_date_month": today.month,
            "start_date_year": today.year,
        },
    )
    assert response.status_code == 400
    assert "Select a status from the list" in response.content.decode()


def test_the_primary_framework_decides_the_tier_filter(client, practitioner, settings):
    mappa, others = cases_in_two_tiers(practitioner)
    v3 = dict(CaseTier.objects.values_list("person__crn", "v3_tier"))
    letter = v3[mappa.crn][0]
    assert all(not v3[c.crn].startswith(letter) for c in others)
    settings.PRIMARY_TIER_FRAMEWORK = "v3"
    client.force_login(practitioner.user)
    page = client.get(reverse("my_cases"), {"tier": letter, "sort": "tier"}).content.decode()
    assert mappa.crn in page
    assert all(c.crn not in page for c in others)
    other = v3[others[0].crn][0]
    page = client.get(reverse("my_cases"), {"tier": other, "sort": "tier"}).content.decode()
    assert mappa.crn not in page and others[0].crn in page


def test_the_case_page_uses_a_fixed_number_of_queries(client, practitioner, case):
    """However many contacts and registrations a case has, each panel loads them in one go."""

    def record_some(count: int) -> None:
        for i in range(count):
            record_contact(
                case.crn,
                acting_user=practitioner.user,
                contact_type="COAP",
                happened_at=timezone.now() - timedelta(days=i + 1),
                outcome="ATTC",
            )
            register_flag(
                case.crn,
                acting_user=practitioner.user,
                register=("RCCO", "ADVV", "IMAR", "WEAP")[i % 4],
                registered_on=timezone.localdate() - timedelta(days=i),
            )

    client.force_login(practitioner.user)
    record_some(1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("case_detail", args=[case.crn])).status_code == 200
    record_some(8)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("case_detail", args=[case.crn])).status_code == 200
    assert len(many) == len(few)


def test_paging_a_search_keeps_the_search(client, practitioner):
    for _ in range(51):
        case_held_by(practitioner, last_name="Begum")
    client.force_login(practitioner.user)
    page = client.get("/cases/", {"q": "Begum", "sort": "crn"}).content.decode()
    assert "Page 1 of 2" in page
    assert 'href="?q=Begum&amp;sort=crn&amp;page=2"' in page
