"""Today's "Essential work": the practitioner's own overdue and due essentials, most urgent
first, with their counts, their reasons and the action that clears each."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from caseload.access.models import LimitedAccess
from caseload.contacts.actions import record_contact
from caseload.derived.recompute import recompute_all
from caseload.essentials.tests.cache import essential_on
from caseload.essentials.today import TODAY_LIMIT, essential_work
from caseload.testing.factories import StaffFactory, case_held_by

pytestmark = pytest.mark.django_db


def _today(client, staff):
    client.force_login(staff.user)
    response = client.get(reverse("today"))
    assert response.status_code == 200
    return response


def _section(response) -> str:
    html = response.content.decode()
    start = html.index('id="essential-work"')
    return html[start : html.index('id="appointments-today"')]


def test_it_lists_overdue_essentials_before_due_ones_with_reason_and_action(client, practitioner):
    case = case_held_by(practitioner, first_name="Jordan", last_name="Hughes")
    essential_on(case, "home_visit", due_in=5, reason="Visit the new address")
    essential_on(case, "police_da_enquiry", due_in=-3, reason="No enquiry since sentence")
    section = _section(_today(client, practitioner))
    assert section.index("Police domestic abuse enquiry") < section.index("Visit the new address")
    assert "Overdue by 3 days" in section
    assert "No enquiry since sentence" in section
    assert "Jordan Hughes" in section and case.crn in section
    assert section.count("Jordan Hughes</a>") == 1, "one name heads a run of one case's work"
    assert reverse("request_enquiry", kwargs={"crn": case.crn}) in section


def test_it_comes_before_the_days_appointments(client, practitioner):
    response = _today(client, practitioner)
    html = response.content.decode()
    assert html.index('id="essential-work"') < html.index('id="appointments-today"')


def test_it_counts_the_overdue_and_those_due_this_week(client, practitioner):
    case = case_held_by(practitioner)
    essential_on(case, "police_da_enquiry", due_in=-1)
    essential_on(case, "safeguarding_enquiry", due_in=-2)
    essential_on(case, "home_visit", due_in=40)
    section = _section(_today(client, practitioner))
    assert "2 overdue" in section and "1 due later" in section


def test_it_shows_the_first_ten_and_links_to_all(client, practitioner):
    for n in range(TODAY_LIMIT + 2):
        essential_on(case_held_by(practitioner), "home_visit", due_in=n)
    section = _section(_today(client, practitioner))
    assert section.count('data-essential="home_visit"') == TODAY_LIMIT
    assert f"See all {TODAY_LIMIT + 2} essentials" in section
    assert reverse("my_essentials") in section


def test_it_shows_only_the_practitioners_own_cases(client, practitioner):
    colleague = StaffFactory(team=practitioner.team)
    theirs = case_held_by(colleague, first_name="Quinn", last_name="Other")
    essential_on(theirs, "home_visit", due_in=-4)
    section = _section(_today(client, practitioner))
    assert "Quinn Other" not in section
    assert "Nothing essential is due on your cases" in section


def test_it_never_shows_a_case_the_practitioner_is_excluded_from(client, practitioner):
    case = case_held_by(practitioner, first_name="Kept", last_name="Out")
    essential_on(case, "home_visit", due_in=-4)
    LimitedAccess.objects.create(
        person=case,
        kind="exclusion",
        user=practitioner.user,
        start_date=timezone.localdate(),
        reason="A relative works in the team",
    )
    section = _section(_today(client, practitioner))
    assert "Kept Out" not in section and case.crn not in section


def test_a_snoozed_or_done_essential_is_not_on_today(client, practitioner):
    case = case_held_by(practitioner)
    essential_on(case, "home_visit", state="done", done_on=timezone.localdate())
    section = _section(_today(client, practitioner))
    assert 'data-essential="home_visit"' not in section


def test_the_section_reads_in_the_same_queries_for_three_cases_or_twelve(practitioner):
    def queries_for(n: int) -> int:
        for _ in range(n):
            essential_on(case_held_by(practitioner), "home_visit", due_in=-1)
        with CaptureQueriesContext(connection) as queries:
            essential_work(practitioner.user)
        return len(queries)

    assert queries_for(3) == queries_for(9)


def test_recording_the_missing_contact_clears_it_from_today_at_once(client, practitioner):
    case = case_held_by(practitioner, first_name="Jordan", last_name="Hughes")
    recompute_all()
    section = _section(_today(client, practitioner))
    assert 'data-essential="first_appointment"' in section
    record_contact(
        case.crn,
        acting_user=practitioner.user,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(hours=2),
        outcome="ATTC",
    )
    section = _section(_today(client, practitioner))
    assert 'data-essential="first_appointment"' not in section
