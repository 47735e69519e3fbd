"""Snoozing an essential and marking it not applicable: a reason and an end, both bounded,
audited, read beside the cache and expiring by date without any job."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.core.errors import ActionInvalid, StaleEdit
from caseload.essentials.actions import (
    end_essential_override,
    mark_essential_not_applicable,
    snooze_essential,
)
from caseload.essentials.domain.essential import State
from caseload.essentials.models import EssentialOverride
from caseload.essentials.reading import essentials_for_case, overrides_on
from caseload.essentials.tests.helpers import with_essentials
from caseload.people.models import Person

pytestmark = pytest.mark.django_db


def _state(case, kind, day):
    return next(v for v in essentials_for_case(case, today=day) if v.kind == kind)


def _problems(error):
    return {(p.field, p.rule) for p in error.value.problems}


def test_a_snoozed_essential_is_read_as_snoozed_until_its_day_then_overdue_again(
    case, practitioner
):
    with_essentials(case, practitioner.user)
    today = timezone.localdate()
    assert _state(case, "home_visit", today).state is State.OVERDUE
    snooze_essential(
        case.crn,
        acting_user=practitioner.user,
        kind="home_visit",
        reason="In hospital until next week",
        until=today + timedelta(days=7),
    )
    snoozed = _state(case, "home_visit", today)
    assert snoozed.state is State.SNOOZED
    assert snoozed.override.reason == "In hospital until next week"
    assert _state(case, "home_visit", today + timedelta(days=7)).state is State.SNOOZED
    assert _state(case, "home_visit", today + timedelta(days=8)).state is State.OVERDUE
    event = AuditEvent.objects.get(action="SNOOZE_ESSENTIAL")
    assert event.detail["kind"] == "home_visit"


def test_not_applicable_is_read_as_not_required_with_who_and_why(case, practitioner):
    with_essentials(case, practitioner.user)
    today = timezone.localdate()
    mark_essential_not_applicable(
        case.crn,
        acting_user=practitioner.user,
        kind="police_da_enquiry",
        reason="Lives alone; police confirmed no history",
        until=today + timedelta(days=90),
    )
    view = _state(case, "police_da_enquiry", today)
    assert view.state is State.NOT_REQUIRED
    assert view.reason.startswith("Not applicable by Alice")


def test_it_refuses_an_override_without_a_reason_or_an_end(case, practitioner):
    with_essentials(case, practitioner.user)
    with pytest.raises(ActionInvalid) as refused:
        snooze_essential(
            case.crn, acting_user=practitioner.user, kind="home_visit", reason=" ", until=None
        )
    assert _problems(refused) == {("reason", "required"), ("until", "required")}
    assert not EssentialOverride.objects.exists()


def test_it_refuses_a_snooze_past_28_days_and_not_applicable_past_6_months(case, practitioner):
    with_essentials(case, practitioner.user)
    today = timezone.localdate()
    with pytest.raises(ActionInvalid) as too_long:
        snooze_essential(
            case.crn,
            acting_user=practitioner.user,
            kind="home_visit",
            reason="Away",
            until=today + timedelta(days=29),
        )
    assert _problems(too_long) == {("until", "too_late")}
    snooze_essential(
        case.crn,
        acting_user=practitioner.user,
        kind="home_visit",
        reason="Away",
        until=today + timedelta(days=28),
    )
    with pytest.raises(ActionInvalid) as half_a_year:
        mark_essential_not_applicable(
            case.crn,
            acting_user=practitioner.user,
            kind="police_da_enquiry",
            reason="No",
            until=today + timedelta(days=200),
        )
    assert _problems(half_a_year) == {("until", "too_late")}


def test_it_refuses_to_set_aside_an_essential_that_is_not_due_or_already_set_aside(
    case, practitioner
):
    cached = with_essentials(case, practitioner.user)
    today = timezone.localdate()
    done = next(kind for (kind, _), row in cached.items() if row.state == "done")
    with pytest.raises(ActionInvalid) as not_due:
        snooze_essential(
            case.crn, acting_user=practitioner.user, kind=done, reason="x", until=today
        )
    assert _problems(not_due) == {("kind", "not_due")}
    snooze_essential(
        case.crn, acting_user=practitioner.user, kind="home_visit", reason="x", until=today
    )
    with pytest.raises(ActionInvalid) as twice:
        snooze_essential(
            case.crn, acting_user=practitioner.user, kind="home_visit", reason="y", until=today
        )
    assert _problems(twice) == {("kind", "already_overridden")}


def test_ending_an_override_lists_the_essential_again_and_a_stale_end_is_refused(
    case, practitioner
):
    with_essentials(case, practitioner.user)
    today = timezone.localdate()
    row = snooze_essential(
        case.crn,
        acting_user=practitioner.user,
        kind="home_visit",
        reason="Away",
        until=today + timedelta(days=3),
    )
    with pytest.raises(StaleEdit):
        end_essential_override(
            case.crn, acting_user=practitioner.user, override_id=row.pk, expected_version=2
        )
    end_essential_override(
        case.crn, acting_user=practitioner.user, override_id=row.pk, expected_version=1
    )
    assert _state(case, "home_visit", today).state is State.OVERDUE
    with pytest.raises(ActionInvalid):
        end_essential_override(case.crn, acting_user=practitioner.user, override_id=row.pk)
    assert AuditEvent.objects.filter(action="END_ESSENTIAL_OVERRIDE").count() == 1


def test_a_manager_sees_every_override_in_force_in_the_team(case, practitioner, team):
    with_essentials(case, practitioner.user)
    today = timezone.localdate()
    snooze_essential(
        case.crn,
        acting_user=practitioner.user,
        kind="home_visit",
        reason="Away",
        until=today + timedelta(days=3),
    )
    [override] = overrides_on(Person.objects.in_team(team.pk, today), today=today)
    assert (override.crn, override.kind) == (case.crn, "home_visit")
    assert override.by_name.startswith("Alice")
    assert overrides_on(Person.objects.in_team(team.pk), today=today + timedelta(days=4)) == []
