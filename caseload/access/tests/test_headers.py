"""Every page and API response: not stored, framed by no one, and no inline script allowed."""

import pytest
from django.urls import reverse

from caseload.access.tests.test_tokens import get_cases
from caseload.access.tokens import create_token

NO_STORE = "max-age=0, no-cache, no-store, must-revalidate, private"


def csp_directives(response):  # type: ignore[no-untyped-def]
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_a_case_page_is_not_stored(client, practitioner, case):
    client.force_login(practitioner.user)
    response = client.get(reverse("case_detail", args=[case.crn]))
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE


def test_a_case_api_response_is_not_stored(client, practitioner, case):
    token = create_token(practitioner.user)
    response = client.get(f"/api/v1/cases/{case.crn}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE
    assert get_cases(client, token)["Cache-Control"] == NO_STORE


def test_static_files_may_be_cached(client):
    response = client.get("/static/caseload/body-classes.js")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("url", ["/accounts/login/", "/api/v1/openapi.json", "/no-such-page/"])
def test_every_response_forbids_inline_script_and_framing(client, url):
    response = client.get(url)
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_load_no_inline_script(client, practitioner, case):
    client.force_login(practitioner.user)
    page = client.get(reverse("case_detail", args=[case.crn])).content.decode()
    assert "<script>" not in page
    assert 'src="/static/caseload/body-classes.js"' in page


def test_only_the_api_documentation_may_show_inline_images(client):
    assert csp_directives(client.get("/api/v1/docs"))["img-src"] == ["'self'", "data:"]
    assert csp_directives(client.get("/accounts/login/"))["img-src"] == ["'self'"]
