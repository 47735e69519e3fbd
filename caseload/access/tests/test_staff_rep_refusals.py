"""The staff representative (issue 12, point 6): refused every case page and every case API
operation, with nothing of the case in the answer, and shown the anonymised aggregate.

The routes and their samples are the access matrix's (`test_matrix.py`): every URL and API
operation that names a case (a CRN in its path) or declares a case rule, tried with a valid
body where it takes one, on a case in each limited-access state.
"""

import json
from typing import Any

import pytest
from django.urls import reverse

from caseload.access.rules import Kind
from caseload.access.tests.test_matrix import (  # noqa: F401 (world is a fixture)
    BODIES,
    LAO_STATES,
    ROUTES,
    Route,
    _limit,
    _url,
    world,
)
from caseload.access.tokens import create_token
from caseload.organisation.constants import Role

REP = Role.STAFF_REP.value
CASE_KINDS = {Kind.CASE, Kind.CASE_WRITE, Kind.CASE_TASK}
CASE_ROUTES = [
    route
    for route in ROUTES
    if "crn" in route.path or (route.rule is not None and route.rule.kind in CASE_KINDS)
]


def test_the_walk_covers_the_case_pages_and_the_case_api():
    labels = {route.label for route in CASE_ROUTES}
    assert {
        "cases/<str:crn>/",
        "GET /api/v1/cases/{crn}",
        "POST /api/v1/cases/{crn}/contacts",
    } <= labels
    assert len(CASE_ROUTES) > 60


def _answer(client: Any, route: Route, url: str, user: Any) -> Any:
    if not route.api:
        client.force_login(user)
        return client.get(url)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {create_token(user)}"}
    if route.method == "GET":
        return client.get(url, **headers)
    body = BODIES.get((route.method, route.path), {})
    return client.generic(
        route.method, url, data=json.dumps(body), content_type="application/json", **headers
    )


@pytest.mark.parametrize("route", CASE_ROUTES, ids=str)
def test_the_staff_representative_is_refused_and_shown_nothing_of_the_case(client, world, route):  # noqa: F811
    case = world.case
    rep = world.staff[REP].user
    for state in LAO_STATES:
        _limit(world, REP, state)
        response = _answer(client, route, _url(route, world), rep)
        assert response.status_code in {403, 404}, f"{route} / {state}: {response.status_code}"
        body = response.content.decode()
        for detail in (case.first_name, case.last_name, str(case.date_of_birth)):
            assert detail not in body, f"{route} / {state} shows {detail!r}"
        assert f"{case.crn}" not in body.replace(_url(route, world), ""), f"{route} shows the CRN"


def test_the_staff_representative_sees_the_aggregate(client, world):  # noqa: F811
    rep = world.staff[REP].user
    client.force_login(rep)
    page = client.get(reverse("workload_aggregate"))
    assert page.status_code == 200 and "Workload figures" in page.content.decode()
    answer = client.get(
        "/api/v1/workload/aggregate", HTTP_AUTHORIZATION=f"Bearer {create_token(rep)}"
    )
    assert answer.status_code == 200 and answer.json()["delivery_units"]
    assert world.case.crn not in answer.content.decode()
    assert client.get(reverse("workload_evidence")).status_code == 200
