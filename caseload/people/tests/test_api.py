"""GET /api/v1/cases and /api/v1/cases/{crn}."""

from django.utils import timezone

from caseload.access.models import ApiToken
from caseload.access.tokens import create_token, revoke_token
from caseload.contacts.actions import record_contact
from caseload.risk.actions import register_flag
from caseload.testing.factories import StaffFactory, case_held_by


def bearer(user):  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(user)}"}


def test_mine_lists_only_the_users_own_cases(client, practitioner, team):
    mine = [case_held_by(practitioner) for _ in range(3)]
    case_held_by(StaffFactory(team=team))
    response = client.get("/api/v1/cases?mine=true", **bearer(practitioner.user))
    data = response.json()
    assert response.status_code == 200
    assert data["count"] == 3
    assert sorted(i["crn"] for i in data["items"]) == sorted(p.crn for p in mine)
    everyone = client.get("/api/v1/cases", **bearer(practitioner.user)).json()
    assert everyone["count"] == 4


def test_the_list_is_paginated(client, practitioner):
    for _ in range(5):
        case_held_by(practitioner)
    data = client.get("/api/v1/cases?limit=2&offset=4", **bearer(practitioner.user)).json()
    assert (data["count"], len(data["items"])) == (5, 1)


def test_a_bad_query_parameter_is_a_422(client, practitioner):
    response = client.get("/api/v1/cases?limit=0", **bearer(practitioner.user))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "limit"


def test_the_record_holds_contacts_registrations_and_sentence(client, practitioner, case):
    record_contact(
        case.crn,
        acting_user=practitioner.user,
        contact_type="COAP",
        happened_at=timezone.now(),
        outcome="ATTC",
    )
    register_flag(
        case.crn, acting_user=practitioner.user, register="RMRH", registered_on=timezone.localdate()
    )
    record = client.get(f"/api/v1/cases/{case.crn}", **bearer(practitioner.user)).json()
    assert record["crn"] == case.crn
    assert len(record["contacts"]) == 1
    assert record["registrations"][0]["register"] == "RMRH"
    assert record["events"][0]["sentence"]["type"] == "CO"
    assert record["tier"]["v2"]


def test_it_refuses_a_practitioner_from_another_unit(client, outsider, case):
    assert client.get(f"/api/v1/cases/{case.crn}", **bearer(outsider.user)).status_code == 404


def test_a_revoked_token_stops_working(client, practitioner):
    token = create_token(practitioner.user)
    revoke_token(token[:8])
    assert client.get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_tokens_are_stored_only_as_hashes(practitioner):
    token = create_token(practitioner.user)
    stored = ApiToken.objects.get()
    assert token not in (stored.token_hash, stored.prefix) and stored.token_hash != token


def test_the_openapi_document_is_published(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    assert "/api/v1/cases/{crn}/contacts" in doc["paths"]
