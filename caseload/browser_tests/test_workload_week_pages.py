"""The week in hours in a real browser: the practitioner's own week and the manager's team
workload with its chart, each checked with axe-core (WCAG 2.2 A/AA) and for sideways scrolling
at 1280px and 320px."""

import os
from pathlib import Path

import pytest
from django.apps import apps
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import (
    WIDTHS,
    assert_accessible,
    assert_no_horizontal_scroll,
    sign_in,
)
from caseload.testing.workload import a_week_that_does_not_fit
from caseload.workload.seed import seed_reference_data

pytestmark = pytest.mark.django_db(transaction=True)

#: Set CASELOAD_SCREENSHOTS=DIR to keep a screenshot of each page at each width.
SHOTS = os.environ.get("CASELOAD_SCREENSHOTS")


def check(page: Page, name: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_horizontal_scroll(page)
        if SHOTS:
            page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}.png"), full_page=True)
    assert_accessible(page)


def test_the_practitioners_week_is_accessible_and_reflows(
    live_server: LiveServer, page: Page, practitioner
) -> None:
    seed_reference_data(apps)  # a transactional test's database starts flushed
    a_week_that_does_not_fit(practitioner)
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/workload/week/")
    expect(page.get_by_role("heading", name="My week", level=1)).to_be_visible()
    expect(page.get_by_text("The hours run out here.")).to_be_visible()
    check(page, "workload-my-week")
    page.get_by_role("link", name="Add a note for your manager").click()
    page.get_by_role("button", name="Add the note").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter your note")
    check(page, "workload-note-error")
    page.get_by_label("Your note for your manager").fill("The PSR took all of Tuesday")
    page.get_by_role("button", name="Add the note").click()
    expect(page.get_by_text("The PSR took all of Tuesday")).to_be_visible()


def test_the_team_workload_is_accessible_and_reflows(
    live_server: LiveServer, page: Page, practitioner, manager
) -> None:
    seed_reference_data(apps)
    a_week_that_does_not_fit(practitioner)
    sign_in(page, live_server.url, manager.user)
    page.goto(f"{live_server.url}/team/workload/")
    expect(page.get_by_role("heading", name="Team workload", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Capacity by practitioner")).to_be_visible()
    page.get_by_text("’s week in order").click()
    check(page, "workload-team")


def test_the_reduction_form_is_accessible_and_reflows(
    live_server: LiveServer, page: Page, practitioner, manager
) -> None:
    seed_reference_data(apps)
    sign_in(page, live_server.url, manager.user)
    page.goto(f"{live_server.url}/team/workload/reductions/new/")
    page.get_by_role("button", name="Record the reduction").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the hours a week")
    check(page, "workload-reduction-error")
    page.get_by_label("Practitioner").select_option(label=practitioner.user.get_full_name())
    page.get_by_label("Reason").select_option("Special Leave")
    page.get_by_label("Hours a week").fill("7.5")
    start = page.get_by_role("group", name="Start date")
    start.get_by_label("Day", exact=True).fill("1")
    start.get_by_label("Month", exact=True).fill("12")
    start.get_by_label("Year", exact=True).fill("2026")
    page.get_by_role("button", name="Record the reduction").click()
    expect(page.get_by_text("Reduction recorded")).to_be_visible()


def _a_team_with_twelve_weeks_of_history(practitioner, team) -> None:
    """Alice took on cases over the 12 weeks and one went up a tier; Bea's was tiered only
    five weeks ago, so her earlier weeks have no figure."""
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from caseload.organisation.models import Allocation
    from caseload.testing.factories import StaffFactory, case_held_by
    from caseload.tiering.models import CaseTier, TierChange
    from caseload.workload.domain.trend import last_mondays
    from caseload.workload.practitioners import UK

    mondays = last_mondays(timezone.localdate())

    def held(staff, start, tiers):
        person = case_held_by(staff)
        Allocation.objects.filter(person=person).update(start_date=start)
        for tier, on in tiers:
            at = datetime.combine(on, time(9), tzinfo=UK)
            TierChange.objects.create(person=person, changed_at=at, framework="v2", new_tier=tier)
        CaseTier.objects.create(person=person, v2_tier=tiers[-1][0], calculated_at=timezone.now())

    practitioner.contracted_hours = 4
    practitioner.save()
    before = mondays[0] - timedelta(days=30)
    held(practitioner, before, [("B2", before)])
    held(practitioner, mondays[3], [("C1", before), ("A2", mondays[7])])
    held(practitioner, mondays[6], [("A3", before)])
    bea = StaffFactory(team=team, user__username="bea", user__first_name="Bea")
    bea.contracted_hours = 3
    bea.save()
    held(bea, before, [("B3", mondays[7] - timedelta(days=1))])


def test_the_team_trend_is_accessible_and_reflows(
    live_server: LiveServer, page: Page, practitioner, manager, team
) -> None:
    seed_reference_data(apps)
    _a_team_with_twelve_weeks_of_history(practitioner, team)
    sign_in(page, live_server.url, manager.user)
    page.goto(f"{live_server.url}/team/workload/#trend")
    expect(page.get_by_role("heading", name="The last 12 weeks", level=2)).to_be_visible()
    expect(page.get_by_role("img", name="The team: capacity by week")).to_be_visible()
    expect(
        page.get_by_role("region", name="Capacity in the points model, week by week")
    ).to_be_visible()
    page.locator("#trend").scroll_into_view_if_needed()
    check(page, "workload-team-trend")
