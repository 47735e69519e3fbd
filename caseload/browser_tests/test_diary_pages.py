"""The practitioner's day in Chromium: Today, the diary by day and week, arranging an
appointment, recording its outcome and printing its letter, each at 1280 px and 320 px with
axe-core and no horizontal scroll on a phone."""

import os
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import assert_accessible, sign_in
from caseload.testing.factories import AppointmentFactory, case_held_by

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = (1280, 320)
SCREENSHOTS = os.environ.get("CASELOAD_SCREENSHOTS")


def local(days: int, hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def assert_fits(page: Page, name: str) -> None:
    """Accessible, and at 320 px nothing wider than the screen (WCAG 1.4.10 reflow)."""
    assert_accessible(page)
    width = page.viewport_size["width"] if page.viewport_size else 0
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url} is {scroll} px wide at {width} px"


@pytest.fixture
def diary(practitioner):  # type: ignore[no-untyped-def]
    jordan = case_held_by(practitioner, first_name="Jordan", last_name="Hughes")
    priya = case_held_by(practitioner, first_name="Priya", last_name="Begum")
    seen_today = AppointmentFactory(
        person=jordan, with_staff=practitioner, starts_at=timezone.now() - timedelta(minutes=40)
    )
    AppointmentFactory(
        person=priya,
        with_staff=practitioner,
        contact_type="COVC",
        location="Video or phone",
        starts_at=local(1, 14, 30),
        duration_minutes=45,
    )
    AppointmentFactory(person=priya, with_staff=practitioner, starts_at=local(-3, 11))
    return {"jordan": jordan, "priya": priya, "seen_today": seen_today}


@pytest.mark.parametrize("width", WIDTHS)
def test_today_diary_and_week_read_well_on_a_desktop_and_a_phone(
    live_server: LiveServer, page: Page, practitioner, diary, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Today")
    expect(page.locator("#outcomes-needed + p + ul")).to_contain_text("Jordan Hughes")
    assert_fits(page, "today")

    page.goto(f"{live_server.url}/diary/?day={timezone.localdate() + timedelta(days=1)}")
    expect(page.locator(".app-diary")).to_contain_text("2:30pm to 3:15pm")
    assert_fits(page, "diary-day")

    page.goto(f"{live_server.url}/diary/week/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Week of")
    assert_fits(page, "diary-week")

    page.goto(f"{live_server.url}/diary/calendar-feed/")
    assert_fits(page, "calendar-feed")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_practitioner_arranges_an_appointment_and_prints_the_letter(
    live_server: LiveServer, page: Page, practitioner, diary, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, practitioner.user)
    jordan = diary["jordan"]
    page.goto(f"{live_server.url}/cases/{jordan.crn}/")
    page.get_by_role("link", name="Arrange an appointment").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Arrange an appointment")
    assert_fits(page, "arrange")

    day = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Type of appointment").select_option("COAP")
    page.get_by_label("Day", exact=True).first.fill(str(day.day))
    page.get_by_label("Month", exact=True).first.fill(str(day.month))
    page.get_by_label("Year", exact=True).first.fill(str(day.year))
    page.get_by_label("Start time").fill("14:45")
    page.get_by_label("Where").fill("Northbridge probation office, room 2")
    page.get_by_role("button", name="Arrange appointment").click()

    expect(page.locator("#overlaps")).to_contain_text("This overlaps 1 other appointment")
    assert_fits(page, "arrange-overlap")
    page.get_by_role("button", name="Arrange appointment").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Appointment arranged")
    assert_fits(page, "appointment")

    page.get_by_role("link", name=f"Appointment letter for {jordan.full_name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your next probation appointment")
    expect(page.locator(".app-letter")).to_contain_text("2:45pm")
    assert_fits(page, "letter")


@pytest.mark.parametrize("width", WIDTHS)
def test_recording_the_outcome_clears_it_from_today(
    live_server: LiveServer, page: Page, practitioner, diary, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/today/")
    page.locator("#outcomes-needed + p + ul").get_by_role(
        "link", name="Record the outcome"
    ).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record the outcome")
    page.get_by_label("Outcome", exact=True).select_option("AFTA")
    page.get_by_role("button", name="Save the outcome").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select the enforcement action for the failure to comply"
    )
    assert_fits(page, "outcome-error")
    page.get_by_label("Enforcement action").select_option("EA02")
    page.get_by_role("button", name="Save the outcome").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Outcome recorded")

    page.goto(f"{live_server.url}/today/")
    expect(page.locator("#outcomes-needed + p + ul")).not_to_contain_text("Priya Begum")
