"""A practitioner's day in a real browser: sign in, open a case, record facts, see what they change.

Every page visited is checked with axe-core for WCAG 2.2 A/AA violations.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import assert_accessible, sign_in
from caseload.derived.recompute import recompute_all
from caseload.people.actions import record_circumstance_change
from caseload.risk.actions import register_flag
from caseload.testing.assessments import arp_dynamic_answers
from caseload.testing.factories import case_held_by

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"


def test_a_practitioner_signs_in_and_opens_a_case(
    live_server: LiveServer, page: Page, practitioner
) -> None:
    case = case_held_by(practitioner, first_name="Jordan", last_name="Hughes")
    recompute_all()
    page.goto(f"{live_server.url}/")
    page.get_by_label("Username").fill(practitioner.user.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Today")
    page.get_by_role("navigation", name="Primary navigation").get_by_role(
        "link", name="My cases"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My cases")
    assert_accessible(page)
    page.get_by_role("link", name="Hughes, Jordan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jordan Hughes")
    assert_accessible(page)
    page.get_by_role("link", name="Risk", exact=True).click()
    expect(page.locator("#predictors")).to_be_visible()
    expect(page.locator("[data-tier=v2]")).not_to_have_text("–")
    assert case.crn in page.content()
    assert_accessible(page)


def test_recording_a_contact_puts_it_in_the_activity_log(
    live_server: LiveServer, page: Page, practitioner, case
) -> None:
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/")
    page.get_by_role("link", name="Record a contact").click()
    assert_accessible(page)
    yesterday = timezone.localdate() - timedelta(days=1)
    page.get_by_label("Type of contact").select_option("COAP")
    page.get_by_label("Day", exact=True).fill(str(yesterday.day))
    page.get_by_label("Month", exact=True).fill(str(yesterday.month))
    page.get_by_label("Year", exact=True).fill(str(yesterday.year))
    page.get_by_label("Time of contact").fill("10:15")
    page.get_by_label("Outcome").select_option("ATTC")
    page.get_by_role("textbox", name="Notes").fill("Talked through the work search plan.")
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("Contact recorded")
    page.goto(f"{live_server.url}/cases/{case.crn}/activity-log/")
    expect(page.locator(".moj-timeline")).to_contain_text("Talked through the work search plan.")
    assert_accessible(page)


def test_a_date_in_the_future_shows_the_error_summary(
    live_server: LiveServer, page: Page, practitioner, case
) -> None:
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/contacts/new/")
    tomorrow = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Type of contact").select_option("COAP")
    page.get_by_label("Day", exact=True).fill(str(tomorrow.day))
    page.get_by_label("Month", exact=True).fill(str(tomorrow.month))
    page.get_by_label("Year", exact=True).fill(str(tomorrow.year))
    page.get_by_label("Time of contact").fill("10:15")
    page.get_by_label("Outcome").select_option("ATTC")
    page.get_by_role("button", name="Save").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Date of contact must be today or in the past")
    expect(summary).to_be_focused()
    expect(page).to_have_title("Error: Record a contact – " + case.full_name + " – caseload")
    assert_accessible(page)


def test_adding_a_registration_changes_the_tier_on_the_same_page_load(
    live_server: LiveServer, page: Page, practitioner, case
) -> None:
    register_flag(
        case.crn, acting_user=practitioner.user, register="RLRH", registered_on=timezone.localdate()
    )
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/risk/")
    before = page.locator("[data-tier=v2] span").first.inner_text()

    page.get_by_role("link", name="Add a registration").click()
    page.get_by_label("Register").select_option("MAPP")
    page.get_by_label("MAPPA category").select_option("M2")
    page.get_by_label("MAPPA level").select_option("M2")
    today = timezone.localdate()
    page.get_by_label("Day", exact=True).fill(str(today.day))
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year", exact=True).fill(str(today.year))
    page.get_by_role("button", name="Save").click()

    after = page.locator("[data-tier=v2] span").first.inner_text()
    assert after != before and after.startswith("A"), (before, after)
    page.get_by_text("Why this tier").click()
    expect(page.locator("#tier-reasons")).to_contain_text("MAPPA")
    assert_accessible(page)


def test_a_change_of_employment_changes_the_scores_at_once(
    live_server: LiveServer, page: Page, practitioner, case
) -> None:
    recompute_all()
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/risk/")
    ogp_before = page.locator("[data-predictor=ogp]").inner_text()
    assert "Current employment" in ogp_before  # shown as a fact to record, not an error

    page.get_by_role("link", name="Personal details").click()
    page.get_by_role("link", name="Record a change of circumstances").click()
    page.get_by_label("Employment, education or training").check()
    page.get_by_label("New status").select_option("UNEMPLOYED")
    today = timezone.localdate()
    page.get_by_label("Day", exact=True).fill(str(today.day))
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year", exact=True).fill(str(today.year))
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Change of circumstances recorded"
    )
    page.get_by_role("link", name="Risk", exact=True).click()
    ogp_after = page.locator("[data-predictor=ogp]").inner_text()
    assert "Current employment" not in ogp_after
    page.locator("[data-predictor=arp] summary").first.click()
    expect(page.locator("[data-predictor=arp] .govuk-details__text").first).to_be_visible()
    assert_accessible(page)


def test_recording_an_assessment_makes_the_scores_dynamic(
    live_server: LiveServer, page: Page, practitioner, case
) -> None:
    for kind, status in (("EMPLOYMENT", "UNEMPLOYED"), ("ACCOMMODATION", "SETTLED")):
        record_circumstance_change(
            case.crn,
            acting_user=practitioner.user,
            kind=kind,
            status=status,
            start_date=timezone.localdate(),
            replacing=None,
        )
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/risk/")
    expect(page.locator("[data-predictor=arp]")).to_contain_text("Static")

    page.get_by_role("link", name="Record an assessment").click()
    assert_accessible(page)
    today = timezone.localdate()
    page.get_by_label("Day", exact=True).fill(str(today.day))
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year", exact=True).fill(str(today.year))
    for question, answer in arp_dynamic_answers().items():
        page.locator(f"input[name={question}][value={answer}]").check()
    page.get_by_role("button", name="Save assessment").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("Assessment recorded")
    expect(page.locator("[data-predictor=arp]")).to_contain_text("Dynamic")
    assert_accessible(page)
