"""The 12-week trend: each practitioner's points capacity at each of the last 12 Mondays, from
the record as it stood on that day."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caseload.organisation.models import Allocation
from caseload.testing.factories import StaffFactory, case_held_by
from caseload.tiering.models import TierChange
from caseload.workload.domain.trend import last_mondays
from caseload.workload.models import Reduction
from caseload.workload.practitioners import UK
from caseload.workload.trend import trend

pytestmark = pytest.mark.django_db

#: A PO on 37 hours has 2,176 available points; a B2 community case is 115 (seed values).
B2_OF_2176 = Decimal("5.300")


def _at(day):
    return datetime.combine(day, time(9), tzinfo=UK)


def _tiered(person, tier, on):
    TierChange.objects.create(
        person=person, changed_at=_at(on), framework="v2", new_tier=tier, cause="test"
    )


def _percents(row):
    return [point.capacity_percent for point in row.points]


def test_the_trend_runs_over_the_last_12_mondays_oldest_first():
    mondays = last_mondays(timezone.localdate())
    assert len(mondays) == 12 and all(m.weekday() == 0 for m in mondays)
    assert mondays == tuple(sorted(mondays))
    assert mondays[-1] > timezone.localdate() - timedelta(days=7)


def test_a_monday_before_any_tier_was_recorded_has_no_figure_and_later_ones_count_it(
    practitioner, manager
):
    today = timezone.localdate()
    mondays = last_mondays(today)
    case = case_held_by(practitioner)
    Allocation.objects.filter(person=case).update(start_date=mondays[0] - timedelta(days=30))
    _tiered(case, "B2", mondays[6] - timedelta(days=1))

    (row,) = trend([practitioner], manager.user, today).practitioners
    assert _percents(row) == [None] * 6 + [B2_OF_2176] * 6
    assert [p.untiered for p in row.points] == [1] * 6 + [0] * 6


def test_a_case_counts_only_on_the_mondays_it_was_held_and_its_tier_as_it_was_then(
    practitioner, manager
):
    today = timezone.localdate()
    mondays = last_mondays(today)
    case = case_held_by(practitioner)
    _tiered(case, "C1", mondays[0] - timedelta(days=60))
    _tiered(case, "B2", mondays[9] - timedelta(days=1))
    Allocation.objects.filter(person=case).update(start_date=mondays[4])
    found = trend([practitioner], manager.user, today)
    (row,) = found.practitioners
    c1 = Decimal("2.300")  # 50 of 2,176
    assert _percents(row) == [Decimal(0)] * 4 + [c1] * 5 + [B2_OF_2176] * 3
    assert [p.cases for p in row.points] == [0] * 4 + [1] * 8
    assert found.team[-1].capacity_percent == B2_OF_2176


def test_reductions_count_on_the_mondays_they_were_in_force(practitioner, manager):
    today = timezone.localdate()
    mondays = last_mondays(today)
    case = case_held_by(practitioner)
    Allocation.objects.filter(person=case).update(start_date=mondays[0])
    _tiered(case, "B2", mondays[0] - timedelta(days=1))
    Reduction.objects.create(
        staff=practitioner,
        hours=Decimal("18.5"),
        reason="Other",
        effective_from=mondays[2],
        effective_to=mondays[4],
        recorded_by=manager.user,
    )
    (row,) = trend([practitioner], manager.user, today).practitioners
    assert [p.available_points for p in row.points] == [2176, 2176, 1088, 1088] + [2176] * 8
    assert _percents(row)[2] == Decimal("10.600")


def test_contracted_hours_are_those_recorded_at_the_time(practitioner, manager):
    today = timezone.localdate()
    mondays = last_mondays(today)
    practitioner.history.update(history_date=_at(mondays[0] - timedelta(days=200)))
    practitioner.contracted_hours = Decimal("18.5")
    practitioner.save()
    practitioner.history.filter(contracted_hours=Decimal("18.5")).update(
        history_date=_at(mondays[8] - timedelta(days=1))
    )
    (row,) = trend([practitioner], manager.user, today).practitioners
    assert [p.available_points for p in row.points] == [2176] * 8 + [1088] * 4


def test_the_team_figure_is_everyones_points_over_everyones_available_points(
    practitioner, manager, team
):
    today = timezone.localdate()
    other = StaffFactory(team=team, user__username="bea")
    for staff, tier in ((practitioner, "B2"), (other, "A3")):
        _tiered(case_held_by(staff), tier, last_mondays(today)[0] - timedelta(days=1))
    found = trend([practitioner, other], manager.user, today)
    assert found.team[-1].total_points == 115 + 206
    assert found.team[-1].available_points == 2 * 2176
    assert found.team[-1].capacity_percent == Decimal("7.400")


def test_it_reads_a_fixed_number_of_queries_whatever_the_size_of_the_team(manager, team):
    today = timezone.localdate()

    def staff_with_cases(count):
        made = []
        for _ in range(count):
            staff = StaffFactory(team=team)
            for tier in ("B2", "C1"):
                _tiered(case_held_by(staff), tier, today - timedelta(days=120))
            made.append(staff)
        return made

    small = staff_with_cases(1)
    with CaptureQueriesContext(connection) as one:
        trend(small, manager.user, today)
    large = small + staff_with_cases(5)
    with CaptureQueriesContext(connection) as six:
        found = trend(large, manager.user, today)
    assert len(six) == len(one)
    assert all(p.cases == 2 for row in found.practitioners for p in row.points)


def test_a_case_the_reader_is_kept_out_of_is_not_counted(practitioner, manager):
    from caseload.access.models import LimitedAccess, LimitedAccessKind

    today = timezone.localdate()
    case = case_held_by(practitioner)
    _tiered(case, "B2", today - timedelta(days=200))
    LimitedAccess.objects.create(
        person=case,
        user=manager.user,
        kind=LimitedAccessKind.EXCLUSION,
        start_date=today - timedelta(days=400),
    )
    (row,) = trend([practitioner], manager.user, today).practitioners
    assert all(p.cases == 0 for p in row.points)


def test_the_trend_starts_when_the_weightings_do(practitioner, manager):
    from caseload.workload.models import WeightingVersion

    today = timezone.localdate()
    mondays = last_mondays(today)
    WeightingVersion.objects.update(effective_from=mondays[8])
    found = trend([practitioner], manager.user, today)
    assert found.mondays == mondays[8:]
    assert len(found.practitioners[0].points) == 4
