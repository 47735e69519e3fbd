"""The practitioner's week (`/workload/week/`) and the manager's team view (`/team/workload/`),
each with a CSV of the work that does not fit."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.tiering.models import TierChange

pytestmark = pytest.mark.django_db


def test_the_practitioner_sees_both_models_and_the_line_where_her_hours_run_out(
    client, practitioner, busy_week
):
    client.force_login(practitioner.user)
    page = client.get(reverse("my_workload_week")).content.decode()
    assert "<title>My week – caseload</title>" in page
    assert "Points say" in page
    assert "hours available: the week does not fit" in page
    assert "The hours run out here. The 1 item below (1.9 hours) does not fit" in page
    assert page.index("Office visit") < page.index("hours run out here") < page.index("Home visit")
    assert AuditEvent.objects.filter(action="VIEW_WORKLOAD", user=practitioner.user).exists()


def test_the_csv_lists_the_week_in_order_with_the_agreed_minutes(client, practitioner, busy_week):
    client.force_login(practitioner.user)
    response = client.get(reverse("my_workload_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["Work"], r["CRN"], r["Agreed minutes"]) for r in rows] == [
        ("RoSH assessment", "X100001", "180"),
        ("RoSH assessment", "X100002", "180"),
        ("Office visit", "X100001", "60"),
        ("Home visit", "X100001", "115"),
    ]
    assert [r["Within the hours"] for r in rows] == ["Yes", "Yes", "Yes", "No: for the manager"]
    assert AuditEvent.objects.filter(action="EXPORT_WORKLOAD").exists()


def test_the_manager_sees_the_team_chart_with_the_100_percent_line_and_every_list(
    client, manager, practitioner, busy_week
):
    client.force_login(manager.user)
    page = client.get(reverse("team_workload")).content.decode()
    assert "Capacity by practitioner (points model)" in page
    assert 'class="app-chart__line"' in page and ">100%<" in page
    assert "Does not fit this week: for the manager" in page
    assert "Home visit: Ben Jones (X100001), due" in page
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("team_workload_csv")).content.decode()))
    )
    assert {r["Practitioner"] for r in rows} == {practitioner.user.get_full_name()}


@pytest.mark.parametrize("name", ["my_workload_week", "my_workload_csv"])
def test_it_refuses_the_practitioners_week_to_a_manager_and_a_rep(client, manager, rep, name):
    for user in (manager.user, rep.user):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", ["team_workload", "team_workload_csv"])
def test_it_refuses_the_team_view_to_a_practitioner_and_a_rep(client, practitioner, rep, name):
    for user in (practitioner.user, rep.user):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 403


def test_the_practitioner_adds_a_note_her_manager_sees_with_the_list(
    client, practitioner, manager, busy_week
):
    client.force_login(practitioner.user)
    response = client.post(reverse("my_workload_note"), {"text": "The PSR took all of Tuesday"})
    assert response.status_code == 302
    assert "The PSR took all of Tuesday" in client.get(reverse("my_workload_week")).content.decode()
    entry = AuditEvent.objects.get(action="ADD_WORKLOAD_NOTE")
    assert entry.user == practitioner.user and entry.detail["characters"] == 27
    client.force_login(manager.user)
    assert "The PSR took all of Tuesday" in client.get(reverse("team_workload")).content.decode()
    body = client.get("/api/v1/workload/does-not-fit", {"practitioner": "alice"}).json()
    assert body["note"] == "The PSR took all of Tuesday"


def test_it_refuses_an_empty_note_naming_the_field(client, practitioner):
    client.force_login(practitioner.user)
    response = client.post(reverse("my_workload_note"), {"text": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page and "Enter your note" in page
    assert not AuditEvent.objects.filter(action="ADD_WORKLOAD_NOTE").exists()


def test_it_refuses_the_note_to_a_manager(client, manager):
    client.force_login(manager.user)
    assert client.post(reverse("my_workload_note"), {"text": "x"}).status_code == 403


def test_a_manager_records_a_reduction_from_the_team_page(client, manager, practitioner):
    client.force_login(manager.user)
    form = {
        "practitioner": "alice",
        "reason": "Special Leave",
        "hours": "37",
        "effective_from_day": "1",
        "effective_from_month": "1",
        "effective_from_year": "2020",
    }
    assert client.post(reverse("new_reduction"), form).status_code == 302
    assert AuditEvent.objects.filter(action="RECORD_WORKLOAD_REDUCTION").exists()
    page = client.get(reverse("team_workload")).content.decode()
    assert "less 37 hours of reductions" in page


def test_it_refuses_a_reduction_without_hours_naming_the_field(client, manager, practitioner):
    client.force_login(manager.user)
    response = client.post(reverse("new_reduction"), {"practitioner": "alice"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the hours a week" in page and "Select the reason" in page


def test_the_team_page_shows_the_12_week_trend_as_charts_with_a_table_behind(
    client, manager, practitioner, busy_week
):
    client.force_login(manager.user)
    page = client.get(reverse("team_workload")).content.decode()
    assert "The last 12 weeks" in page
    assert "The team: capacity by week" in page
    assert "Capacity in the points model, week by week" in page
    # The busy week's tiers were recorded today: earlier Mondays have no figure, said in words.
    assert "No tiers recorded then" in page and 'class="app-chart__trend"' not in page

    TierChange.objects.create(
        person=busy_week,
        changed_at=timezone.now() - timedelta(days=95),
        framework="v2",
        new_tier="B2",
    )
    page = client.get(reverse("team_workload")).content.decode()
    assert "No tiers recorded then" not in page
    assert page.count('class="app-chart__trend"') == 2 * 11  # the team's line and Alice's
