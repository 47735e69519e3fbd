"""The forecast, pure: doubling demand doubles the need; a 0% change changes nothing."""

from decimal import Decimal
from types import MappingProxyType

from hypothesis import given
from hypothesis import strategies as st

from caseload.workload.domain.case_points import CaseType
from caseload.workload.domain.forecast import (
    CaseDemand,
    Change,
    GradeSupply,
    TaskDemand,
    TimingChange,
    change_words,
    forecast,
)

GRADES = ("PO", "PSO", "PQIP")
TYPES = (CaseType.COMMUNITY, CaseType.LICENCE, CaseType.CUSTODY)
SUPPLY = (
    GradeSupply("PO", 2176, Decimal(37), Decimal("4.5")),
    GradeSupply("PSO", 2176, Decimal(37), Decimal(3)),
    GradeSupply("SPO", 2176, Decimal(0), Decimal(1)),
)
CASES = st.lists(
    st.builds(CaseDemand, st.sampled_from(GRADES), st.sampled_from(TYPES), st.integers(0, 250)),
    max_size=40,
)
TASKS = st.lists(
    st.builds(
        TaskDemand,
        st.sampled_from(GRADES),
        st.sampled_from(TYPES),
        st.sampled_from(("COAP", "CHVS", "rosh_assessment")),
        st.integers(0, 300),
    ),
    max_size=40,
)
SHARE = st.decimals(0, 50, places=1)
PLACES = Decimal("0.000001")


def _close(a, b):
    return a is None and b is None or a.quantize(PLACES) == b.quantize(PLACES)


@given(CASES, TASKS, SHARE)
def test_doubling_demand_doubles_the_need(cases, tasks, share):
    double = Change(Decimal(100), Decimal(100), Decimal(100))
    for grade in forecast(cases, tasks, SUPPLY, share, double).grades:
        before, after = grade.before, grade.after
        assert after.points == 2 * before.points
        assert _close(after.hours, 2 * before.hours)
        assert _close(after.fte_by_points, before.fte_by_points and 2 * before.fte_by_points)
        assert _close(after.fte_by_hours, before.fte_by_hours and 2 * before.fte_by_hours)


@given(CASES, TASKS, SHARE)
def test_a_0_percent_change_changes_nothing(cases, tasks, share):
    for grade in forecast(cases, tasks, SUPPLY, share, Change()).grades:
        assert grade.after == grade.before


def test_more_on_licence_scales_only_licence_cases():
    cases = [CaseDemand("PO", CaseType.LICENCE, 100), CaseDemand("PO", CaseType.COMMUNITY, 100)]
    tasks = [TaskDemand("PO", CaseType.LICENCE, "COAP", 60)]
    (po, *_) = forecast(cases, tasks, SUPPLY, Decimal(0), Change(Decimal(10))).grades
    assert (po.before.points, po.after.points) == (200, 210)
    assert (po.before.hours, po.after.hours) == (1, Decimal("1.1"))
    assert po.after.fte_by_points == Decimal(210) / 2176


def test_a_changed_timing_replaces_the_tasks_own_minutes_and_the_share_goes_on_top():
    tasks = [TaskDemand("PSO", None, "COAP", 60), TaskDemand("PSO", None, "CHVS", 115)]
    change = Change(timings=MappingProxyType({"COAP": TimingChange("Office visit", 45, 75)}))
    pso = forecast([], tasks, SUPPLY, Decimal(30), change).grades[1]
    assert pso.before.hours == Decimal(175) * Decimal("1.3") / 60
    assert pso.after.hours == Decimal(205) * Decimal("1.3") / 60
    assert change_words(change) == ["Office visit takes 75 minutes instead of 45"]


def test_a_grade_without_full_time_hours_has_no_staff_figure_and_says_why():
    found = forecast([CaseDemand("SPO", CaseType.COMMUNITY, 50)], [], SUPPLY, Decimal(30), Change())
    spo = found.grades[2]
    assert spo.grade == "SPO" and spo.before.fte_by_hours is None
    assert any("No staff figure is given for SPO" in words for words in found.assumptions)
    assert any("Reports being written count" in words for words in found.assumptions)


def test_the_change_is_said_in_words():
    change = Change(Decimal(10), Decimal("-5.5"))
    assert change_words(change) == [
        "10% more people on licence",
        "5.5% fewer people on a community sentence",
    ]
