"""Allocating a case, through the one case-write wrapper."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.core.errors import ActionInvalid, StaleEdit
from caseload.organisation.actions import allocate_case
from caseload.organisation.constants import Grade, Role
from caseload.organisation.models import Allocation
from caseload.people.models import Person
from caseload.testing.factories import StaffFactory


def today():
    return timezone.localdate()


def shown(case):
    """The current allocation as the manager allocating the case is shown it."""
    return case.allocations.latest_open().get().seen


def test_allocating_from_today_moves_the_case_at_once(practitioner, manager, case):
    colleague = StaffFactory(team=practitioner.team)
    allocate_case(
        case.crn,
        acting_user=manager.user,
        staff_id=colleague.pk,
        start_date=today(),
        replacing=shown(case),
    )
    assert list(Person.objects.allocated_to(colleague.pk)) == [case]
    assert not Person.objects.allocated_to(practitioner.pk).exists()
    entry = AuditEvent.objects.get(action="ALLOCATE_CASE")
    assert entry.detail == {"staff": colleague.officer_code}


def test_a_future_dated_allocation_takes_effect_on_its_start_date(practitioner, manager, case):
    colleague = StaffFactory(team=practitioner.team)
    start = today() + timedelta(days=7)
    allocate_case(
        case.crn,
        acting_user=manager.user,
        staff_id=colleague.pk,
        start_date=start,
        replacing=shown(case),
    )
    assert list(Person.objects.allocated_to(practitioner.pk)) == [case]
    assert not Person.objects.allocated_to(colleague.pk).exists()
    day_before = start - timedelta(days=1)
    assert list(Person.objects.allocated_to(practitioner.pk, day_before)) == [case]
    assert list(Person.objects.allocated_to(colleague.pk, start)) == [case]
    assert not Person.objects.allocated_to(practitioner.pk, start).exists()
    assert case.allocations.current().get().staff == practitioner


def test_it_refuses_someone_who_does_not_hold_cases(practitioner, manager, case):
    with pytest.raises(ActionInvalid) as refused:
        allocate_case(
            case.crn,
            acting_user=manager.user,
            staff_id=manager.pk,
            start_date=today(),
            replacing=shown(case),
        )
    assert [p.rule for p in refused.value.problems] == ["not_case_holding"]
    other = StaffFactory(team=practitioner.team, grade=Grade.OTHER, role=Role.ANALYST)
    with pytest.raises(ActionInvalid):
        allocate_case(
            case.crn,
            acting_user=manager.user,
            staff_id=other.pk,
            start_date=today(),
            replacing=shown(case),
        )
    assert Allocation.objects.get().staff == practitioner


def test_it_refuses_a_start_before_the_current_allocation_and_reports_every_problem(
    practitioner, manager, case
):
    current = case.allocations.get()
    with pytest.raises(ActionInvalid) as refused:
        allocate_case(
            case.crn,
            acting_user=manager.user,
            staff_id=None,
            start_date=current.start_date - timedelta(days=1),
            replacing=current.seen,
        )
    assert [(p.field, p.rule) for p in refused.value.problems] == [
        ("staff", "not_case_holding"),
        ("start_date", "before_current"),
    ]
    assert Allocation.objects.get().end_date is None


def test_a_practitioner_in_another_unit_cannot_allocate_the_case(outsider, practitioner, case):
    with pytest.raises(Exception, match="No case"):
        allocate_case(
            case.crn,
            acting_user=outsider.user,
            staff_id=outsider.pk,
            start_date=today(),
            replacing=shown(case),
        )


def test_an_allocation_made_from_an_older_view_of_the_case_is_refused(practitioner, manager, case):
    seen = shown(case)
    first, second = StaffFactory(team=practitioner.team), StaffFactory(team=practitioner.team)
    allocate_case(
        case.crn, acting_user=manager.user, staff_id=first.pk, start_date=today(), replacing=seen
    )
    with pytest.raises(StaleEdit) as refused:
        allocate_case(
            case.crn,
            acting_user=manager.user,
            staff_id=second.pk,
            start_date=today(),
            replacing=seen,
        )
    assert refused.value.record == "current allocation"
    assert refused.value.seen.summary.startswith(f"Allocated to {practitioner}")
    assert refused.value.recorded.summary.startswith(f"Allocated to {first}")
    assert list(Person.objects.allocated_to(first.pk)) == [case]
    assert Allocation.objects.count() == 2
