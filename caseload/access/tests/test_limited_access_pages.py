"""The limited-access page: managers change the lists; nobody else finds the page."""

from caseload.access.models import LimitedAccess
from caseload.testing.factories import StaffFactory


def test_the_manager_adds_an_exclusion_and_sees_it_listed(client, case, manager, team):
    colleague = StaffFactory(team=team, user__username="ben")
    client.force_login(manager.user)
    url = f"/cases/{case.crn}/limited-access/"
    response = client.post(
        url,
        {
            "kind": "exclusion",
            "username": "ben",
            "start_date_day": "1",
            "start_date_month": "12",
            "start_date_year": "2026",
            "reason": "His brother",
        },
    )
    assert response.status_code == 302
    assert LimitedAccess.objects.get().user == colleague.user
    page = client.get(url).content.decode()
    assert "In force now" in page and "(ben)" in page


def test_a_bad_username_is_shown_in_the_error_summary(client, case, manager):
    client.force_login(manager.user)
    response = client.post(
        f"/cases/{case.crn}/limited-access/",
        {
            "kind": "exclusion",
            "username": "nobody",
            "start_date_day": "1",
            "start_date_month": "12",
            "start_date_year": "2026",
            "reason": "x",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page and "Enter the username of an active member" in page
    assert not LimitedAccess.objects.exists()


def test_the_practitioner_is_told_they_do_not_have_access(client, case, practitioner):
    client.force_login(practitioner.user)
    response = client.get(f"/cases/{case.crn}/limited-access/")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


def test_a_manager_elsewhere_gets_not_found(client, case):
    from caseload.organisation.constants import Grade, Role

    elsewhere = StaffFactory(role=Role.MANAGER, grade=Grade.SPO)
    client.force_login(elsewhere.user)
    assert client.get(f"/cases/{case.crn}/limited-access/").status_code == 404


def test_the_case_page_says_the_case_has_limited_access(client, case, manager, team):
    StaffFactory(team=team, user__username="ben", user__first_name="Ben", user__last_name="Okoro")
    client.force_login(manager.user)
    client.post(
        f"/cases/{case.crn}/limited-access/",
        {
            "kind": "exclusion",
            "username": "ben",
            "start_date_day": "1",
            "start_date_month": "12",
            "start_date_year": "2026",
            "reason": "x",
        },
    )
    page = client.get(f"/cases/{case.crn}/").content.decode()
    assert "Limited access case" in page
    assert "Excluded from it:" in page and "Ben Okoro" in page
