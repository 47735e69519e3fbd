"""The case record in a real browser: every section at 1280 px and 320 px, with axe-core, no
sideways scrolling, and a very high RoSH licence case's RoSH on the first screen of each.

Screenshots of each section at both widths go to `CASELOAD_SCREENSHOTS` when it is set."""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import (
    WIDTHS,
    assert_accessible,
    assert_no_horizontal_scroll,
    sign_in,
)
from caseload.derived.recompute import recompute_all
from caseload.people.record import SECTIONS
from caseload.testing.case_records import community_order_under_way, very_high_risk_licence_case

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = os.environ.get("CASELOAD_SCREENSHOTS")


def _section_url(live_server: LiveServer, crn: str, key: str) -> str:
    name = "case_detail" if key == "overview" else f"case_{key}"
    return live_server.url + reverse(name, args=[crn])


def _screenshot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_section_of_a_very_high_risk_licence_case_shows_its_rosh_on_the_first_screen(
    live_server: LiveServer, page: Page, practitioner, width: int
) -> None:
    case = very_high_risk_licence_case(practitioner)
    recompute_all()
    sign_in(page, live_server.url, practitioner.user)
    page.set_viewport_size({"width": width, "height": 800})
    for key, title, _ in SECTIONS:
        page.goto(_section_url(live_server, case.crn, key))
        expect(page).to_have_title(f"{title} – Craig Begum – caseload")
        rosh = page.locator(".app-identity-bar [data-identity=rosh]")
        expect(rosh).to_have_text("Very high")
        assert rosh.bounding_box()["y"] + rosh.bounding_box()["height"] <= 800, key
        current = page.locator(
            'nav[aria-label="Case record sections"] .moj-sub-navigation__link[aria-current=page]'
        )
        expect(current).to_have_text(title)
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        _screenshot(page, f"licence-{key}-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_sentence_and_compliance_of_a_community_order_read_clearly(
    live_server: LiveServer, page: Page, practitioner, width: int
) -> None:
    case = community_order_under_way(practitioner)
    recompute_all()
    sign_in(page, live_server.url, practitioner.user)
    page.set_viewport_size({"width": width, "height": 800})
    for key, _, _ in SECTIONS:
        page.goto(_section_url(live_server, case.crn, key))
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        _screenshot(page, f"order-{key}-{width}")
    page.goto(_section_url(live_server, case.crn, "sentence"))
    expect(page.locator("#main-content")).to_contain_text(
        "13 hours 30 minutes worked of 100 hours ordered; 86 hours 30 minutes left"
    )
    expect(page.locator("#main-content")).to_contain_text(
        "3 of 20 rehabilitation activity days used; 17 left"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_rosh_by_audience_form_is_accessible_and_records_the_levels(
    live_server: LiveServer, page: Page, practitioner, width: int
) -> None:
    case = community_order_under_way(practitioner)
    sign_in(page, live_server.url, practitioner.user)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(_section_url(live_server, case.crn, "risk"))
    page.get_by_role("link", name="Record risk of serious harm by audience").click()
    expect(page.locator(".app-identity-bar")).to_contain_text("Jordan Hughes")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select risk to children")
    assert_accessible(page)
    _screenshot(page, f"rosh-form-errors-{width}")


def test_a_printed_section_keeps_the_identity_and_drops_navigation_and_buttons(
    live_server: LiveServer, page: Page, practitioner
) -> None:
    case = very_high_risk_licence_case(practitioner)
    sign_in(page, live_server.url, practitioner.user)
    page.goto(_section_url(live_server, case.crn, "risk"))
    page.emulate_media(media="print")
    for chrome in (
        ".moj-header__content",
        ".moj-primary-navigation",
        ".moj-sub-navigation",
        ".govuk-phase-banner",
        ".govuk-button-group",
        ".govuk-footer",
    ):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator(".app-identity-bar")).to_be_visible()
    expect(page.locator("#registrations")).to_be_visible()
    _screenshot(page, "licence-risk-print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    if SCREENSHOTS:
        Path(f"{SCREENSHOTS}/licence-risk-print.pdf").write_bytes(pdf)
