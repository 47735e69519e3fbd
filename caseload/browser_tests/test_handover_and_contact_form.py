"""The handover summary and the contact form in Chromium: at 1280px and 320px, with axe-core
and no sideways scroll; the summary printed to A4 PDF on at most two pages; the contact form's
questions shown as they apply."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    sign_in,
)
from caseload.contacts.models import Contact
from caseload.risk.models import Registration
from caseload.testing.rich_case import rich_case

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = (1280, 320)


def pdf_page_count(pdf: bytes) -> int:
    """Pages in a PDF from Chromium (Skia writes each page object uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.parametrize("width", WIDTHS)
def test_the_handover_summary_reads_well_at_each_width(
    live_server: LiveServer, page: Page, practitioner, width
) -> None:
    case = rich_case(practitioner, first_name="Craig", last_name="Begum")
    sign_in(page, live_server.url, practitioner.user)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/cases/{case.crn}/handover/")
    expect(page).to_have_title("Handover summary – Craig Begum – caseload")
    expect(page.get_by_role("button", name="Print this summary")).to_be_visible()
    page.screenshot(path=f"/tmp/handover-{width}.png", full_page=True)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_the_handover_summary_prints_on_at_most_two_a4_pages(
    live_server: LiveServer, page: Page, practitioner
) -> None:
    case = rich_case(practitioner)
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/handover/")
    page.emulate_media(media="print")
    expect(page.get_by_label("Primary navigation")).to_be_hidden()
    expect(page.get_by_role("button", name="Print this summary")).to_be_hidden()
    page.screenshot(path="/tmp/handover-print.png", full_page=True)
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    with open("/tmp/handover.pdf", "wb") as saved:
        saved.write(pdf)
    assert 1 <= pdf_page_count(pdf) <= 2


@pytest.mark.parametrize("width", WIDTHS)
def test_the_contact_form_at_each_width(
    live_server: LiveServer, page: Page, practitioner, case, width
) -> None:
    sign_in(page, live_server.url, practitioner.user)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/cases/{case.crn}/contacts/new/")
    page.screenshot(path=f"/tmp/contact-form-{width}.png", full_page=True)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_the_outcome_and_decision_appear_only_when_they_apply(
    live_server: LiveServer, page: Page, practitioner, case
) -> None:
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/contacts/new/")
    outcome, decision = page.get_by_label("Outcome"), page.get_by_label("Enforcement decision")
    expect(outcome).to_be_hidden()
    expect(decision).to_be_hidden()
    expect(page.get_by_label("Day", exact=True)).to_have_value(str(timezone.localdate().day))

    page.get_by_label("Type of contact").select_option("CTOA")
    expect(outcome).to_be_hidden()
    page.get_by_label("Type of contact").select_option("COAP")
    expect(outcome).to_be_visible()
    outcome.select_option("AFTA")
    expect(decision).to_be_visible()
    decision.select_option("EA02")
    page.get_by_label("Type of contact").select_option("CTOB")  # not an appointment after all
    expect(outcome).to_be_hidden()
    expect(decision).to_be_hidden()
    assert outcome.input_value() == "" and decision.input_value() == ""
    page.screenshot(path="/tmp/contact-form-conditional.png", full_page=True)
    assert_accessible(page)


def test_a_simple_office_contact_is_recorded_from_the_keyboard(
    live_server: LiveServer, page: Page, practitioner, case
) -> None:
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/contacts/new/")
    earlier = timezone.localtime() - timedelta(minutes=5)
    page.get_by_label("Type of contact").focus()
    page.keyboard.press("ArrowDown")  # the first type: office visit
    page.get_by_label("Type of contact").select_option("COAP")
    page.get_by_label("Day", exact=True).fill(str(earlier.day))
    page.get_by_label("Month", exact=True).fill(str(earlier.month))
    page.get_by_label("Year", exact=True).fill(str(earlier.year))
    page.get_by_label("Time of contact").fill(earlier.strftime("%H:%M"))
    page.get_by_label("Time of contact").press("Tab")
    expect(page.get_by_label("Outcome")).to_be_focused()
    page.get_by_label("Outcome").select_option("ATTC")
    page.get_by_label("Outcome").press("Tab")
    expect(page.get_by_role("textbox", name="Notes")).to_be_focused()  # no hidden stop between
    page.keyboard.type("Reviewed the plan.")
    page.get_by_role("button", name="Save").press("Enter")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Contact recorded")
    assert Contact.objects.get().notes == "Reviewed the plan."


def test_a_future_date_error_takes_the_user_to_the_date(
    live_server: LiveServer, page: Page, practitioner, case
) -> None:
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{case.crn}/contacts/new/")
    tomorrow = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Type of contact").select_option("CTOA")
    page.get_by_label("Day", exact=True).fill(str(tomorrow.day))
    page.get_by_label("Month", exact=True).fill(str(tomorrow.month))
    page.get_by_label("Year", exact=True).fill(str(tomorrow.year))
    page.get_by_role("button", name="Save").click()
    page.locator(".govuk-error-summary").get_by_role("link").first.click()
    expect(page.get_by_label("Day", exact=True)).to_be_focused()
    assert_accessible(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_adding_a_second_registration_of_a_register_asks_first(
    live_server: LiveServer, page: Page, practitioner, case, width
) -> None:
    Registration.objects.create(
        person=case, register="RCCO", registered_on=timezone.localdate() - timedelta(days=30)
    )
    sign_in(page, live_server.url, practitioner.user)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/cases/{case.crn}/registrations/new/")
    today = timezone.localdate()
    page.get_by_label("Register", exact=True).select_option("RCCO")
    page.get_by_label("Day", exact=True).fill(str(today.day))
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year", exact=True).fill(str(today.year))
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Adding this registration ends another"
    )
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_role("button", name="Add it and end the current registration").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Registration added")
    assert Registration.objects.current().count() == 1
