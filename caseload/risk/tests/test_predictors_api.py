"""POST /api/v1/predictors/{name}, on a throwaway NinjaAPI without authentication."""

import json

import pytest
from ninja import NinjaAPI
from ninja.testing import TestClient

from caseload.risk.api import PREFIX, router

api = NinjaAPI(urls_namespace="predictors-test")
api.add_router(PREFIX, router)
client = TestClient(api)


def post(path: str, body: str) -> object:
    return client.post(path, data=body, content_type="application/json")  # type: ignore[arg-type]


def test_it_scores_a_request_like_the_command_line() -> None:
    response = post(
        "/predictors/ogp",
        json.dumps(
            {
                "isCurrentlyOfNoFixedAbodeOrTransientAccommodation": False,
                "isUnemployed": True,
                "regularOffendingActivities": "SOME_PROBLEMS",
                "currentDrugMisuse": "NO_PROBLEMS",
                "motivationToTackleDrugMisuse": "FULL_MOTIVATION",
                "problemSolvingSkills": "SOME_PROBLEMS",
                "awarenessOfConsequences": "SOMETIMES",
                "understandsOtherPeoplesViews": "NO_PROBLEMS",
                "proCriminalAttitudes": "SOME_PROBLEMS",
                "ogrs3TwoYear": 67,
                "unknownField": 1,
            }
        ),
    )
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.json() == {"points": 53, "oneYear": 40, "twoYear": 55, "band": "MEDIUM"}  # type: ignore[attr-defined]


def test_reference_errors_come_back_with_200() -> None:
    response = post("/predictors/arp", "{}")
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.json()["errors"][0]["type"] == "MISSING_MANDATORY_INPUT"  # type: ignore[attr-defined]


def test_an_unknown_predictor_is_404_json() -> None:
    response = post("/predictors/ogrs4", "{}")
    assert response.status_code == 404  # type: ignore[attr-defined]
    assert "ogrs4" in response.json()["detail"]  # type: ignore[attr-defined]


DEEPLY_NESTED = '{"a": ' * 100_000 + "1" + "}" * 100_000  # was a 500: RecursionError


@pytest.mark.parametrize(
    "body", ["[1, 2]", "not json", '"text"', "", pytest.param(DEEPLY_NESTED, id="deeply-nested")]
)
def test_a_body_that_is_not_a_json_object_is_400_json(body: str) -> None:
    response = post("/predictors/vrp", body)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert response.json()["errors"][0]["type"] == "INVALID_REQUEST"  # type: ignore[attr-defined]
