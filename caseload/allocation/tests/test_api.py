"""Allocation over the API."""

import json

from django.utils import timezone

from caseload.access.tokens import create_token
from caseload.allocation.models import Absence
from caseload.contacts.models import Contact


def _auth(staff):  # type: ignore[no-untyped-def]
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(staff.user)}"}


def _post(client, url, body, staff):  # type: ignore[no-untyped-def]
    return client.post(url, json.dumps(body), content_type="application/json", **_auth(staff))


def test_the_unallocated_cases_are_listed_with_why(client, manager, practitioner, new_case, held):
    Absence.objects.create(
        staff=practitioner,
        kind="LEAVING",
        start_date=timezone.localdate(),
        recorded_by=manager.user,
    )
    found = client.get("/api/v1/allocation/unallocated", **_auth(manager)).json()
    assert [(row["crn"], row["why"]) for row in found] == [
        (new_case.crn, "new"),
        (held.crn, "LEAVING"),
    ]
    assert found[0]["tier"] == "B2"


def test_a_practitioner_is_refused_the_list(client, practitioner):
    assert client.get("/api/v1/allocation/unallocated", **_auth(practitioner)).status_code == 403


def test_the_candidates_come_in_the_national_order_with_before_and_after(
    client, manager, practitioner, colleague, pso, new_case
):
    found = client.get(
        f"/api/v1/allocation/cases/{new_case.crn}/candidates", **_auth(manager)
    ).json()
    grades = [p["grade"] for p in found["practitioners"]]
    assert grades == ["PO", "PO", "PSO"]
    pat = found["practitioners"][2]
    assert not pat["suitable"] and "tier A or B" in pat["unsuitable_because"]
    first = found["practitioners"][0]
    assert first["points_capacity_percent_after"] > first["points_capacity_percent"]


def test_a_case_is_allocated_with_its_note(client, manager, colleague, new_case):
    current = new_case.allocations.get()
    response = _post(
        client,
        f"/api/v1/allocation/cases/{new_case.crn}",
        {
            "staff": "bella",
            "note": "Bella has room",
            "start_date": timezone.localdate().isoformat(),
            "replacing": {"id": current.pk, "version": current.version},
        },
        manager,
    )
    assert response.status_code == 201, response.content
    assert response.json()["staff"] == "bella"
    assert Contact.objects.filter(person=new_case, contact_type="CAAL").exists()


def test_an_unsuitable_choice_is_a_422_naming_the_field(client, manager, pso, new_case):
    current = new_case.allocations.get()
    response = _post(
        client,
        f"/api/v1/allocation/cases/{new_case.crn}",
        {
            "staff": "pat",
            "note": "Has room",
            "start_date": timezone.localdate().isoformat(),
            "replacing": {"id": current.pk, "version": current.version},
        },
        manager,
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "staff"


def test_a_proposal_and_its_confirmation(client, manager, practitioner, colleague, held):
    proposal = _post(client, "/api/v1/allocation/reallocate/alice/proposal", {}, manager).json()
    assert proposal["fits"] and proposal["lines"][0]["to"] == "bella"
    results = _post(
        client,
        "/api/v1/allocation/reallocate/alice",
        {
            "lines": [{"crn": held.crn, "to": "bella"}, {"crn": "X999999", "to": "bella"}],
            "start_date": timezone.localdate().isoformat(),
            "note": "Alice is leaving",
        },
        manager,
    ).json()
    assert results == [
        {"crn": held.crn, "allocated": True, "problem": ""},
        {"crn": "X999999", "allocated": False, "problem": "No longer held by this practitioner"},
    ]


def test_the_proposal_of_someone_outside_the_team_is_not_found(client, manager, outsider):
    response = _post(client, "/api/v1/allocation/reallocate/oscar/proposal", {}, manager)
    assert response.status_code == 404
