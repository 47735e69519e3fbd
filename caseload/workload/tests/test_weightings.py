"""Reading the reference data in force on a day into the pure rules' values."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from caseload.workload.domain.agreement import Task, TaskKind, agreed_minutes
from caseload.workload.domain.capacity import capacity_percent
from caseload.workload.domain.case_points import SEED_CASE_POINTS, CaseType, points_for_case
from caseload.workload.models import AgreementVersion, WeightingTable, WeightingVersion
from caseload.workload.seed import SEEDED_FROM
from caseload.workload.weightings import (
    NoneInForce,
    agreement_in_force,
    available_points_for,
    weightings_in_force,
)

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 1)


def test_the_seeded_weightings_are_the_national_tools_seed_values():
    weightings = weightings_in_force(TODAY)
    assert weightings.case_points == SEED_CASE_POINTS
    assert (weightings.reports.standard, weightings.reports.fast) == (138, 65)
    assert weightings.cms_points["CMS02"] == 13
    assert len(weightings.cms) == 36
    assert weightings.grades["PO"].nominal_target == 2176
    assert weightings.grades["SPO"].default_contracted_hours == 0
    assert [r.name for r in weightings.reduction_reasons][:2] == [
        "Disability",
        "Long Term Sickness Absence",
    ]


def test_a_practitioners_available_points_follow_the_real_time_grade_rules():
    weightings = weightings_in_force(TODAY)
    assert available_points_for("PO", Decimal(37), Decimal("1.8"), weightings) == 2070
    assert available_points_for("PSO", Decimal(30), Decimal("1.8"), weightings) == 1658
    assert available_points_for("SPO", Decimal(37), Decimal(0), weightings) == 0
    assert available_points_for("OTHER", Decimal(37), Decimal(0), weightings) == 0


def test_a_version_taking_effect_later_is_not_in_force_until_its_day():
    later = TODAY + timedelta(days=10)
    version = WeightingVersion.objects.create(
        table=WeightingTable.REPORTS, effective_from=later, note="Raised"
    )
    version.reports.create(report_type="STANDARD", points=200)
    version.reports.create(report_type="FAST", points=65)
    assert weightings_in_force(later - timedelta(days=1)).reports.standard == 138
    assert weightings_in_force(later).reports.standard == 200


def test_no_version_in_force_is_an_error_not_an_empty_table():
    with pytest.raises(NoneInForce, match="no points per case by tier and case type in force"):
        weightings_in_force(SEEDED_FROM - timedelta(days=1))
    with pytest.raises(NoneInForce, match="no workload agreement in force on 31 March 2021"):
        agreement_in_force(SEEDED_FROM - timedelta(days=1))


def test_the_agreement_in_force_is_read_with_its_timings():
    agreement = agreement_in_force(timezone.localdate())
    assert agreement.responsive_share_percent == Decimal(30)
    assert agreed_minutes(agreement, Task(TaskKind.CONTACT, "CHVS")) == 60 + 15 + 40
    assert agreed_minutes(agreement, Task(TaskKind.ESSENTIAL, "rosh_assessment")) == 180
    assert AgreementVersion.objects.count() == 1


def test_the_seeded_points_give_the_allocation_screens_impact_example():
    points = points_for_case(
        weightings_in_force(TODAY).case_points, "B3", CaseType.CUSTODY, t2a=False
    )
    assert str(capacity_percent(500 + points, 1000)) == "55.900"
