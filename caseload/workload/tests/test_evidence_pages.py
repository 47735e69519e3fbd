"""The actual against agreed report (page, CSV, API), the staff representative's aggregate
(page, API) and the establishment (page, action)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.access.tokens import create_token
from caseload.contacts.models import Contact
from caseload.core.errors import ActionInvalid
from caseload.organisation.constants import Grade, Role
from caseload.plans.actions import record_sentence_plan
from caseload.reports.actions import complete_report
from caseload.testing.factories import ReportFactory, StaffFactory, TeamFactory, case_held_by
from caseload.workload.actions import record_establishment
from caseload.workload.models import EstablishmentPosts


def contacts_with_minutes(practitioner, minutes, contact_type="COAP", days_ago=3):  # type: ignore[no-untyped-def]
    case = case_held_by(practitioner)
    at = timezone.now() - timedelta(days=days_ago)
    for spent in minutes:
        Contact.objects.create(
            person=case,
            contact_type=contact_type,
            happened_at=at,
            outcome="ATTC",
            actual_minutes=spent,
            staff=practitioner,
        )
    return case


def api(client, user, path):  # type: ignore[no-untyped-def]
    return client.get(path, HTTP_AUTHORIZATION=f"Bearer {create_token(user)}")


def test_the_report_compares_the_minutes_recorded_with_the_agreement(client, practitioner, manager):
    contacts_with_minutes(practitioner, [75] * 12)
    contacts_with_minutes(practitioner, [100, 120], contact_type="CHVS")
    client.force_login(manager.user)
    page = client.get(reverse("workload_evidence")).content.decode()
    assert "Office visit" in page and "60 min" in page  # 45 agreed + 15 recording
    assert "Takes about 15 minutes longer than agreed" in page
    assert "Too few to tell" in page and "2 of the 10 needed" in page
    assert practitioner.user.get_full_name() not in page


def test_the_report_filters_by_period_and_delivery_unit(client, practitioner, manager):
    contacts_with_minutes(practitioner, [30], days_ago=200)
    elsewhere = StaffFactory()
    contacts_with_minutes(elsewhere, [30])
    client.force_login(manager.user)
    page = client.get(reverse("workload_evidence")).content.decode()
    assert "0 contacts from" in page  # the old one is outside the 12 weeks; the other unit's too
    unit = practitioner.team.delivery_unit
    wider = client.get(
        reverse("workload_evidence"),
        {"delivery_unit": unit.code, "period_from_day": "1", "period_from_month": "1",
         "period_from_year": str(timezone.localdate().year - 1)},
    )  # fmt: skip
    assert "1 contact from" in wider.content.decode()


def test_a_bad_period_gets_the_error_summary_naming_the_field(client, manager):
    client.force_login(manager.user)
    response = client.get(
        reverse("workload_evidence"),
        {"period_from_day": "31", "period_from_month": "2", "period_from_year": "2026"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page and "From must be a real date" in page


def test_a_delivery_unit_outside_the_area_is_refused(client, manager):
    other = TeamFactory().delivery_unit
    client.force_login(manager.user)
    response = client.get(reverse("workload_evidence"), {"delivery_unit": other.code})
    assert response.status_code == 400


def test_the_csv_has_a_row_per_contact_type_and_is_audited(client, practitioner, manager):
    contacts_with_minutes(practitioner, [50, 70])
    client.force_login(manager.user)
    response = client.get(reverse("workload_evidence_csv"))
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("Contact type,Agreed minutes,Recorded,Median")
    assert any(line.startswith("Office visit,60,2,60,") for line in lines)
    assert AuditEvent.objects.filter(action="EXPORT_WORKLOAD_EVIDENCE").count() == 1


def test_the_evidence_api(client, practitioner, analyst):
    contacts_with_minutes(practitioner, [40, 50, 60])
    body = api(client, analyst.user, "/api/v1/workload/evidence").json()
    office = next(t for t in body["tasks"] if t["code"] == "COAP")
    assert (office["agreed_minutes"], office["recorded"], office["median_minutes"]) == (60, 3, 50)
    assert office["enough"] is False
    bad = api(client, analyst.user, "/api/v1/workload/evidence?from=2026-12-01&to=2026-11-01")
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "from"]


def test_a_practitioner_may_not_see_the_evidence(client, practitioner):
    client.force_login(practitioner.user)
    assert client.get(reverse("workload_evidence")).status_code == 403
    assert api(client, practitioner.user, "/api/v1/workload/evidence").status_code == 403


@pytest.fixture
def unit_of_seven(team):  # type: ignore[no-untyped-def]
    """Seven practitioners in the team, none holding a case (0%), and 9 PO posts."""
    for n in range(6):
        StaffFactory(team=team, user__username=f"po{n}")
    StaffFactory(team=team, grade=Grade.PSO, user__username="pso")
    admin = StaffFactory(team=team, grade=Grade.OTHER, role=Role.ADMIN, user__username="ada")
    record_establishment(
        acting_user=admin.user,
        team=team,
        grade=Grade.PO,
        posts=9,
        effective_from=timezone.localdate(),
    )
    return team


def test_the_staff_representative_sees_the_aggregate_without_names(client, rep, unit_of_seven):
    client.force_login(rep.user)
    response = client.get(reverse("workload_aggregate"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Practitioners by capacity" in page and "Vacancies against the establishment" in page
    assert "3 of 9 posts" in page
    for staff in unit_of_seven.staff.filter(role=Role.PRACTITIONER):
        assert staff.user.get_full_name() not in page and staff.user.username not in page


def test_the_aggregate_api_suppresses_small_numbers(client, rep, unit_of_seven):
    body = api(client, rep.user, "/api/v1/workload/aggregate").json()
    [unit] = body["delivery_units"]
    po, _, pso = unit["capacity"]
    assert po["bands"]["Under 80%"] == 6
    assert pso["bands"]["Under 80%"] == "[c]"  # one PSO: the row's total is under 5
    assert unit["does_not_fit_this_week"] == {
        "practitioners": 7,
        "with_work_not_fitting": 0,
        "hours": 0.0,
    }
    vacancies = {v["grade"]: v for v in unit["vacancies"]}
    assert vacancies["Probation Officer"] == {
        "grade": "Probation Officer", "posts": 9, "in_post": 6, "vacant": 3,
    }  # fmt: skip
    assert "po0" not in str(body)


def test_a_practitioner_may_not_see_the_aggregate(client, practitioner):
    client.force_login(practitioner.user)
    assert client.get(reverse("workload_aggregate")).status_code == 403
    assert api(client, practitioner.user, "/api/v1/workload/aggregate").status_code == 403


def test_an_administrator_records_posts_from_a_day_and_it_is_audited(client, team):
    admin = StaffFactory(team=team, grade=Grade.OTHER, role=Role.ADMIN, user__username="ada")
    client.force_login(admin.user)
    day = timezone.localdate() + timedelta(days=7)
    response = client.post(
        reverse("workload_new_establishment"),
        {"team": team.code, "grade": "PSO", "posts": "4", "effective_from_day": day.day,
         "effective_from_month": day.month, "effective_from_year": day.year},
    )  # fmt: skip
    assert response.status_code == 302
    row = EstablishmentPosts.objects.get()
    assert (row.posts, row.grade, row.effective_from) == (4, "PSO", day)
    assert AuditEvent.objects.filter(action="RECORD_ESTABLISHMENT").count() == 1
    page = client.get(reverse("workload_establishment")).content.decode()
    assert "Later" in page


def test_posts_cannot_be_back_dated_or_out_of_range(team):
    admin = StaffFactory(team=team, role=Role.ADMIN)
    with pytest.raises(ActionInvalid) as refused:
        record_establishment(
            acting_user=admin.user,
            team=team,
            grade="PO",
            posts=500,
            effective_from=timezone.localdate() - timedelta(days=1),
        )
    assert {p.field for p in refused.value.problems} == {"posts", "effective_from"}
    assert not EstablishmentPosts.objects.exists()


def test_a_bad_posts_form_names_the_field(client, team):
    admin = StaffFactory(team=team, grade=Grade.OTHER, role=Role.ADMIN)
    client.force_login(admin.user)
    response = client.post(reverse("workload_new_establishment"), {"team": team.code})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a grade" in page and "Enter the number of posts" in page


def test_a_head_of_unit_reads_the_posts_but_does_not_record_them(client, team):
    head = StaffFactory(team=team, grade=Grade.OTHER, role=Role.HEAD_OF_PDU)
    client.force_login(head.user)
    assert client.get(reverse("workload_establishment")).status_code == 200
    assert client.get(reverse("workload_new_establishment")).status_code == 403


def test_the_latest_figure_in_force_counts(team):
    admin = StaffFactory(team=team, role=Role.ADMIN)
    today = timezone.localdate()
    for posts, day in ((5, today), (7, today), (9, today + timedelta(days=30))):
        record_establishment(
            acting_user=admin.user, team=team, grade="PO", posts=posts, effective_from=day
        )
    [in_force] = EstablishmentPosts.objects.in_force(today).values()
    assert in_force.posts == 7


def test_the_minutes_a_report_took_are_set_against_its_agreed_minutes(
    client, practitioner, manager
):
    case = case_held_by(practitioner)
    for spent in (400, 420, 450):
        report = ReportFactory(person=case, kind="STANDARD")
        complete_report(
            case.crn,
            report.pk,
            acting_user=practitioner.user,
            expected_version=report.version,
            completed_on=timezone.localdate(),
            actual_minutes=spent,
        )
    client.force_login(manager.user)
    body = api(client, manager.user, "/api/v1/workload/evidence").json()
    [standard] = [t for t in body["tasks"] if t["code"] == "STANDARD"]
    assert standard["agreed_minutes"] == 360
    assert standard["recorded"] == 3 and standard["median_minutes"] == 420


def test_the_minutes_a_sentence_plan_took_are_set_against_the_essentials_agreed_minutes(
    client, practitioner, manager
):
    case = case_held_by(practitioner)
    for spent in (150, 160):
        record_sentence_plan(
            case.crn,
            acting_user=practitioner.user,
            completed_on=timezone.localdate(),
            contact_every_days=14,
            actual_minutes=spent,
        )
    body = api(client, manager.user, "/api/v1/workload/evidence").json()
    [plan] = [t for t in body["tasks"] if t["code"] == "initial_sentence_plan"]
    assert (plan["agreed_minutes"], plan["recorded"], plan["median_minutes"]) == (120, 2, 155)
