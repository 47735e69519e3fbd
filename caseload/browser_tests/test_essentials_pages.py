"""Essential work in Chromium: Today's section, the case Overview's panel and identity-bar
flag, the case's essentials page, snoozing an essential (with a mistake first) and ending the
snooze, and the manager's team view with its drill-down; each at 1280 px and 320 px, with
axe-core and no horizontal scroll."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import (
    WIDTHS,
    assert_accessible,
    assert_no_horizontal_scroll,
    sign_in,
)
from caseload.derived.recompute import recompute_all
from caseload.testing.factories import StaffFactory, case_held_by

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = os.environ.get("CASELOAD_SCREENSHOTS")


def assert_fits(page: Page, name: str) -> None:
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    if SCREENSHOTS:
        width = page.viewport_size["width"] if page.viewport_size else 0
        page.screenshot(path=f"{SCREENSHOTS}/essentials-{name}-{width}.png", full_page=True)


@pytest.fixture
def cases(practitioner, team):
    """Two of the practitioner's cases whose sentences began weeks ago with nothing recorded
    since, so the engine finds work overdue on both, and one of a colleague's."""
    jordan = case_held_by(practitioner, first_name="Jordan", last_name="Hughes")
    priya = case_held_by(practitioner, first_name="Priya", last_name="Begum")
    colleague = StaffFactory(team=team, user__first_name="Bilal", user__last_name="Shah")
    case_held_by(colleague, first_name="Sam", last_name="Okafor")
    recompute_all()
    return {"jordan": jordan, "priya": priya}


@pytest.mark.parametrize("width", WIDTHS)
def test_today_the_overview_and_the_essentials_page(
    live_server: LiveServer, page: Page, practitioner, cases, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, practitioner.user)
    jordan = cases["jordan"]

    page.goto(f"{live_server.url}/today/")
    section = page.locator("[data-essential-counts]")
    expect(section).to_contain_text("overdue")
    expect(page.get_by_role("link", name="Jordan Hughes").first).to_be_visible()
    assert_fits(page, "today")

    page.goto(f"{live_server.url}/cases/{jordan.crn}/")
    expect(page.locator("#essential-work")).to_be_visible()
    expect(page.locator(".app-identity-bar")).to_contain_text("overdue essential")
    assert_fits(page, "overview")

    page.locator(".app-identity-bar").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Essential work")
    expect(page.get_by_role("heading", name="Overdue and due")).to_be_visible()
    assert_fits(page, "case")

    page.goto(f"{live_server.url}/essentials/?state=overdue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Essential work on your cases")
    expect(page.get_by_role("link", name="Priya Begum").first).to_be_visible()
    assert_fits(page, "mine")


@pytest.mark.parametrize("width", WIDTHS)
def test_snoozing_an_essential_with_a_mistake_then_ending_the_snooze(
    live_server: LiveServer, page: Page, practitioner, cases, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, practitioner.user)
    jordan = cases["jordan"]
    page.goto(f"{live_server.url}/cases/{jordan.crn}/essentials/")
    page.get_by_role("link", name="Not applicable").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mark as not applicable")
    assert_fits(page, "not-applicable")
    page.go_back()
    page.get_by_role("link", name="Snooze").first.click()
    assert_fits(page, "snooze")

    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter why the essential can wait")
    expect(summary).to_contain_text("Enter the date to snooze until")
    assert_fits(page, "snooze-error")

    until = timezone.localdate() + timedelta(days=7)
    page.get_by_label("Reason").fill("In hospital until next week; the ward confirmed.")
    page.get_by_label("Day", exact=True).fill(str(until.day))
    page.get_by_label("Month", exact=True).fill(str(until.month))
    page.get_by_label("Year", exact=True).fill(str(until.year))
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Essential snoozed")
    expect(page.locator("main")).to_contain_text("In hospital until next week")

    page.get_by_role("link", name="End the override").first.click()
    assert_fits(page, "end-override")
    page.get_by_role("button", name="End the override").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Override ended")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_team_view_and_its_drill_down(
    live_server: LiveServer, page: Page, manager, cases, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, manager.user)
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="Primary navigation").get_by_role(
        "link", name="Team essential work"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Team essential work")
    assert_fits(page, "team")

    page.locator("#by-practitioner ~ table a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Essential work in your team")
    expect(page.locator(".app-essential").first).to_be_visible()
    assert_fits(page, "team-cases")
