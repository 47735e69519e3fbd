"""The manager's team view: counts by practitioner and by kind, overdue first, each a link to
the cases; every override in force; and the lists it drills down to."""

import pytest
from django.urls import reverse
from django.utils import timezone

from caseload.access.models import LimitedAccess
from caseload.essentials.tests.cache import essential_on
from caseload.testing.everything import head_of_delivery_unit
from caseload.testing.factories import StaffFactory, case_held_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(team):
    return StaffFactory(team=team, user__username="bilal", user__first_name="Bilal")


def _get(client, user, name, query=""):
    client.force_login(user)
    return client.get(reverse(name) + query)


def test_a_manager_sees_counts_by_practitioner_most_overdue_first(
    client, manager, practitioner, colleague
):
    mine = case_held_by(practitioner)
    essential_on(mine, "home_visit", due_in=-1)
    theirs = case_held_by(colleague)
    essential_on(theirs, "home_visit", due_in=-1)
    essential_on(theirs, "police_da_enquiry", due_in=-2)
    essential_on(theirs, "mappa_level", due_in=4)
    response = _get(client, manager.user, "team_essentials")
    html = response.content.decode()
    assert response.status_code == 200
    by_practitioner = html[html.index('id="by-practitioner"') : html.index('id="by-kind"')]
    assert by_practitioner.index(str(colleague)) < by_practitioner.index(str(practitioner))
    assert "?practitioner=bilal&amp;state=overdue" in by_practitioner
    by_kind = html[html.index('id="by-kind"') : html.index('id="overrides"')]
    assert by_kind.index("Home visit") < by_kind.index("MAPPA")
    assert "?kind=home_visit&amp;state=overdue" in by_kind


def test_the_team_view_needs_the_capability_to_oversee(client, practitioner):
    assert _get(client, practitioner.user, "team_essentials").status_code == 403
    assert _get(client, practitioner.user, "team_essential_cases").status_code == 403


def test_the_drill_down_filters_by_practitioner_kind_and_state(
    client, manager, practitioner, colleague
):
    mine = case_held_by(practitioner, first_name="Mine", last_name="Case")
    essential_on(mine, "home_visit", due_in=-1)
    theirs = case_held_by(colleague, first_name="Their", last_name="Case")
    essential_on(theirs, "home_visit", due_in=-1)
    essential_on(theirs, "police_da_enquiry", due_in=3)
    html = _get(
        client, manager.user, "team_essential_cases", "?practitioner=bilal&state=overdue"
    ).content.decode()
    assert "Their Case" in html and "Mine Case" not in html
    assert 'data-essential="police_da_enquiry"' not in html
    html = _get(client, manager.user, "team_essential_cases", "?kind=home_visit").content.decode()
    assert "Their Case" in html and "Mine Case" in html


def test_a_bad_filter_is_named_in_the_error_summary(client, manager):
    response = _get(client, manager.user, "team_essential_cases", "?state=late")
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()


def test_a_case_the_manager_is_excluded_from_is_never_counted_or_listed(
    client, manager, practitioner
):
    case = case_held_by(practitioner, first_name="Kept", last_name="Out")
    essential_on(case, "home_visit", due_in=-1)
    LimitedAccess.objects.create(
        person=case,
        kind="exclusion",
        user=manager.user,
        start_date=timezone.localdate(),
        reason="Knows the family",
    )
    html = _get(client, manager.user, "team_essentials").content.decode()
    assert "Nothing essential is due" in html
    html = _get(client, manager.user, "team_essential_cases").content.decode()
    assert "Kept Out" not in html


def test_a_practitioner_lists_all_of_their_own_essential_work(client, practitioner, colleague):
    essential_on(case_held_by(practitioner, first_name="Mine", last_name="Case"), "home_visit")
    essential_on(case_held_by(colleague, first_name="Their", last_name="Case"), "home_visit")
    html = _get(client, practitioner.user, "my_essentials").content.decode()
    assert "Mine Case" in html and "Their Case" not in html


def test_a_head_of_unit_oversees_every_team_of_the_unit_without_actions(client, practitioner, team):
    essential_on(case_held_by(practitioner, first_name="Mine", last_name="Case"), "home_visit")
    head = head_of_delivery_unit(team)
    html = _get(client, head.user, "team_essentials").content.decode()
    assert team.delivery_unit.name in html and "?practitioner=alice&amp;state=due" in html
    html = _get(client, head.user, "team_essential_cases").content.decode()
    assert "Mine Case" in html
    assert "Arrange an appointment" not in html, "a head changes no case"
