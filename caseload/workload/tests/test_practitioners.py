"""Each practitioner's workload read from the record: the demo practitioner's week adds up."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.demo.seed import seed_delivery_unit
from caseload.derived.recompute import recompute_all
from caseload.essentials.models import EssentialDue
from caseload.organisation.models import Staff
from caseload.testing.factories import ReportFactory, case_held_by
from caseload.workload.domain.agreement import Task, TaskKind, agreed_minutes
from caseload.workload.domain.case_points import CaseType
from caseload.workload.domain.week import Source, planned_budget
from caseload.workload.practitioners import practitioners_for, workloads
from caseload.workload.weightings import agreement_in_force

KIND_OF_SOURCE = {
    Source.APPOINTMENT: TaskKind.CONTACT,
    Source.ESSENTIAL: TaskKind.ESSENTIAL,
    Source.REPORT: TaskKind.REPORT,
}


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    seed_delivery_unit(people=300, seed=11, password="a demo password", demo_users=True)
    recompute_all()
    return Staff.objects.select_related("user").get(user__username="practitioner")


def test_the_demo_practitioners_week_is_produced_and_its_hours_add_up_from_the_agreement(demo):
    """On half her hours the demo practitioner's week does not fit; every line's minutes are the
    agreement's, the running total adds them, and nothing above the line passes her hours."""
    demo.contracted_hours = Decimal("18.5")
    demo.save()
    today = timezone.localdate()
    (workload,) = workloads([demo], demo.user, today)
    week = workload.this_week
    agreement = agreement_in_force(today)
    assert workload.points.cases, "the demo practitioner holds cases"
    assert week.lines and week.below, "the demo week does not fit on 18.5 hours"
    for line in week.lines:
        kind = KIND_OF_SOURCE[line.task.source]
        assert line.task.minutes == agreed_minutes(agreement, Task(kind, line.task.code))
    running = 0
    for line in week.lines:
        running += line.task.minutes
        assert line.running_minutes == running
    assert week.does_not_fit_minutes == sum(line.task.minutes for line in week.below)
    assert week.planned_minutes == running
    budget = planned_budget(week.available_minutes, agreement.responsive_share_percent)
    assert sum(line.task.minutes for line in week.above) <= budget
    days = workload.weeks[0].working_days
    assert week.available_minutes == int(Decimal("18.5") * 60 * days / 5)
    assert all(week.monday.weekday() == 0 for week in workload.weeks)
    assert len(workload.weeks) == 5

    types = {case.case_type for case in workload.points.cases}
    assert types <= {CaseType.COMMUNITY, CaseType.LICENCE, CaseType.CUSTODY, None}
    case_points = sum(c.points for c in workload.points.cases)
    assert case_points > 0
    assert workload.points.report_points == 138 + 65, "a standard and a fast report to write"
    assert workload.points.total_points == case_points + workload.points.report_points
    assert workload.points.capacity_percent > 0

    manager = Staff.objects.select_related("user").get(user__username="manager")
    team = practitioners_for(manager.user)
    assert demo in team and len(team) > 1
    assert practitioners_for(demo.user) == [demo]
    with CaptureQueriesContext(connection) as queries:
        found = workloads(team, manager.user, today)
    assert len(found) == len(team)
    assert len(queries) < 40


def test_a_report_being_written_counts_in_points_and_in_the_week_it_is_needed(practitioner):
    """A standard delivery report needed this week is 360 agreed minutes in this week and its
    `sdr` points on the caseload; a parole report beyond the five weeks is neither."""
    today = timezone.localdate()
    case = case_held_by(practitioner, crn="X200001")
    ReportFactory(person=case, kind="STANDARD", due_on=today + timedelta(days=6 - today.weekday()))
    ReportFactory(person=case, kind="PAROLE", due_on=today + timedelta(weeks=8))
    ReportFactory(person=case, kind="FAST", completed_on=today)
    (workload,) = workloads([practitioner], practitioner.user, today)
    [line] = [line for line in workload.this_week.lines if line.task.source is Source.REPORT]
    agreement = agreement_in_force(today)
    assert line.task.minutes == agreed_minutes(agreement, Task(TaskKind.REPORT, "STANDARD"))
    assert line.task.what == "Pre-sentence report, standard delivery"
    assert workload.points.report_points == 138
    assert workload.points.total_points == workload.points.case_points + 138


def test_a_case_the_reader_is_kept_out_of_is_neither_weighed_nor_listed(practitioner, manager):
    today = timezone.localdate()
    shown, hidden = case_held_by(practitioner), case_held_by(practitioner)
    for person in (shown, hidden):
        EssentialDue.objects.create(
            person=person,
            kind="rosh_assessment",
            state="due",
            due_on=today - timedelta(days=1),
            reason="Due",
            facts_as_at=today,
        )
    LimitedAccess.objects.create(
        person=hidden, user=manager.user, kind=LimitedAccessKind.EXCLUSION, start_date=today
    )
    (theirs,) = workloads([practitioner], manager.user, today)
    (own,) = workloads([practitioner], practitioner.user, today)
    assert {line.task.crn for line in theirs.this_week.lines} == {shown.crn}
    assert [case.crn for case in theirs.points.cases] == [shown.crn]
    assert {line.task.crn for line in own.this_week.lines} == {shown.crn, hidden.crn}
