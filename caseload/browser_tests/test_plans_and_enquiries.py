"""Safeguarding enquiries, plans and management oversight in a real browser, at desktop and
phone widths: each page's form, its error summary and the sections that show what was recorded;
axe-core finds no WCAG 2.2 A/AA violation and nothing scrolls sideways at 320 px."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import assert_accessible, sign_in
from caseload.plans.actions import (
    record_management_oversight,
    record_risk_management_plan,
    record_sentence_plan,
)
from caseload.safeguarding.actions import record_enquiry_response, request_enquiry
from caseload.testing.factories import case_held_by

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = (1280, 320)
SCREENSHOTS = os.environ.get("CASELOAD_SCREENSHOTS")


def check_at_both_widths(page: Page, name: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        if width == 320:
            wider = page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
            assert not wider, "the page scrolls sideways"
        if SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SCREENSHOTS}/plans-{name}-{width}.png", full_page=True)


@pytest.fixture
def recorded_case(practitioner, manager):  # type: ignore[no-untyped-def]
    case = case_held_by(practitioner, first_name="Jordan", last_name="Hughes")
    user = practitioner.user
    today = timezone.localdate()
    answered = request_enquiry(
        case.crn,
        acting_user=user,
        kind="CHILDRENS_SERVICES",
        reason="START",
        requested_on=today - timedelta(days=40),
    )
    record_enquiry_response(
        case.crn,
        acting_user=user,
        enquiry_id=answered.pk,
        expected_version=answered.version,
        responded_on=today - timedelta(days=33),
        response="CONCERNS",
        response_notes="A child at the address has a child in need plan; the social worker "
        "is Priya Desai at the Sheffield North office.",
    )
    request_enquiry(
        case.crn,
        acting_user=user,
        kind="POLICE_DA",
        reason="NEW_CONCERN",
        requested_on=today - timedelta(days=6),
    )
    record_sentence_plan(
        case.crn,
        acting_user=user,
        completed_on=today - timedelta(days=30),
        contact_every_days=7,
        notes="Find work or training; keep to the curfew; attend the alcohol service.",
    )
    record_risk_management_plan(
        case.crn,
        acting_user=user,
        completed_on=today - timedelta(days=29),
        notes="No unsupervised contact with children; checks with children's services "
        "each quarter.",
    )
    record_management_oversight(
        case.crn,
        acting_user=manager.user,
        recorded_on=today - timedelta(days=3),
        notes="Discussed the new concern; agreed a home visit this week.",
    )
    return case


def test_the_risk_section_shows_enquiries_and_the_risk_management_plan(
    live_server: LiveServer, page: Page, practitioner, recorded_case
):
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{recorded_case.crn}/risk/")
    expect(page.locator("#enquiries").locator("..")).to_contain_text("Awaiting a response")
    expect(page.get_by_text("Concerns identified")).to_be_visible()
    expect(page.get_by_role("heading", name="Risk management plan")).to_be_visible()
    check_at_both_widths(page, "risk-section")


def test_recording_a_response_with_a_mistake_then_correctly(
    live_server: LiveServer, page: Page, practitioner, recorded_case
):
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{recorded_case.crn}/risk/")
    page.get_by_role("link", name="Record the response").click()
    expect(page).to_have_title(
        f"Record the response to the police domestic abuse enquiry – {recorded_case.full_name}"
        " – caseload"
    )
    check_at_both_widths(page, "response-form")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date of the response")
    check_at_both_widths(page, "response-errors")
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("No information held").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Response recorded")


def test_requesting_an_enquiry(live_server: LiveServer, page: Page, practitioner, recorded_case):
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{recorded_case.crn}/risk/")
    page.get_by_role("link", name="Record a safeguarding enquiry").click()
    expect(page).to_have_title(
        f"Record a safeguarding enquiry – {recorded_case.full_name} – caseload"
    )
    check_at_both_widths(page, "enquiry-form")


def test_the_sentence_section_and_the_sentence_plan_form(
    live_server: LiveServer, page: Page, practitioner, recorded_case
):
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{recorded_case.crn}/sentence/")
    expect(page.locator("#sentence-plan").locator("..")).to_contain_text("Weekly")
    check_at_both_widths(page, "sentence-section")
    page.get_by_role("link", name="Record a sentence plan").click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select the agreed contact frequency"
    )
    check_at_both_widths(page, "sentence-plan-errors")


def test_the_risk_management_plan_form(
    live_server: LiveServer, page: Page, practitioner, recorded_case
):
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{recorded_case.crn}/risk/management-plans/new/")
    expect(page).to_have_title(
        f"Record a risk management plan – {recorded_case.full_name} – caseload"
    )
    check_at_both_widths(page, "risk-management-plan-form")


def test_a_manager_records_oversight_from_the_overview(
    live_server: LiveServer, page: Page, manager, recorded_case
):
    sign_in(page, live_server.url, manager.user)
    page.goto(f"{live_server.url}/cases/{recorded_case.crn}/")
    expect(page.get_by_text("agreed a home visit this week")).to_be_visible()
    check_at_both_widths(page, "overview")
    # Both the essential work panel and the oversight panel offer it; they go to one page.
    page.get_by_role("link", name="Record management oversight").first.click()
    expect(page).to_have_title(
        f"Record management oversight – {recorded_case.full_name} – caseload"
    )
    check_at_both_widths(page, "oversight-form")
    page.get_by_label("What you reviewed and what you decided").fill(
        "Checked the police response; contact frequency is right."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("contact frequency is right")).to_be_visible()
