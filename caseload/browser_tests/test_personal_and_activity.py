"""Personal details and the Activity log in a real browser, at desktop and phone widths: axe-core
finds no WCAG 2.2 A/AA violation and nothing scrolls sideways at 320 px."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import assert_accessible, sign_in
from caseload.contacts.actions import record_contact
from caseload.people.personal_actions import (
    add_personal_contact,
    change_phone_and_email,
    record_address,
    record_disability,
)
from caseload.testing.factories import case_held_by

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = (1280, 320)


def assert_no_sideways_scroll(page: Page) -> None:
    wider = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not wider, "the page scrolls sideways"


def check_at_both_widths(page: Page, name: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        if width == 320:
            assert_no_sideways_scroll(page)
        page.screenshot(path=f"/tmp/personal-{name}-{width}.png", full_page=True)


@pytest.fixture
def full_case(practitioner):  # type: ignore[no-untyped-def]
    case = case_held_by(practitioner, first_name="Jordan", last_name="Hughes")
    user = practitioner.user
    since = timezone.localdate() - timedelta(days=200)
    for kind, line_1, start in (("PREVIOUS", "4 Dale Road", since - timedelta(days=700)),):
        record_address(
            case.crn, acting_user=user, kind=kind, line_1=line_1, town="Rotherham",
            postcode="S60 1AB", start_date=start, end_date=since,
        )  # fmt: skip
    record_address(
        case.crn, acting_user=user, kind="MAIN", line_1="Flat 3", line_2="27 Kelham Way",
        town="Sheffield", postcode="S3 8RY", start_date=since, verified=True,
    )  # fmt: skip
    change_phone_and_email(
        case.crn, acting_user=user, mobile="07700 900461",
        email="jordan.hughes.a.very.long.address@example.com", replacing=None,
    )  # fmt: skip
    add_personal_contact(
        case.crn, acting_user=user, kind="NEXT_OF_KIN", name="Susan Hughes",
        relationship="Mother", phone="07700 900112", address="4 Dale Road, Rotherham S60 1AB",
    )  # fmt: skip
    record_disability(
        case.crn, acting_user=user, kind="LEARNING_DIFFICULTY", start_date=since,
        adjustments=["EASY_READ", "REMINDER"], notes="Dyslexia: finds long letters hard.",
    )  # fmt: skip
    for days, outcome, decision in (
        (1, "ATTC", ""),
        (8, "AFTA", "EA02"),
        (15, "AAME", ""),
        (22, "ATTC", ""),
    ):
        record_contact(
            case.crn, acting_user=user, contact_type="COAP", outcome=outcome,
            enforcement_action=decision,
            happened_at=timezone.now() - timedelta(days=days),
            notes="Talked through the work search plan and the housing application.",
        )  # fmt: skip
    return case


def test_the_personal_details_section(live_server: LiveServer, page: Page, practitioner, full_case):
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{full_case.crn}/personal-details/")
    expect(page.locator("#addresses")).to_contain_text("S3 8RY")
    expect(page.locator("#phone-and-email")).to_contain_text("07700 900 461")
    expect(page.locator("#personal-contacts")).to_contain_text("Susan Hughes")
    expect(page.locator("#disabilities")).to_contain_text("Letters in easy read")
    check_at_both_widths(page, "section")


def test_adding_an_address_with_a_mistake(
    live_server: LiveServer, page: Page, practitioner, full_case
):
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{full_case.crn}/personal-details/addresses/new/")
    page.get_by_label("Secondary address").check()
    page.get_by_label("Address line 1").fill("2 Canal Side")
    page.get_by_label("Town or city").fill("Sheffield")
    page.get_by_label("Postcode").fill("nowhere")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a real postcode")
    check_at_both_widths(page, "address-error")


def test_the_activity_log_with_filters(
    live_server: LiveServer, page: Page, practitioner, full_case
):
    sign_in(page, live_server.url, practitioner.user)
    start = timezone.localdate() - timedelta(days=20)
    page.goto(
        f"{live_server.url}/cases/{full_case.crn}/activity-log/?compliance=complied"
        f"&from_date_day={start.day}&from_date_month={start.month}&from_date_year={start.year}"
        "&notes=housing"
    )
    expect(page.get_by_role("status")).to_contain_text("1 entry matches the filters")
    check_at_both_widths(page, "activity")
    page.get_by_role("link", name="System changes").click()
    expect(page).to_have_title(f"System changes – {full_case.full_name} – caseload")
    check_at_both_widths(page, "system")


def test_a_bad_date_in_the_activity_log_filters(
    live_server: LiveServer, page: Page, practitioner, full_case
):
    sign_in(page, live_server.url, practitioner.user)
    page.goto(
        f"{live_server.url}/cases/{full_case.crn}/activity-log/"
        "?from_date_day=31&from_date_month=2&from_date_year=2026"
    )
    expect(page.locator(".govuk-error-summary")).to_contain_text("From must be a real date")
    check_at_both_widths(page, "activity-error")
