"""`POST /api/v1/tier`: the calculator over HTTP, answering as the command does."""

import json
from typing import Any

import pytest
from ninja.testing import TestClient

from caseload.tiering.api import router
from caseload.tiering.tests.helpers import v2_json, v3_json


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(router)


def post(client: TestClient, body: str) -> Any:
    return client.post("", data=body, content_type="application/json")


def test_it_returns_the_result_with_status_200(client: TestClient) -> None:
    response = post(client, json.dumps(v2_json(rsr=23, registrations=[{"code": "PRC"}])))
    assert response.status_code == 200
    assert response.json() == {
        "tier": "B2S",
        "protect": "B",
        "change": 2,
        "protect_points": 20,
        "change_points": 0,
        "provisional": None,
    }


def test_it_reads_numbers_exactly_so_rsr_ninety_nine_point_nine_nine_scores_nothing(
    client: TestClient,
) -> None:
    response = post(client, '{"model": "v2", "rsr": 99.99, "registrations": [], "convictions": []}')
    assert response.json()["protect_points"] == 0


def test_invalid_fields_give_422_naming_each_field(client: TestClient) -> None:
    response = post(client, json.dumps(v3_json(rosh="EXTREME", mappa_category="M9")))
    assert response.status_code == 422
    assert [error["fields"] for error in response.json()["errors"]] == [
        ["rosh"],
        ["mappa_category"],
    ]


def test_an_unsupported_combination_gives_422(client: TestClient) -> None:
    body = v3_json(dc_srp={"score": 0.59, "band": "MEDIUM"})
    response = post(client, json.dumps(body))
    assert response.status_code == 422
    assert response.json()["errors"][0]["type"] == "UNSUPPORTED_COMBINATION"


@pytest.mark.parametrize("body", ["", "not json", "[]", '"v2"', "{"])
def test_a_body_that_is_not_one_json_object_gives_422_not_500(
    client: TestClient, body: str
) -> None:
    response = post(client, body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["type"] == "INVALID_INPUT"


@pytest.fixture
def mounted_api() -> None:
    """The lead mounts the router in `caseload.urls`; other parts may still be in progress."""
    try:
        import caseload.urls  # noqa: F401
    except Exception as error:  # any failure of a part still being written
        pytest.skip(f"caseload.urls does not import yet: {error!r}")


@pytest.mark.usefixtures("mounted_api")
def test_the_mounted_endpoint_refuses_a_request_without_credentials() -> None:
    from django.test import Client

    response = Client().post("/api/v1/tier", data="{}", content_type="application/json")
    assert response.status_code == 401


@pytest.mark.usefixtures("mounted_api")
@pytest.mark.django_db
def test_the_mounted_endpoint_answers_a_signed_in_user_as_the_command_does() -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.create_user("tiering-test"))
    response = client.post(
        "/api/v1/tier", data=json.dumps(v3_json(stalking=True)), content_type="application/json"
    )
    assert (response.status_code, response.json()["tier"]) == (200, "F")
