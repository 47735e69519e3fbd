"""`GET /api/v1/workload/practitioners`, `/practitioners/{username}` and `/does-not-fit`."""

import pytest

from caseload.testing.factories import StaffFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/workload"


def test_a_practitioner_sees_herself_with_both_models(client, practitioner, busy_week):
    client.force_login(practitioner.user)
    (row,) = client.get(f"{API}/practitioners").json()
    assert row["username"] == "alice"
    assert row["grade"] == practitioner.grade
    assert row["contracted_hours"] == 10.0
    assert row["points_capacity_percent"] == 28.1
    assert row["does_not_fit_hours"] == 1.9
    assert row["expected_hours_this_week"] == 11.6


def test_the_breakdown_lists_each_case_with_its_tier_type_and_points(
    client, practitioner, busy_week
):
    client.force_login(practitioner.user)
    body = client.get(f"{API}/practitioners/alice").json()
    assert body["total_points"] == 165
    assert body["available_points"] == 588
    assert body["reduction_hours"] == 0.0
    assert body["nominal_target"] == 2176
    assert body["cases"] == [
        {"crn": "X100001", "tier": "B2", "case_type": "COMMUNITY", "t2a": False, "points": 115},
        {"crn": "X100002", "tier": "C1", "case_type": "COMMUNITY", "t2a": False, "points": 50},
    ]
    assert len(body["weeks"]) == 5
    assert [line["agreed_minutes"] for line in body["this_week"]["lines"]] == [180, 180, 60, 115]


def test_the_does_not_fit_list_holds_the_line(client, manager, practitioner, busy_week):
    client.force_login(manager.user)
    body = client.get(f"{API}/does-not-fit", {"practitioner": "alice"}).json()
    assert [line["fits"] for line in body["lines"]] == [True, True, True, False]
    assert [line["running_minutes"] for line in body["lines"]] == [180, 360, 420, 535]
    assert body["does_not_fit_minutes"] == 115
    assert body["minutes_for_planned_work"] == 461


def test_a_manager_sees_the_team_and_not_another_team(client, manager, practitioner, outsider):
    client.force_login(manager.user)
    assert [row["username"] for row in client.get(f"{API}/practitioners").json()] == ["alice"]
    assert client.get(f"{API}/practitioners/oscar").status_code == 404
    assert client.get(f"{API}/does-not-fit", {"practitioner": "oscar"}).status_code == 404


def test_a_practitioner_does_not_see_a_colleague(client, practitioner, team):
    StaffFactory(team=team, user__username="bob")
    client.force_login(practitioner.user)
    assert client.get(f"{API}/practitioners/bob").status_code == 404


def test_it_refuses_a_staff_representative_every_workload_operation(client, rep, practitioner):
    client.force_login(rep.user)
    for url in (f"{API}/practitioners", f"{API}/practitioners/alice", f"{API}/does-not-fit"):
        response = client.get(url, {"practitioner": "alice"})
        assert response.status_code == 403
        assert "detail" in response.json()


def test_it_answers_422_without_a_practitioner(client, practitioner):
    client.force_login(practitioner.user)
    assert client.get(f"{API}/does-not-fit").status_code == 422


def test_a_manager_records_a_reduction_that_lowers_points_and_hours(client, manager, practitioner):
    client.force_login(manager.user)
    before = client.get(f"{API}/practitioners/alice").json()
    response = client.post(
        f"{API}/reductions",
        {
            "practitioner": "alice",
            "hours": "18.5",
            "reason": "Trade Union Facility Time",
            "effective_from": "2020-01-01",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["effective_to"] is None
    after = client.get(f"{API}/practitioners/alice").json()
    assert after["reduction_hours"] == 18.5
    assert after["available_points"] < before["available_points"]
    assert after["available_hours_this_week"] < before["available_hours_this_week"]


def test_a_reduction_with_an_expiry_ends_when_its_reason_says(client, manager, practitioner):
    client.force_login(manager.user)
    body = client.post(
        f"{API}/reductions",
        {"practitioner": "alice", "hours": 7, "reason": "VQ3", "effective_from": "2027-01-04"},
        content_type="application/json",
    ).json()
    assert body["effective_to"] == "2027-07-04"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"reason": "Gardening leave"}, "reason"),
        ({"effective_to": "2026-12-31"}, "effective_to"),
        ({"hours": 60}, "hours"),
    ],
)
def test_it_refuses_a_reduction_that_breaks_a_rule(client, manager, practitioner, change, field):
    client.force_login(manager.user)
    body = {"practitioner": "alice", "hours": 7, "reason": "Other", "effective_from": "2027-01-04"}
    response = client.post(f"{API}/reductions", {**body, **change}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == field


def test_it_refuses_a_reduction_to_a_practitioner(client, practitioner):
    client.force_login(practitioner.user)
    body = {"practitioner": "alice", "hours": 7, "reason": "Other", "effective_from": "2027-01-04"}
    response = client.post(f"{API}/reductions", body, content_type="application/json")
    assert response.status_code == 403


def _tiered_since_the_start_of_the_trend(person, tier):
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from caseload.organisation.models import Allocation
    from caseload.tiering.models import TierChange
    from caseload.workload.domain.trend import last_mondays
    from caseload.workload.practitioners import UK

    first = last_mondays(timezone.localdate())[0]
    Allocation.objects.filter(person=person).update(start_date=first - timedelta(days=7))
    at = datetime.combine(first - timedelta(days=1), time(9), tzinfo=UK)
    TierChange.objects.create(person=person, changed_at=at, framework="v2", new_tier=tier)


def test_the_trend_gives_each_practitioner_and_the_team_12_mondays(client, manager, practitioner):
    from caseload.testing.factories import case_held_by

    _tiered_since_the_start_of_the_trend(case_held_by(practitioner), "B2")
    client.force_login(manager.user)
    body = client.get(f"{API}/trend").json()
    assert len(body["weeks"]) == 12
    (alice,) = body["practitioners"]
    assert alice["username"] == "alice" and alice["team"] == practitioner.team.code
    assert [w["points_capacity_percent"] for w in alice["weeks"]] == [5.3] * 12
    assert body["weeks"][-1]["total_points"] == 115
    assert body["weeks"][-1]["untiered_cases"] == 0
    assert client.get(f"{API}/trend?team={practitioner.team.code}").status_code == 200


def test_the_trend_refuses_an_unknown_team_and_a_rep(client, manager, rep):
    client.force_login(manager.user)
    response = client.get(f"{API}/trend?team=NOPE")
    assert response.status_code == 404
    client.force_login(rep.user)
    assert client.get(f"{API}/trend").status_code == 403
