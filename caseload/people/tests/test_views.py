"""Case lists and the case record page."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.derived.recompute import recompute_all
from caseload.organisation.constants import Grade, Role
from caseload.risk.actions import register_flag
from caseload.testing.factories import AppointmentFactory, StaffFactory, case_held_by
from caseload.testing.pages import opened_form, whole_case_record
from caseload.testing.rich_case import rich_case
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
    page = whole_case_record(client, case.crn)
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
    assert "Disclosed a private matter." not in whole_case_record(client, case.crn)


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
                confirmed=True,
            )

    client.force_login(practitioner.user)
    record_some(1)
    with CaptureQueriesContext(connection) as few:
        whole_case_record(client, case.crn)
    record_some(8)
    with CaptureQueriesContext(connection) as many:
        whole_case_record(client, case.crn)
    assert len(many) == len(few)


def test_paging_a_search_keeps_the_search(client, practitioner):
    for _ in range(51):
        case_held_by(practitioner, last_name="Begum")
    client.force_login(practitioner.user)
    page = client.get("/cases/", {"q": "Begum", "sort": "crn"}).content.decode()
    assert "Page 1 of 2" in page
    assert 'href="?q=Begum&amp;sort=crn&amp;page=2"' in page


def rows_in(page: str, crns) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(crns, key=page.index)


def test_each_column_sorts_both_ways_on_the_server(client, practitioner):
    early, late = (
        case_held_by(practitioner, last_name="Abbott", crn="X900002"),
        case_held_by(practitioner, last_name="Zephyr", crn="X900001"),
    )
    record_contact(
        late.crn,
        acting_user=practitioner.user,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(days=1),
        outcome="ATTC",
    )
    client.force_login(practitioner.user)
    crns = [early.crn, late.crn]
    get = lambda sort: client.get(reverse("my_cases"), {"sort": sort}).content.decode()  # noqa: E731
    assert rows_in(get("name"), crns) == [early.crn, late.crn]
    assert rows_in(get("-name"), crns) == [late.crn, early.crn]
    assert rows_in(get("crn"), crns) == [late.crn, early.crn]
    assert rows_in(get("-last_contact"), crns) == [late.crn, early.crn]
    assert rows_in(get("last_contact"), crns) == [late.crn, early.crn], "no contact goes last"


def test_my_cases_shows_each_next_appointment_and_sorts_the_soonest_first(client, practitioner):
    soon, later, none = (
        case_held_by(practitioner, last_name="Zephyr", crn="X900011"),
        case_held_by(practitioner, last_name="Abbott", crn="X900012"),
        case_held_by(practitioner, last_name="Moss", crn="X900013"),
    )
    now = timezone.now()
    AppointmentFactory(person=soon, with_staff=practitioner, starts_at=now + timedelta(days=1))
    AppointmentFactory(person=later, with_staff=practitioner, starts_at=now + timedelta(days=8))
    AppointmentFactory(
        person=none,
        with_staff=practitioner,
        starts_at=now + timedelta(days=2),
        cancelled_at=now,
        cancellation_reason="Court date",
    )
    client.force_login(practitioner.user)
    page = client.get(reverse("my_cases"), {"sort": "next_appointment"}).content.decode()
    assert rows_in(page, [soon.crn, later.crn, none.crn]) == [soon.crn, later.crn, none.crn]
    assert "None arranged" in page, "a cancelled appointment is not the next one"


def test_sortable_headers_say_how_the_list_is_sorted_and_keep_the_filters(client, practitioner):
    case_held_by(practitioner, last_name="Begum")
    client.force_login(practitioner.user)
    page = client.get(reverse("my_cases"), {"sort": "name", "q": "begum"}).content.decode()
    assert (
        'aria-sort="ascending"><a class="govuk-link app-sort-link" href="?sort=-name&amp;q=begum"'
        in page
    )
    assert (
        'aria-sort="none"><a class="govuk-link app-sort-link" '
        'href="?sort=-last_contact&amp;q=begum"' in page
    )


def test_rosh_sorts_from_very_high_down_and_shows_in_words(client, practitioner):
    low, very_high = case_held_by(practitioner), case_held_by(practitioner)
    for case, code in ((low, "RLRH"), (very_high, "RVHR")):
        register_flag(
            case.crn,
            acting_user=practitioner.user,
            register=code,
            registered_on=timezone.localdate(),
        )
    client.force_login(practitioner.user)
    page = client.get(reverse("my_cases"), {"sort": "rosh"}).content.decode()
    assert rows_in(page, [low.crn, very_high.crn]) == [very_high.crn, low.crn]
    assert ">Very high</strong>" in page and ">Low</strong>" in page


def test_the_list_has_one_tier_column_in_the_primary_framework(client, practitioner, settings):
    case = case_held_by(practitioner)
    recompute_all()
    tier = CaseTier.objects.get(person=case)
    client.force_login(practitioner.user)
    page = client.get(reverse("my_cases")).content.decode()
    assert page.count('data-label="Tier"') == 1
    assert (
        f'data-label="Tier">{tier.v2_tier}<span class="govuk-visually-hidden"> (tier A–G: ' in page
    )
    settings.PRIMARY_TIER_FRAMEWORK = "v3"
    page = client.get(reverse("my_cases")).content.decode()
    assert (
        f'data-label="Tier">{tier.v3_tier}<span class="govuk-visually-hidden"> '
        f"(tier A–D × 0–3: {tier.v2_tier})" in page
    )


@pytest.mark.parametrize(("framework", "letters"), [("v2", "ABCD"), ("v3", "ABCDEFG")])
def test_the_tier_filter_offers_the_primary_frameworks_letters(
    client, practitioner, settings, framework, letters
):
    settings.PRIMARY_TIER_FRAMEWORK = framework
    client.force_login(practitioner.user)
    page = client.get(reverse("my_cases")).content.decode()
    offered = re.findall(r'<option value="([A-G])"', page)
    assert "".join(offered) == letters


def test_the_team_list_shows_and_filters_by_the_practitioner_holding_each_case(
    client, manager, practitioner, team
):
    colleague = StaffFactory(team=team, user__first_name="Bola", user__last_name="Ade")
    mine, theirs = case_held_by(practitioner), case_held_by(colleague)
    client.force_login(manager.user)
    page = client.get(reverse("team_cases")).content.decode()
    assert "Bola Ade" in page and 'data-label="Practitioner"' in page
    assert f'<option value="{colleague.pk}">Bola Ade</option>' in page
    page = client.get(reverse("team_cases"), {"practitioner": colleague.pk}).content.decode()
    assert theirs.crn in page and mine.crn not in page
    sorted_page = client.get(reverse("team_cases"), {"sort": "practitioner"}).content.decode()
    assert sorted_page.index(theirs.crn) < sorted_page.index(mine.crn)  # Ade before Alice's


def test_my_cases_has_no_practitioner_column(client, practitioner):
    case_held_by(practitioner)
    client.force_login(practitioner.user)
    page = client.get(reverse("my_cases")).content.decode()
    assert 'data-label="Practitioner"' not in page and 'name="practitioner"' not in page


def test_each_page_of_a_list_has_its_own_title(client, practitioner):
    for _ in range(51):
        case_held_by(practitioner)
    client.force_login(practitioner.user)
    first = client.get(reverse("my_cases")).content.decode()
    second = client.get(reverse("my_cases"), {"page": 2}).content.decode()
    assert "<title>My cases (page 1 of 2) – caseload</title>" in first
    assert "<title>My cases (page 2 of 2) – caseload</title>" in second


def test_a_search_the_list_cannot_read_gets_the_error_summary(client, practitioner):
    client.force_login(practitioner.user)
    page = client.get(reverse("my_cases"), {"q": "3/4/90"}).content.decode()
    assert "There is a problem" in page and "<title>Error: My cases – caseload</title>" in page


def test_a_head_of_delivery_unit_is_sent_to_the_units_cases_not_an_empty_my_cases(
    client, practitioner, team
):
    head = StaffFactory(team=team, role=Role.HEAD_OF_PDU, grade=Grade.OTHER)
    case = case_held_by(practitioner)
    client.force_login(head.user)
    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("team_cases")
    page = response.content.decode()
    assert case.crn in page and ">My cases<" not in page


def test_a_staff_representative_sees_no_case_list_at_all(client, rep, case):
    client.force_login(rep.user)
    page = client.get(reverse("home"), follow=True).content.decode()
    assert case.crn not in page and ">My cases<" not in page and ">Search<" not in page
    assert client.get(reverse("my_cases")).status_code == 403


def test_the_circumstance_form_preselects_no_status(client, practitioner, case):
    client.force_login(practitioner.user)
    page = client.get(reverse("new_circumstance", args=[case.crn])).content.decode()
    assert '<option value="" selected>Select the new status</option>' in page
    assert page.count(" selected>") == 1
    assert "checked" not in page


#: The overview's queries: the session, the user and their staff record and team; the case and
#: its audit entry; whether the viewer may change it; then each panel and the identity bar, with
#: the registrations, tiers, essentials and circumstances each read once for the whole page.
CASE_PAGE_QUERIES = 20


def test_the_case_page_reads_each_fact_once(client, practitioner):
    case = rich_case(practitioner)
    recompute_all()
    client.force_login(practitioner.user)
    client.get(reverse("case_detail", args=[case.crn]))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("case_detail", args=[case.crn])).status_code == 200
    selects = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    tables = [re.search(r'FROM "(\w+)"', sql).group(1) for sql in selects]
    for table in ("risk_registration", "tiering_casetier", "essentials_essentialdue"):
        assert tables.count(table) == 1, f"{table} read {tables.count(table)} times"
    assert len(queries) == CASE_PAGE_QUERIES, "\n".join(q["sql"][:120] for q in queries)
