"""Allocating with a note, and recording an absence."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from caseload.access.audit import AuditEvent
from caseload.access.models import LimitedAccess
from caseload.allocation.actions import allocate_with_note, record_absence
from caseload.allocation.models import Absence
from caseload.contacts.models import Contact
from caseload.core.errors import ActionInvalid, StaleEdit
from caseload.core.versions import Seen
from caseload.organisation.models import Handover


def _seen(person):  # type: ignore[no-untyped-def]
    current = person.allocations.latest_open().first()
    return Seen(current.pk, current.version) if current else None


def test_allocating_records_the_decision_and_its_note_as_a_contact_and_the_handover(
    manager, practitioner, colleague, held
):
    allocation = allocate_with_note(
        held.crn,
        acting_user=manager.user,
        staff_id=colleague.pk,
        start_date=timezone.localdate(),
        replacing=_seen(held),
        note="Bella has room and knows the family",
    )
    assert allocation.staff == colleague
    contact = Contact.objects.get(person=held, contact_type="CAAL")
    assert contact.notes == "Bella has room and knows the family"
    assert contact.recorded_by == manager.user
    assert Handover.objects.get(allocation=allocation).handed_over_from.staff == practitioner
    event = AuditEvent.objects.filter(action="ALLOCATE_CASE").get()
    assert event.detail["contact_id"] == contact.pk


def test_it_refuses_an_empty_note_and_writes_nothing(manager, colleague, held):
    with pytest.raises(ActionInvalid) as refused:
        allocate_with_note(
            held.crn,
            acting_user=manager.user,
            staff_id=colleague.pk,
            start_date=timezone.localdate(),
            replacing=_seen(held),
            note="  ",
        )
    assert [p.field for p in refused.value.problems] == ["note"]
    assert held.allocations.count() == 1
    assert not Contact.objects.filter(contact_type="CAAL").exists()


def test_it_refuses_a_pso_for_a_tier_b_case(manager, pso, new_case):
    with pytest.raises(ActionInvalid) as refused:
        allocate_with_note(
            new_case.crn,
            acting_user=manager.user,
            staff_id=pso.pk,
            start_date=timezone.localdate(),
            replacing=_seen(new_case),
            note="Has room",
        )
    assert refused.value.problems[0].rule == "unsuitable"


def test_it_refuses_someone_excluded_from_the_case(manager, colleague, held):
    LimitedAccess.objects.create(
        person=held,
        kind="exclusion",
        user=colleague.user,
        start_date=timezone.localdate(),
        reason="Neighbour",
    )
    with pytest.raises(ActionInvalid, match="limited-access"):
        allocate_with_note(
            held.crn,
            acting_user=manager.user,
            staff_id=colleague.pk,
            start_date=timezone.localdate(),
            replacing=_seen(held),
            note="Has room",
        )


def test_it_refuses_a_practitioner_recorded_as_away(manager, colleague, held):
    Absence.objects.create(
        staff=colleague, kind="SICKNESS", start_date=timezone.localdate(), recorded_by=manager.user
    )
    with pytest.raises(ActionInvalid, match="Away"):
        allocate_with_note(
            held.crn,
            acting_user=manager.user,
            staff_id=colleague.pk,
            start_date=timezone.localdate(),
            replacing=_seen(held),
            note="Has room",
        )


def test_it_refuses_to_allocate_to_whoever_holds_it_already(manager, practitioner, held):
    with pytest.raises(ActionInvalid, match="already holds"):
        allocate_with_note(
            held.crn,
            acting_user=manager.user,
            staff_id=practitioner.pk,
            start_date=timezone.localdate(),
            replacing=_seen(held),
            note="No change",
        )


def test_it_refuses_an_allocation_made_since_the_manager_looked(manager, colleague, held):
    seen = _seen(held)
    allocate_with_note(
        held.crn,
        acting_user=manager.user,
        staff_id=colleague.pk,
        start_date=timezone.localdate(),
        replacing=seen,
        note="First",
    )
    with pytest.raises(StaleEdit):
        allocate_with_note(
            held.crn,
            acting_user=manager.user,
            staff_id=colleague.pk,
            start_date=timezone.localdate(),
            replacing=seen,
            note="Second",
        )
    assert Contact.objects.filter(contact_type="CAAL").count() == 1


def test_a_practitioner_may_not_allocate_cases(practitioner, colleague, held):
    with pytest.raises(Http404):
        allocate_with_note(
            held.crn,
            acting_user=practitioner.user,
            staff_id=colleague.pk,
            start_date=timezone.localdate(),
            replacing=_seen(held),
            note="Swap",
        )


def test_an_absence_is_recorded_with_history_and_audited(manager, practitioner):
    today = timezone.localdate()
    absence = record_absence(
        acting_user=manager.user,
        staff=practitioner,
        kind="LEAVING",
        start_date=today + timedelta(days=14),
        end_date=None,
    )
    assert absence.history.count() == 1
    event = AuditEvent.objects.get(action="RECORD_STAFF_ABSENCE")
    assert event.detail["practitioner"] == "alice"


def test_an_absence_must_end_after_it_starts(manager, practitioner):
    today = timezone.localdate()
    with pytest.raises(ActionInvalid):
        record_absence(
            acting_user=manager.user,
            staff=practitioner,
            kind="LEAVE",
            start_date=today,
            end_date=today,
        )
    assert not Absence.objects.exists()
