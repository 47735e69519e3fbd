"""GET /api/v1/cases and /api/v1/cases/{crn}."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.models import ApiToken
from caseload.access.tokens import create_token, revoke_token
from caseload.contacts.actions import record_contact
from caseload.people.actions import record_circumstance_change
from caseload.people.personal_actions import add_personal_contact, record_address, record_disability
from caseload.risk.actions import deregister_flag, register_flag
from caseload.risk.predictors import PREDICTOR_NAMES
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


@pytest.mark.parametrize(
    "query",
    [
        "offset=9223372036854775808",  # 2**63: was a 500 (the database's integer overflowed)
        "offset=10000001",
        "limit=501",
        "q=Walker%00",  # PostgreSQL refuses NUL in a query
    ],
)
def test_a_query_out_of_bounds_is_a_422_not_a_500(client, practitioner, query):
    response = client.get(f"/api/v1/cases?{query}", **bearer(practitioner.user))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:1] == ["query"]


def test_the_deepest_page_is_served(client, practitioner, case):
    response = client.get("/api/v1/cases?offset=10000000", **bearer(practitioner.user))
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("crn", ["x000001", "X00001", "X0000011", "X%00"])
def test_a_malformed_crn_is_a_422(client, practitioner, crn):
    response = client.get(f"/api/v1/cases/{crn}", **bearer(practitioner.user))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "crn"]


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


def test_every_parts_router_is_mounted_at_its_prefix(client):
    paths = {
        path: sorted(ops)
        for path, ops in client.get("/api/v1/openapi.json").json()["paths"].items()
    }
    assert paths == {
        "/api/v1/cases": ["get"],
        "/api/v1/cases/{crn}": ["get"],
        "/api/v1/cases/{crn}/circumstances": ["get", "post"],
        "/api/v1/cases/{crn}/contacts": ["post"],
        "/api/v1/cases/{crn}/appointments": ["get", "post"],
        "/api/v1/cases/{crn}/appointments/{appointment_id}/cancel": ["post"],
        "/api/v1/cases/{crn}/appointments/{appointment_id}/outcome": ["post"],
        "/api/v1/cases/{crn}/appointments/{appointment_id}/reschedule": ["post"],
        "/api/v1/diary": ["get"],
        "/api/v1/cases/{crn}/registrations": ["post"],
        "/api/v1/cases/{crn}/personal-details": ["get"],
        "/api/v1/cases/{crn}/addresses": ["post"],
        "/api/v1/cases/{crn}/addresses/{address_id}/end": ["post"],
        "/api/v1/cases/{crn}/phone-and-email": ["post"],
        "/api/v1/cases/{crn}/personal-contacts": ["post"],
        "/api/v1/cases/{crn}/personal-contacts/{contact_id}/remove": ["post"],
        "/api/v1/cases/{crn}/disabilities": ["post"],
        "/api/v1/cases/{crn}/disabilities/{disability_id}/end": ["post"],
        "/api/v1/cases/{crn}/language": ["post"],
        "/api/v1/cases/{crn}/registrations/{registration_id}": ["get"],
        "/api/v1/cases/{crn}/enforcement": ["get"],
        "/api/v1/cases/{crn}/enforcement/failures/{failure_id}/decision": ["post"],
        "/api/v1/cases/{crn}/enforcement/failures/{failure_id}/breach-pack": ["post"],
        "/api/v1/cases/{crn}/enforcement/breaches/{breach_id}/outcome": ["post"],
        "/api/v1/cases/{crn}/enforcement/recalls": ["post"],
        "/api/v1/cases/{crn}/enforcement/recalls/{recall_id}/decision": ["post"],
        "/api/v1/cases/{crn}/enforcement/recalls/{recall_id}/countersign": ["post"],
        "/api/v1/cases/{crn}/enforcement/recalls/{recall_id}/part-a": ["post"],
        "/api/v1/cases/{crn}/registrations/{registration_id}/end": ["post"],
        "/api/v1/cases/{crn}/registrations/{registration_id}/review": ["post"],
        "/api/v1/cases/{crn}/essentials": ["get"],
        "/api/v1/cases/{crn}/essentials/overrides": ["post"],
        "/api/v1/cases/{crn}/essentials/overrides/{override_id}/end": ["post"],
        "/api/v1/essentials": ["get"],
        "/api/v1/cases/{crn}/enquiries": ["get", "post"],
        "/api/v1/cases/{crn}/enquiries/{enquiry_id}/response": ["post"],
        "/api/v1/cases/{crn}/reports": ["get", "post"],
        "/api/v1/cases/{crn}/reports/{report_id}/completion": ["post"],
        "/api/v1/allocation/cases/{crn}": ["post"],
        "/api/v1/allocation/cases/{crn}/candidates": ["get"],
        "/api/v1/allocation/reallocate/{username}": ["post"],
        "/api/v1/allocation/reallocate/{username}/proposal": ["post"],
        "/api/v1/allocation/unallocated": ["get"],
        "/api/v1/workload/trend": ["get"],
        "/api/v1/cases/{crn}/plans": ["get"],
        "/api/v1/cases/{crn}/sentence-plans": ["post"],
        "/api/v1/cases/{crn}/risk-management-plans": ["post"],
        "/api/v1/cases/{crn}/management-oversight": ["post"],
        "/api/v1/predictors/{name}": ["post"],
        "/api/v1/search": ["get"],
        "/api/v1/tier": ["post"],
        "/api/v1/cases/{crn}/arms-sara": ["post"],
        "/api/v1/workload/agreement": ["get"],
        "/api/v1/workload/practitioners": ["get"],
        "/api/v1/workload/practitioners/{username}": ["get"],
        "/api/v1/workload/does-not-fit": ["get"],
        "/api/v1/workload/reductions": ["post"],
        "/api/v1/workload/evidence": ["get"],
        "/api/v1/workload/aggregate": ["get"],
        "/api/v1/returns": ["get"],
        "/api/v1/returns/{return_name}": ["get"],
    }


RECORD_KEYS = {
    "": [
        "crn", "first_name", "last_name", "preferred_name", "date_of_birth", "sex", "withheld",
        "equality", "personal_details", "criminal_history", "allocation", "events", "registrations",
        "ended_registrations", "circumstances", "contacts", "predictors", "tier",
    ],
    "equality": [
        "gender_identity", "ethnicity", "religion", "sexual_orientation", "disability",
        "nationality", "preferred_language", "interpreter_required",
    ],
    "personal_details": [
        "addresses", "phone_and_email", "language", "personal_contacts", "disabilities",
    ],
    "personal_details.addresses[]": [
        "id", "version", "kind", "kind_label", "line_1", "line_2", "town", "postcode",
        "start_date", "end_date", "verified", "notes",
    ],
    "personal_details.phone_and_email": ["version", "mobile", "phone", "email"],
    "personal_details.language": ["preferred_language", "interpreter_required"],
    "personal_details.personal_contacts[]": [
        "id", "version", "kind", "kind_label", "name", "relationship", "phone", "address", "notes",
    ],
    "personal_details.disabilities[]": [
        "id", "version", "kind", "kind_label", "start_date", "end_date", "adjustments", "notes",
    ],
    "personal_details.disabilities[].adjustments[]": ["need", "label"],
    "criminal_history": [
        "total_sanctions", "violent_sanctions", "first_sanction_date", "sexual_offence_history",
    ],
    "allocation": ["staff", "officer_code", "team", "start_date"],
    "events[]": [
        "number", "offence_code", "offence_description", "offence_date", "conviction_date",
        "court", "sentence",
    ],
    "events[].sentence": [
        "type", "type_label", "sentence_date", "length", "length_unit", "release_date",
        "licence_expiry_date", "termination_date", "requirements", "licence_conditions",
    ],
    "events[].sentence.requirements[]": [
        "category", "label", "length", "length_unit", "electronic_monitoring", "start_date",
        "end_date",
    ],
    "registrations[]": [
        "id", "register", "label", "category", "level", "registered_on", "deregistered_on", "notes",
    ],
    "ended_registrations[]": [
        "id", "register", "label", "category", "level", "registered_on", "deregistered_on", "notes",
    ],
    "circumstances[]": ["kind", "status", "label", "start_date", "end_date", "verified"],
    "contacts[]": [
        "id", "type", "type_label", "happened_at", "outcome", "enforcement_action", "notes",
        "sensitive",
    ],
    "predictors": list(PREDICTOR_NAMES),
    **{
        f"predictors.{name}": [
            "score", "one_year", "two_year", "points", "band", "type", "missing", "facts_as_at",
        ]
        for name in PREDICTOR_NAMES
    },
    "tier": [
        "primary_framework", "v2", "v2_protect_points", "v2_change_points", "v3",
        "v3_provisional", "reasons", "calculated_at",
    ],
}  # fmt: skip


def record_personal_details(case, user):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    record_address(
        case.crn,
        acting_user=user,
        kind="MAIN",
        line_1="1 Example Street",
        town="Sheffield",
        postcode="S1 2AB",
        start_date=today,
        replacing=None,
    )
    add_personal_contact(
        case.crn, acting_user=user, kind="GP", name="Dr Amir Shah", relationship="GP"
    )
    record_disability(
        case.crn, acting_user=user, kind="VISUAL", start_date=today, adjustments=["LARGE_PRINT"]
    )


def _keys_by_section(value: object, section: str = "") -> dict[str, list[str]]:
    """Every object's keys in order, by where it sits; a list is read from its first item."""
    if isinstance(value, list):
        return _keys_by_section(value[0], f"{section}[]") if value else {}
    if not isinstance(value, dict) or section == "tier.reasons":
        return {}
    found = {section: list(value)}
    for key, inner in value.items():
        found.update(_keys_by_section(inner, f"{section}.{key}" if section else key))
    return found


def test_the_record_keeps_the_same_shape(client, practitioner, case):
    """The record's JSON is a published contract: every section keeps its keys, in order."""
    today = timezone.localdate()
    record_contact(
        case.crn,
        acting_user=practitioner.user,
        contact_type="COAP",
        happened_at=timezone.now(),
        outcome="ATTC",
    )
    register_flag(case.crn, acting_user=practitioner.user, register="RMRH", registered_on=today)
    ended = register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="RCCO",
        registered_on=today - timedelta(days=30),
    )
    deregister_flag(
        case.crn,
        ended.pk,
        acting_user=practitioner.user,
        expected_version=ended.version,
        deregistered_on=today - timedelta(days=10),
        reason="Child protection plan closed",
    )
    record_circumstance_change(
        case.crn,
        acting_user=practitioner.user,
        kind="ACCOMMODATION",
        status="SETTLED",
        start_date=today,
        replacing=None,
    )
    record_personal_details(case, practitioner.user)
    record = client.get(f"/api/v1/cases/{case.crn}", **bearer(practitioner.user)).json()
    assert _keys_by_section(record) == RECORD_KEYS
