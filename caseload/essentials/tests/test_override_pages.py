"""Snoozing an essential, marking it not applicable and ending either, through the pages:
every problem named in the error summary and nothing saved; once saved, the essential is read
as snoozed (off Today) or not required, and the manager sees the override in the team view."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from caseload.derived.recompute import recompute_all
from caseload.essentials.models import EssentialDue, EssentialOverride
from caseload.essentials.reading import State, essentials_for_case
from caseload.testing.factories import case_held_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(practitioner):
    """A community order begun 110 days ago with nothing recorded: its first appointment is
    overdue, as the engine finds it."""
    case = case_held_by(practitioner, first_name="Jordan", last_name="Hughes")
    recompute_all()
    essential = EssentialDue.objects.get(person=case, kind="first_appointment")
    assert essential.state == State.DUE
    return case


def _url(name, case, kind="first_appointment", subject=""):
    url = reverse(name, kwargs={"crn": case.crn, "kind": kind})
    return url + (f"?subject={subject}" if subject else "")


def _until(days):
    day = timezone.localdate() + timedelta(days=days)
    return {"until_day": day.day, "until_month": day.month, "until_year": day.year}


def _state(case, kind="first_appointment"):
    today = timezone.localdate()
    return next(e for e in essentials_for_case(case, today=today) if e.kind == kind).state


def test_it_names_both_missing_answers_in_the_error_summary(client, practitioner, overdue):
    client.force_login(practitioner.user)
    response = client.post(_url("snooze_essential", overdue), {})
    html = response.content.decode()
    assert response.status_code == 400
    summary = html[
        html.index("govuk-error-summary") : html.index("</ul>", html.index("govuk-error-summary"))
    ]
    assert "Enter why the essential can wait" in summary
    assert "Enter the date to snooze until" in summary
    assert not EssentialOverride.objects.exists()


def test_it_refuses_a_snooze_longer_than_28_days_on_the_date(client, practitioner, overdue):
    client.force_login(practitioner.user)
    response = client.post(_url("snooze_essential", overdue), {"reason": "Abroad", **_until(40)})
    assert response.status_code == 400
    assert "The end date must be within 28 days" in response.content.decode()
    assert not EssentialOverride.objects.exists()


def test_a_snooze_takes_the_essential_off_today_until_its_date(client, practitioner, overdue):
    client.force_login(practitioner.user)
    page = client.get(_url("snooze_essential", overdue))
    assert page.status_code == 200
    assert "Snooze: first appointment – Jordan Hughes – caseload" in page.content.decode()
    response = client.post(
        _url("snooze_essential", overdue), {"reason": "In hospital this week", **_until(7)}
    )
    assert response.status_code == 302
    assert response.url == reverse("case_essentials", kwargs={"crn": overdue.crn})
    assert _state(overdue) == State.SNOOZED
    today = client.get(reverse("today")).content.decode()
    section = today[today.index('id="essential-work"') : today.index('id="appointments-today"')]
    assert 'data-essential="first_appointment"' not in section
    case_page = client.get(response.url).content.decode()
    assert "In hospital this week" in case_page and "Snoozed until" in case_page


def test_not_applicable_is_read_as_not_required_with_the_reason(client, practitioner, overdue):
    client.force_login(practitioner.user)
    response = client.post(
        _url("mark_essential_not_applicable", overdue),
        {"reason": "Seen by the court team on the day of sentence", **_until(60)},
    )
    assert response.status_code == 302
    assert _state(overdue) == State.NOT_REQUIRED
    assert "Seen by the court team" in client.get(response.url).content.decode()


def test_ending_an_override_lists_the_essential_again(client, practitioner, overdue):
    client.force_login(practitioner.user)
    client.post(_url("snooze_essential", overdue), {"reason": "In hospital", **_until(7)})
    override = EssentialOverride.objects.get()
    url = reverse("end_essential_override", kwargs={"crn": overdue.crn, "override_id": override.pk})
    assert "End the override: first appointment" in client.get(url).content.decode()
    response = client.post(url, {"expected_version": override.version})
    assert response.status_code == 302
    assert _state(overdue) == State.OVERDUE
    assert "no longer in force" in client.get(url).content.decode()


def test_an_essential_not_on_the_case_or_of_no_rule_is_not_found(client, practitioner, overdue):
    client.force_login(practitioner.user)
    assert client.get(_url("snooze_essential", overdue, kind="no_such_rule")).status_code == 404
    assert client.get(_url("snooze_essential", overdue, subject="nothing")).status_code == 404


def test_someone_outside_the_team_cannot_reach_the_pages(client, outsider, overdue):
    client.force_login(outsider.user)
    assert client.get(_url("snooze_essential", overdue)).status_code == 404
    assert (
        client.post(_url("snooze_essential", overdue), {"reason": "x", **_until(3)}).status_code
        == 404
    )
    assert not EssentialOverride.objects.exists()


def test_the_manager_sees_every_override_in_force_in_the_team(
    client, practitioner, manager, overdue
):
    client.force_login(practitioner.user)
    client.post(_url("snooze_essential", overdue), {"reason": "In hospital this week", **_until(7)})
    client.force_login(manager.user)
    html = client.get(reverse("team_essentials")).content.decode()
    overrides = html[html.index('id="overrides"') :]
    assert "Jordan Hughes" in overrides and overdue.crn in overrides
    assert "First appointment" in overrides and "In hospital this week" in overrides
    assert str(practitioner) in overrides
    until = timezone.localdate() + timedelta(days=7)
    assert f"{until.day} {until:%B %Y}" in overrides
