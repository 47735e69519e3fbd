"""Which cases wait for allocation, and who is offered them."""

from datetime import timedelta

from django.utils import timezone

from caseload.allocation.models import Absence
from caseload.allocation.reading import LOOK_AHEAD_DAYS, candidates, waiting_cases
from caseload.testing.factories import AllocationFactory


def _away(staff, manager, starts_in_days):  # type: ignore[no-untyped-def]
    Absence.objects.create(
        staff=staff,
        kind="LEAVE",
        start_date=timezone.localdate() + timedelta(days=starts_in_days),
        recorded_by=manager.user,
    )


def test_cases_of_someone_leaving_within_a_month_are_listed(manager, practitioner, held):
    _away(practitioner, manager, LOOK_AHEAD_DAYS)
    assert [w.person for w in waiting_cases(manager.user, timezone.localdate())] == [held]


def test_cases_of_someone_away_much_later_are_not_listed_yet(manager, practitioner, held):
    _away(practitioner, manager, LOOK_AHEAD_DAYS + 1)
    assert waiting_cases(manager.user, timezone.localdate()) == []


def test_a_new_case_already_due_to_move_is_not_listed(manager, colleague, new_case):
    current = new_case.allocations.get()
    current.end_date = timezone.localdate() + timedelta(days=3)
    current.save()
    AllocationFactory(person=new_case, staff=colleague, start_date=current.end_date)
    assert waiting_cases(manager.user, timezone.localdate()) == []


def test_a_case_held_by_a_practitioner_who_is_not_away_is_not_listed(manager, held):
    assert waiting_cases(manager.user, timezone.localdate()) == []


def test_the_holder_is_shown_as_keeping_the_same_capacity(manager, practitioner, colleague, held):
    weight, found, holder = candidates(manager.user, held, timezone.localdate())
    alice = next(c for c in found if c.staff == practitioner)
    assert alice.holds_it and alice.points_after == alice.workload.points.capacity_percent
    bella = next(c for c in found if c.staff == colleague)
    assert bella.points_after > bella.workload.points.capacity_percent
    assert holder is not None and holder.staff == practitioner
    assert weight.tier == "C1"


def test_cases_allocated_in_the_last_seven_days_are_counted(manager, colleague, held):
    for days_ago in (0, 6, 7):
        AllocationFactory(
            staff=colleague, start_date=timezone.localdate() - timedelta(days=days_ago)
        )
    _, found, _ = candidates(manager.user, held, timezone.localdate())
    assert next(c for c in found if c.staff == colleague).allocated_recently == 2
