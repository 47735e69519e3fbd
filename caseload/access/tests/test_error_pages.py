"""With DEBUG off, every error is a GOV.UK page: no one sees Django's own."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.urls("caseload.access.tests.error_urls")


def assert_gov_uk_page(response, status, heading):  # type: ignore[no-untyped-def]
    page = response.content.decode()
    assert response.status_code == status
    assert 'class="govuk-template"' in page
    assert '<header class="moj-header"' in page
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    assert "caseload</a>" in page  # the service name, even without a request context
    assert "Traceback" not in page and "Django" not in page


@pytest.fixture
def quiet_client(settings):  # type: ignore[no-untyped-def]
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def test_a_bad_request_is_a_gov_uk_400_page(quiet_client):
    response = quiet_client.get("/test-errors/400/")
    assert_gov_uk_page(response, 400, "Sorry, there is a problem with your request")


def test_a_refusal_is_a_gov_uk_403_page(quiet_client):
    response = quiet_client.get("/test-errors/403/")
    assert_gov_uk_page(response, 403, "You do not have access to this page")


def test_a_form_without_its_csrf_token_is_a_gov_uk_403_page(settings):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "alice", "password": "x"})
    assert_gov_uk_page(response, 403, "Your form could not be sent")


def test_a_missing_page_is_a_gov_uk_404_page(quiet_client):
    response = quiet_client.get("/no-such-page/")
    assert_gov_uk_page(response, 404, "Page not found")


def test_a_case_the_user_may_not_see_is_the_same_404_page(settings, outsider, case):
    settings.DEBUG = False
    client = Client()
    client.force_login(outsider.user)
    response = client.get(reverse("case_detail", args=[case.crn]))
    assert_gov_uk_page(response, 404, "Page not found")
    assert case.crn not in response.content.decode()


def test_a_failure_is_a_gov_uk_500_page(quiet_client):
    response = quiet_client.get("/test-errors/500/")
    assert_gov_uk_page(response, 500, "Sorry, there is a problem with the service")
    assert "something went wrong" not in response.content.decode()


@pytest.mark.urls("caseload.urls")
def test_a_missing_case_is_the_gov_uk_404_page(settings, practitioner):
    settings.DEBUG = False
    client = Client()
    client.force_login(practitioner.user)
    response = client.get(reverse("case_detail", args=["X999999"]))
    assert_gov_uk_page(response, 404, "Page not found")


@pytest.mark.urls("caseload.urls")
def test_a_missing_registration_is_the_gov_uk_404_page(settings, practitioner, case):
    settings.DEBUG = False
    client = Client()
    client.force_login(practitioner.user)
    for name in ("end_registration", "review_registration"):
        response = client.get(reverse(name, args=[case.crn, 2**31]))
        assert_gov_uk_page(response, 404, "Page not found")
        assert "<title>Page not found – caseload</title>" in response.content.decode()


@pytest.mark.urls("caseload.urls")
def test_an_unknown_address_is_the_gov_uk_404_page_signed_in_or_not(settings, practitioner):
    settings.DEBUG = False
    client = Client()
    assert_gov_uk_page(client.get("/no-such-page/"), 404, "Page not found")
    client.force_login(practitioner.user)
    response = client.get("/cases/X000001/no-such-section/")
    assert_gov_uk_page(response, 404, "Page not found")
