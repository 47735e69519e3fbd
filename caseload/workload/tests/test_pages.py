"""The reference-data pages: anyone signed in reads the tables and the agreement; only a user
who may manage reference data adds a new dated version, copied from the one in force."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.organisation.constants import Grade, Role
from caseload.testing.factories import StaffFactory
from caseload.workload.models import AgreementVersion, WeightingTable, WeightingVersion
from caseload.workload.tables import TABLES_BY_SLUG

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():  # type: ignore[no-untyped-def]
    return StaffFactory(
        role=Role.ADMIN, grade=Grade.OTHER, user__username="ada", user__first_name="Ada"
    )


def date_fields(day, name="effective_from"):  # type: ignore[no-untyped-def]
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def current_values(client, url):  # type: ignore[no-untyped-def]
    """The form as it starts: every value of the version in force."""
    form = client.get(url).context["form"]
    return {name: form.initial.get(name) for name in form.fields if name.startswith("r")}


def test_a_practitioner_reads_the_points_per_case_and_the_agreement(client, practitioner):
    client.force_login(practitioner.user)
    points = client.get(reverse("workload_case-points"))
    assert points.status_code == 200
    assert "Points per case – caseload" in points.content.decode()
    assert b"Add a new version" not in points.content
    agreement = client.get(reverse("workload_agreement")).content.decode()
    assert "Office visit" in agreement and "Local estimate" in agreement
    assert "National Audit Office" in agreement


def test_it_refuses_a_new_version_to_anyone_who_may_not_manage_reference_data(
    client, practitioner, manager
):
    for user in (practitioner.user, manager.user):
        client.force_login(user)
        assert client.get(reverse("workload_new_grades")).status_code == 403
        assert client.post(reverse("workload_new_agreement"), {}).status_code == 403
    assert WeightingVersion.objects.filter(table="grades").count() == 1


def test_a_new_version_copies_the_one_in_force_with_the_values_changed(client, admin):
    client.force_login(admin.user)
    url = reverse("workload_new_reports")
    values = current_values(client, url)
    values["r0_points"] = 150
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(url, {**values, **date_fields(tomorrow), "note": "Agreed locally"})
    assert response.status_code == 302
    new = WeightingVersion.objects.filter(table=WeightingTable.REPORTS).latest("pk")
    assert (new.effective_from, new.author, new.note) == (tomorrow, admin.user, "Agreed locally")
    assert {r.report_type: r.points for r in new.reports.all()} == {"STANDARD": 150, "FAST": 65}
    assert new.reports.first().history.count() == 1
    entry = AuditEvent.objects.get(action="ADD_WORKLOAD_WEIGHTINGS")
    assert entry.detail["changes"] == [
        "Points for Pre-sentence report, standard delivery: 138 to 150"
    ]
    page = client.get(reverse("workload_reports")).content.decode()
    assert "Takes effect later" in page and "In force" in page


def test_a_past_version_can_be_shown_again_with_what_it_changed(client, admin):
    client.force_login(admin.user)
    url = reverse("workload_new_grades")
    values = current_values(client, url)
    values["r0_nominal_target"] = 2200
    today = timezone.localdate()
    client.post(url, {**values, **date_fields(today), "note": "Raised"})
    new = WeightingVersion.objects.filter(table="grades").latest("pk")
    page = client.get(reverse("workload_grades"), {"version": new.pk}).content.decode()
    assert "Nominal target (points a week) for Probation Officer: 2,176 to 2,200" in page
    assert client.get(reverse("workload_grades"), {"version": "999999"}).status_code == 404
    assert client.get(reverse("workload_grades"), {"version": "x"}).status_code == 404


def test_it_refuses_to_back_date_a_version_naming_the_field_and_the_rule(client, admin):
    client.force_login(admin.user)
    url = reverse("workload_new_reports")
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        url, {**current_values(client, url), **date_fields(yesterday), "note": "Late"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "The date it takes effect must be today or in the future" in body
    assert WeightingVersion.objects.filter(table="reports").count() == 1


def test_it_refuses_a_bad_value_naming_its_row_and_the_rule(client, admin):
    client.force_login(admin.user)
    url = reverse("workload_new_case-points")
    values = current_values(client, url)
    values["r0_points"] = "-3"
    values["r1_points"] = "many"
    today = timezone.localdate()
    response = client.post(url, {**values, **date_fields(today), "note": "Typo"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Points for A3, community, main table must be between 0 and 100,000" in body
    assert "Points for A2, community, main table must be a whole number" in body
    assert 'href="#id_r0_points"' in body
    assert WeightingVersion.objects.filter(table="case_points").count() == 1


def test_a_reduction_reason_may_have_no_allowance(client, admin):
    client.force_login(admin.user)
    url = reverse("workload_new_reduction-reasons")
    values = {k: ("" if v is None else v) for k, v in current_values(client, url).items()}
    values = {k: v for k, v in values.items() if v is not False}  # unticked boxes are not sent
    values["r1_allowance_percent"] = "90"
    today = timezone.localdate()
    response = client.post(url, {**values, **date_fields(today), "note": "Sickness at 90%"})
    assert response.status_code == 302, response.content.decode()[:2000]
    new = WeightingVersion.objects.filter(table="reductions").latest("pk")
    rows = list(new.reduction_reasons.order_by("position"))
    assert rows[0].allowance_percent is None
    assert rows[1].allowance_percent == 90
    assert len(rows) == 26


def test_a_new_agreement_marks_a_changed_timing_as_a_local_estimate(client, admin):
    client.force_login(admin.user)
    url = reverse("workload_new_agreement")
    values = current_values(client, url)
    values["r0_minutes"] = 50
    today = timezone.localdate()
    response = client.post(
        url,
        {
            **values,
            **date_fields(today),
            "note": "Office visits take longer",
            "responsive_share_percent": "25",
        },
    )
    assert response.status_code == 302
    new = AgreementVersion.objects.latest("pk")
    assert new.author == admin.user
    office = new.timings.get(code="COAP")
    assert (office.minutes, office.local_estimate) == (50, True)
    entry = AuditEvent.objects.get(action="ADD_WORKLOAD_AGREEMENT")
    assert entry.detail["changes"] == [
        "Share for responsive work: 30% to 25%",
        "Minutes for Office visit: 45 to 50",
    ]
    page = client.get(reverse("workload_agreement")).content.decode()
    assert "Office visits take longer" in page and "25% on top" in page


def test_the_reference_data_page_lists_every_table_for_the_administrator(client, admin):
    client.force_login(admin.user)
    page = client.get(reverse("reference_data")).content.decode()
    for spec in TABLES_BY_SLUG.values():
        assert spec.title in page
    assert "Workload agreement" in page
