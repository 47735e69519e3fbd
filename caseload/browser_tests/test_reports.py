"""Reports in a real browser, at desktop and phone widths: the Sentence section's panel, the
request form with its error summary, and completing one; axe-core finds no WCAG 2.2 A/AA
violation and nothing scrolls sideways at 320 px."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import assert_accessible, sign_in
from caseload.testing.factories import ReportFactory, case_held_by

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
            page.screenshot(path=f"{SCREENSHOTS}/reports-{name}-{width}.png", full_page=True)


@pytest.fixture
def case_with_reports(practitioner):  # type: ignore[no-untyped-def]
    case = case_held_by(practitioner, first_name="Jordan", last_name="Hughes")
    today = timezone.localdate()
    ReportFactory(person=case, kind="PAROLE", due_on=today + timedelta(days=20))
    ReportFactory(person=case, kind="FAST", due_on=today - timedelta(days=1))
    ReportFactory(person=case, kind="STANDARD", completed_on=today - timedelta(days=3))
    return case


def test_the_sentence_section_lists_the_reports_to_write(
    live_server: LiveServer, page: Page, practitioner, case_with_reports
):
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case_with_reports.crn}/sentence/#reports")
    panel = page.locator("#reports").locator("..")
    expect(panel).to_contain_text("Parole report (PAROM 1)")
    expect(panel).to_contain_text("Overdue")
    check_at_both_widths(page, "sentence-section")


def test_requesting_a_report_with_a_mistake_then_completing_one(
    live_server: LiveServer, page: Page, practitioner, case_with_reports
):
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case_with_reports.crn}/sentence/")
    page.get_by_role("link", name="Record a report requested").click()
    expect(page).to_have_title(
        f"Record a report requested – {case_with_reports.full_name} – caseload"
    )
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the kind of report")
    expect(summary).to_contain_text("Enter the date the report is needed by")
    check_at_both_widths(page, "request-errors")
    page.goto(f"{live_server.url}/cases/{case_with_reports.crn}/sentence/")
    page.get_by_role("link", name="Record as completed").first.click()
    check_at_both_widths(page, "complete-form")
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Report recorded as completed"
    )
