"""The case lists, the search page and the "why" panels in Chromium, at 1280 px and 320 px:
axe-core finds no WCAG 2.2 A/AA violation, and nothing scrolls sideways at 320 px (WCAG
1.4.10), with every disclosure open."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import assert_accessible, sign_in
from caseload.derived.recompute import recompute_all
from caseload.people.actions import record_circumstance_change
from caseload.risk.actions import record_assessment, register_flag
from caseload.risk.assessment import QUESTIONS
from caseload.testing.assessments import middle_answer
from caseload.testing.factories import StaffFactory, case_held_by

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = (1280, 320)
SHOTS = os.environ.get("CASELOAD_SCREENSHOTS")


def assert_fits(page: Page, width: int) -> None:
    """No horizontal scroll: the page is no wider than the window."""
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    wide = page.evaluate(
        """w => [...document.querySelectorAll('main *')]
        .filter(e => e.getBoundingClientRect().right > w + 1)
        .slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' +
          (e.closest('[id]') || {}).id)""",
        widths[1],
    )
    assert widths[0] <= widths[1], f"{page.url} scrolls sideways at {width} px: {widths} {wide}"


def assert_parts_fit(page: Page, selectors: list[str], width: int) -> None:
    """None of these parts of the page (and nothing in them) reaches past the window's edge."""
    wide = page.evaluate(
        """([selectors, w]) => selectors.flatMap(s => [...document.querySelectorAll(s)])
        .flatMap(part => [part, ...part.querySelectorAll('*')])
        .filter(e => e.getBoundingClientRect().right > w + 1)
        .map(e => e.tagName + '.' + e.className)""",
        [selectors, page.evaluate("() => document.documentElement.clientWidth")],
    )
    assert not wide, f"{page.url}: {wide[:5]} reach past the edge at {width} px"


def check(page: Page, name: str, width: int, parts: list[str] | None = None) -> None:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    assert_accessible(page)
    if parts is None:
        assert_fits(page, width)
    else:
        assert_parts_fit(page, parts, width)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


@pytest.fixture
def caseload(practitioner, team):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    craig = case_held_by(
        practitioner, first_name="Craig", last_name="Begum", crn="Y701190", pnc_number="01/123456A"
    )
    for i in range(4):
        case_held_by(practitioner, first_name="Amina", last_name=f"Begum-Okonkwo{i}")
    case_held_by(StaffFactory(team=team, user__first_name="Bola", user__last_name="Ade"))
    for kind, status in (("EMPLOYMENT", "UNEMPLOYED"), ("ACCOMMODATION", "SETTLED")):
        record_circumstance_change(
            craig.crn,
            acting_user=practitioner.user,
            kind=kind,
            status=status,
            start_date=today,
            replacing=None,
        )
    record_assessment(
        craig.crn,
        acting_user=practitioner.user,
        completed_on=today,
        answers={q.key: middle_answer(q) for q in QUESTIONS},
    )
    for register, level in (("MAPP", "M2"), ("RVHR", ""), ("RCCO", "")):
        register_flag(
            craig.crn,
            acting_user=practitioner.user,
            register=register,
            category=level,
            level=level,
            registered_on=today - timedelta(days=2),
        )
    recompute_all()
    return craig


@pytest.mark.parametrize("width", WIDTHS)
def test_my_cases_sorts_and_fits_the_screen(
    live_server: LiveServer, page: Page, practitioner, caseload, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/?sort=rosh")
    expect(page.get_by_role("heading", level=1)).to_have_text("My cases")
    expect(page.locator("tbody tr").first).to_contain_text("Very high")
    check(page, "my-cases", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_team_list_shows_who_holds_each_case(
    live_server: LiveServer, page: Page, manager, caseload, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, manager.user)
    page.goto(f"{live_server.url}/team/")
    expect(page.locator("td", has_text="Bola Ade")).to_be_visible()
    page.get_by_label("Practitioner").select_option(label="Bola Ade")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    check(page, "team-cases", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_finds_a_name_in_either_order_and_says_when_nothing_matches(
    live_server: LiveServer, page: Page, practitioner, caseload, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/search/")
    check(page, "search", width)
    page.get_by_label("Name, CRN, PNC number or date of birth").fill("Begum, Craig")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_title("Search results for ‘Begum, Craig’ – caseload")
    expect(page.get_by_role("link", name="Begum, Craig")).to_be_visible()
    check(page, "search-results", width)
    page.get_by_label("Name, CRN, PNC number or date of birth").fill("nobody at all")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=2)).to_have_text("No results for ‘nobody at all’")
    check(page, "search-none", width)
    page.get_by_label("Name, CRN, PNC number or date of birth").fill("31/2/1990")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="31/2/1990 is not a real date of birth")).to_be_visible()
    check(page, "search-error", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_why_panels_and_their_calculations_fit_the_screen(
    live_server: LiveServer, page: Page, practitioner, caseload, width
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, practitioner.user)
    page.goto(f"{live_server.url}/cases/{caseload.crn}/")
    if not page.locator("#predictors").count():  # once the panels move to the Risk section
        page.goto(f"{live_server.url}/cases/{caseload.crn}/risk/")
    expect(page.get_by_text("MAPPA level 2 registration → 150 protect points")).to_be_attached()
    # The rest of the case page (the record's own tables) is other parts' to fit.
    check(page, "why-panels", width, ["table:has([data-predictor])", "#tier + dl", "#tier-reasons"])
