"""Properties of the points model that hold for any figures, not only the examples."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from caseload.workload.domain.capacity import (
    available_points,
    capacity_percent,
    custom_round,
    potential_capacity_percent,
)
from caseload.workload.domain.case_points import (
    ALL_TIERS,
    SEED_CASE_POINTS,
    CaseType,
    points_for_case,
)
from caseload.workload.domain.reductions import (
    SEED_REASONS,
    Reduction,
    ReductionStatus,
    allowance_hours,
    counts_now,
)

POINTS = st.integers(min_value=0, max_value=10**7)
AVAILABLE = st.integers(min_value=1, max_value=10**6)
HOURS = st.decimals(min_value=0, max_value=80, places=2)


@given(POINTS, POINTS, AVAILABLE)
def test_capacity_never_falls_as_points_rise(total, more, available):
    assert capacity_percent(total + more, available) >= capacity_percent(total, available)


@given(POINTS, AVAILABLE, AVAILABLE)
def test_capacity_never_rises_as_available_points_rise(total, available, more):
    assert capacity_percent(total, available + more) <= capacity_percent(total, available)


@given(POINTS, AVAILABLE, POINTS)
def test_potential_capacity_is_capacity_after_adding_the_cases_points(total, available, case):
    assert potential_capacity_percent(total, available, case) == capacity_percent(
        total + case, available
    )


@given(POINTS, AVAILABLE, POINTS)
def test_a_case_already_held_leaves_capacity_as_it_is(total, available, case):
    held = potential_capacity_percent(total + case, available, case, already_held_points=case)
    assert held == capacity_percent(total + case, available)


@given(POINTS, AVAILABLE)
def test_capacity_keeps_three_decimals_or_is_a_plain_zero(total, available):
    shown = str(capacity_percent(total, available))
    assert shown == "0" or len(shown.split(".")[1]) == 3


@given(st.integers(0, 5000), HOURS, HOURS)
def test_available_points_never_fall_as_hours_rise(target, hours, more):
    default = Decimal(37)
    assert available_points(target, hours + more, default) >= available_points(
        target, hours, default
    )


@given(st.integers(0, 5000), HOURS)
def test_full_default_hours_give_the_whole_nominal_target(target, default):
    if default > 0:
        assert available_points(target, default, default) == target


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_custom_round_stays_within_one_of_the_number(value):
    assert abs(custom_round(value) - value) < 1


@given(st.integers(-(10**6), 10**6))
def test_custom_round_leaves_whole_numbers_as_they_are(value):
    assert custom_round(value) == value


@given(HOURS, st.one_of(st.none(), st.decimals(min_value=0, max_value=200, places=2)))
def test_an_allowance_is_never_more_than_the_contracted_hours(contracted, percent):
    assert allowance_hours(contracted, percent) <= contracted


@given(st.sampled_from(ALL_TIERS), st.sampled_from(list(CaseType)), st.booleans())
def test_every_v2_tier_has_points_and_unsupervised_tiers_carry_none_by_default(tier, kind, t2a):
    points = points_for_case(SEED_CASE_POINTS, tier, kind, t2a=t2a)
    assert points >= 0
    if tier.endswith("S"):
        assert points == 0


def test_untiered_cases_and_other_case_types_carry_no_points():
    assert points_for_case(SEED_CASE_POINTS, None, CaseType.COMMUNITY, t2a=False) == 0
    assert points_for_case(SEED_CASE_POINTS, "B", CaseType.COMMUNITY, t2a=False) == 0
    assert points_for_case(SEED_CASE_POINTS, "A3", "UNPAID_WORK", t2a=False) == 0
    assert points_for_case(SEED_CASE_POINTS, "A3", CaseType.LICENCE, t2a=False) == 219
    assert points_for_case(SEED_CASE_POINTS, "A3", CaseType.LICENCE, t2a=True) == 75


NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


@given(
    st.integers(-100, 100),
    st.one_of(st.none(), st.integers(-100, 100)),
    st.sampled_from(list(ReductionStatus)),
)
def test_a_reduction_counts_only_while_in_force_and_neither_archived_nor_deleted(
    starts, ends, status
):
    reduction = Reduction(
        Decimal(5),
        SEED_REASONS[0],
        NOW + timedelta(days=starts),
        None if ends is None else NOW + timedelta(days=ends),
        status,
    )
    in_force = starts < 0 and (ends is None or ends > 0)
    live = status not in (ReductionStatus.ARCHIVED, ReductionStatus.DELETED)
    assert counts_now(reduction, NOW) == (in_force and live)
