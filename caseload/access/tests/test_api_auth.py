"""API authentication: a bearer token or the browser session, whose CSRF check guards writes."""

from django.test import Client

from caseload.access.tokens import create_token

URL = "/api/v1/cases/{}/contacts"


def test_a_post_without_credentials_is_401_not_a_csrf_failure(db, case):
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL.format(case.crn), {}, content_type="application/json")
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_a_post_with_a_wrong_token_is_401(db, case):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        URL.format(case.crn), {}, content_type="application/json", HTTP_AUTHORIZATION="Bearer cl_x"
    )
    assert response.status_code == 401


def test_a_signed_in_session_posting_without_its_csrf_token_is_403(practitioner, case):
    client = Client(enforce_csrf_checks=True)
    client.force_login(practitioner.user)
    response = client.post(URL.format(case.crn), {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF check Failed"}


def test_a_token_needs_no_csrf_token(practitioner, case):
    client = Client(enforce_csrf_checks=True)
    token = create_token(practitioner.user)
    response = client.post(
        URL.format(case.crn),
        {},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 422
