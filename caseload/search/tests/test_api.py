"""GET /api/v1/search: the same search, as JSON, with 422 naming the field and rule."""

from datetime import date

from caseload.access.tokens import create_token
from caseload.testing.factories import case_held_by


def get(client, user, query):  # type: ignore[no-untyped-def]
    return client.get("/api/v1/search", query, HTTP_AUTHORIZATION=f"Bearer {create_token(user)}")


def test_it_answers_the_matching_cases_with_their_crns(client, practitioner):
    craig = case_held_by(
        practitioner, first_name="Craig", last_name="Begum", date_of_birth=date(1990, 4, 3)
    )
    case_held_by(practitioner, first_name="Amina", last_name="Khan")
    answer = get(client, practitioner.user, {"q": "Begum, Craig"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["count"] == 1
    assert body["items"] == [
        {
            "crn": craig.crn,
            "name": "Craig Begum",
            "date_of_birth": "1990-04-03",
            "practitioner": f"{practitioner.user.first_name} {practitioner.user.last_name}",
            "team": practitioner.team.name,
        }
    ]


def test_an_empty_query_is_a_422_naming_the_field(client, practitioner):
    answer = get(client, practitioner.user, {"q": "  "})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "q"]
    assert answer.json()["detail"][0]["type"] == "missing"


def test_a_missing_or_too_long_query_is_a_422(client, practitioner):
    assert get(client, practitioner.user, {}).status_code == 422
    assert get(client, practitioner.user, {"q": "x" * 101}).status_code == 422


def test_a_date_that_is_not_real_is_a_422_in_words(client, practitioner):
    answer = get(client, practitioner.user, {"q": "30/2/1990"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["msg"] == "30/2/1990 is not a real date of birth"


def test_it_finds_nothing_the_caller_may_not_see(client, outsider, practitioner):
    case_held_by(practitioner, last_name="Begum")
    assert get(client, outsider.user, {"q": "begum"}).json()["count"] == 0


def test_the_operation_is_in_the_openapi_document(client):
    doc = client.get("/api/v1/openapi.json").json()
    operation = doc["paths"]["/api/v1/search"]["get"]
    assert {"200", "401", "403", "422"} <= set(operation["responses"])
