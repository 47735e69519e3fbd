"""Every page outside the case lists, search and the case record's sections, at 320px: no
sideways scroll (WCAG 1.4.10; wide tables scroll in their own pane) and no axe-core problem."""

import pytest
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from caseload.browser_tests.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    sign_in,
)
from caseload.organisation.constants import Grade, Role
from caseload.risk.models import Registration
from caseload.testing.everything import case_with_everything, head_of_delivery_unit
from caseload.testing.factories import StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)

#: (who, path) with {crn} and {registration} filled in.
PAGES = [
    ("practitioner", "/cases/{crn}/contacts/new/"),
    ("practitioner", "/cases/{crn}/circumstances/new/"),
    ("practitioner", "/cases/{crn}/registrations/new/"),
    ("practitioner", "/cases/{crn}/registrations/{registration}/end/"),
    ("practitioner", "/cases/{crn}/registrations/{registration}/review/"),
    ("practitioner", "/cases/{crn}/assessment/new/"),
    ("practitioner", "/cases/{crn}/handover/"),
    ("practitioner", "/accounts/password/"),
    ("manager", "/cases/{crn}/limited-access/"),
    ("manager", "/cases/{crn}/audit/"),
    ("manager", "/audit/"),
    ("head", "/cases/{crn}/subject-access/"),
    ("nobody", "/accounts/login/"),
    ("nobody", "/no-such-page/"),
]


@pytest.mark.parametrize(("who", "path"), PAGES)
def test_the_page_reflows_at_320px(
    live_server: LiveServer, page: Page, practitioner, team, who, path
) -> None:
    case = case_with_everything(practitioner)
    registration = Registration.objects.filter(person=case).current().first()
    users = {
        "practitioner": practitioner,
        "manager": StaffFactory(team=team, grade=Grade.SPO, role=Role.MANAGER),
        "head": head_of_delivery_unit(team),
    }
    if who in users:
        sign_in(page, live_server.url, users[who].user)
    page.set_viewport_size({"width": 320, "height": 800})
    url = path.format(crn=case.crn, registration=registration.pk if registration else 0)
    page.goto(f"{live_server.url}{url}")
    assert "Page not found" not in page.title() or "no-such-page" in url
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
