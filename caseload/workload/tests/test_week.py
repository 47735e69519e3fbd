"""A practitioner's week in hours and the line where their hours run out (pure)."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from caseload.workload.domain.case_points import CaseType
from caseload.workload.domain.caseload import case_type_of, is_t2a
from caseload.workload.domain.week import (
    Source,
    WeekTask,
    available_minutes,
    difference_in_words,
    fit_week,
    hours_in_words,
    planned_budget,
    priority,
    week_starting,
    week_totals,
)

MONDAY = date(2026, 11, 30)

tasks = st.builds(
    WeekTask,
    source=st.sampled_from(Source),
    what=st.sampled_from(["Office visit", "RoSH assessment", "Warning letter"]),
    crn=st.from_regex(r"[A-Z][0-9]{6}", fullmatch=True),
    person_name=st.just("A Person"),
    minutes=st.integers(0, 600),
    due_on=st.none() | st.dates(MONDAY - timedelta(days=30), MONDAY + timedelta(days=6)),
    overdue=st.booleans(),
    rosh=st.sampled_from(["", "LOW", "MEDIUM", "HIGH", "VERY_HIGH"]),
    tier=st.sampled_from(["", "A3", "A0", "B2", "D1"]),
)
shares = st.decimals(0, 100, places=1)


@given(st.lists(tasks, max_size=40), st.integers(0, 48 * 60), shares)
def test_the_running_total_never_falls(week, available, share):
    lines = fit_week(week, available, share).lines
    totals = [line.running_minutes for line in lines]
    assert totals == sorted(totals)
    assert (totals[-1] if totals else 0) == sum(task.minutes for task in week)


@given(st.lists(tasks, max_size=40), st.integers(0, 48 * 60), shares)
def test_nothing_above_the_line_exceeds_the_hours(week, available, share):
    fit = fit_week(week, available, share)
    above = sum(line.task.minutes for line in fit.above)
    assert above <= fit.budget_minutes
    assert float(above) * (1 + float(share) / 100) <= available + 1e-6


@given(st.lists(tasks, max_size=40), st.integers(0, 48 * 60), shares)
def test_there_is_one_line_and_the_list_for_the_manager_is_below_it(week, available, share):
    fit = fit_week(week, available, share)
    fits = [line.fits for line in fit.lines]
    assert fits == sorted(fits, reverse=True)
    above = sum(line.task.minutes for line in fit.above)
    assert fit.does_not_fit_minutes + above == fit.planned_minutes


@given(st.lists(tasks, min_size=2, max_size=40))
def test_overdue_work_comes_first(week):
    ordered = [line.task for line in fit_week(week, 0, Decimal(30)).lines]
    overdue = [task.overdue for task in ordered]
    assert overdue == sorted(overdue, reverse=True)
    assert ordered == sorted(week, key=priority)


def test_within_the_overdue_very_high_rosh_comes_before_high_and_a_higher_tier_first():
    def task(rosh: str, tier: str) -> WeekTask:
        return WeekTask(Source.ESSENTIAL, "x", f"{rosh}{tier}", "P", 10, MONDAY, True, rosh, tier)

    week = [task("HIGH", "A3"), task("VERY_HIGH", "B1"), task("HIGH", "B3"), task("HIGH", "A1")]
    ordered = [line.task.crn for line in fit_week(week, 600, Decimal(0)).lines]
    assert ordered == ["VERY_HIGHB1", "HIGHA3", "HIGHA1", "HIGHB3"]


def test_a_bank_holiday_takes_a_fifth_off_the_week():
    assert available_minutes(Decimal(37), Decimal(0), 5) == 37 * 60
    assert available_minutes(Decimal(37), Decimal(0), 4) == int(37 * 60 * 4 / 5)
    assert available_minutes(Decimal(37), Decimal(7), 5) == 30 * 60
    assert available_minutes(Decimal(10), Decimal(20), 5) == 0


def test_the_responsive_share_is_kept_back_from_the_hours_for_planned_work():
    assert planned_budget(1300, Decimal(30)) == 1000
    assert planned_budget(1300, Decimal(0)) == 1300


def test_weeks_start_on_monday():
    assert week_starting(date(2026, 12, 6)) == MONDAY
    assert week_starting(MONDAY) == MONDAY


def test_the_difference_between_the_two_models_is_said_in_words():
    week = [WeekTask(Source.APPOINTMENT, "Office visit", "X1", "P", 60 * 30, MONDAY)]
    totals = week_totals(MONDAY, week, 37 * 60, Decimal(30), 5)
    assert difference_in_words(Decimal("92.4"), totals) == (
        "Points say 92%; the diary and the essential work due come to 39 hours against "
        "37 hours available: the week does not fit."
    )
    assert hours_in_words(90) == "1.5 hours"
    assert hours_in_words(60) == "1 hour"


def test_the_case_type_comes_from_the_sentence_in_force():
    today = date(2026, 12, 1)
    assert case_type_of("CO", None, today) == CaseType.COMMUNITY
    assert case_type_of("SSO", None, today) == CaseType.COMMUNITY
    assert case_type_of("LIC", None, today) == CaseType.CUSTODY
    assert case_type_of("LIC", date(2026, 12, 2), today) == CaseType.CUSTODY
    assert case_type_of("LIC", today, today) == CaseType.LICENCE
    assert case_type_of("PSS", date(2026, 1, 1), today) == CaseType.LICENCE
    assert case_type_of(None, None, today) is None


def test_a_young_adult_aged_18_to_24_is_weighted_as_t2a():
    today = date(2026, 12, 1)
    assert is_t2a(date(2008, 12, 1), today)
    assert not is_t2a(date(2008, 12, 2), today)
    assert is_t2a(date(2002, 12, 2), today)
    assert not is_t2a(date(2001, 12, 1), today)
