"""Returns in Chromium: the list, and every return's page with its summary, chart and rows,
then a mistake in the filters shown in the error summary; each at 1280 px and 320 px, with
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
from caseload.returns.registry import all_returns
from caseload.testing.factories import StaffFactory, case_held_by

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = os.environ.get("CASELOAD_SCREENSHOTS")


def assert_fits(page: Page, name: str) -> None:
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    if SCREENSHOTS:
        width = page.viewport_size["width"] if page.viewport_size else 0
        page.screenshot(path=f"{SCREENSHOTS}/returns-{name}-{width}.png", full_page=True)


@pytest.fixture
def unit(practitioner, team):
    colleague = StaffFactory(team=team, user__first_name="Bilal", user__last_name="Shah")
    for holder, names in (
        (practitioner, [("Jordan", "Hughes"), ("Priya", "Begum"), ("Sean", "Murphy")]),
        (colleague, [("Sam", "Okafor"), ("Ewa", "Nowak")]),
    ):
        for first, last in names:
            case_held_by(holder, first_name=first, last_name=last)
    recompute_all()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_return_page_reads_at_both_widths(
    live_server: LiveServer, page: Page, analyst, unit, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, analyst.user)
    page.goto(f"{live_server.url}/returns/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Returns")
    assert_fits(page, "list")
    for declared in all_returns():
        page.goto(f"{live_server.url}/returns/")
        page.get_by_role("link", name=declared.title, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(declared.title)
        expect(
            page.get_by_role("link", name=f"CSV file of {declared.title.lower()}")
        ).to_be_visible()
        assert_fits(page, declared.name)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_future_as_at_day_is_named_in_the_error_summary(
    live_server: LiveServer, page: Page, analyst, unit, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, analyst.user)
    page.goto(f"{live_server.url}/returns/caseload-by-tier/")
    page.get_by_text("Choose the day").click()
    tomorrow = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Day").first.fill(str(tomorrow.day))
    page.get_by_label("Month").first.fill(str(tomorrow.month))
    page.get_by_label("Year").first.fill(str(tomorrow.year))
    page.get_by_role("button", name="Show the figures").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("As at must be today or in the past")
    assert_fits(page, "mistake")
