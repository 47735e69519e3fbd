"""record_contact: validates, writes atomically, audits, and refreshes derived values."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.contacts.actions import record_contact
from caseload.contacts.models import Contact
from caseload.core.errors import ActionInvalid


def test_it_records_a_contact_with_its_audit_entry(practitioner, case):
    when = timezone.now() - timedelta(hours=1)
    contact = record_contact(
        case.crn,
        acting_user=practitioner.user,
        contact_type="COAP",
        happened_at=when,
        outcome="ATTC",
        notes="Discussed work search.",
    )
    assert contact.person == case and contact.staff == practitioner
    assert contact.history.count() == 1
    audit = AuditEvent.objects.get(action="RECORD_CONTACT")
    assert (audit.user, audit.crn) == (practitioner.user, case.crn)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"happened_at": timezone.now() + timedelta(days=2)}, "happened_at"),
        ({"outcome": "NOPE"}, "outcome"),
        ({"contact_type": None}, "contact_type"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(practitioner, case, changes, field):
    fields = {
        "contact_type": "COAP",
        "happened_at": timezone.now() - timedelta(hours=1),
        "outcome": "ATTC",
    }
    with pytest.raises(ActionInvalid) as refused:
        record_contact(case.crn, acting_user=practitioner.user, **{**fields, **changes})
    assert field in {p.field for p in refused.value.problems}
    assert Contact.objects.count() == 0
    assert not AuditEvent.objects.filter(action="RECORD_CONTACT").exists()


def test_it_refuses_a_practitioner_from_another_unit(outsider, case):
    with pytest.raises(Http404):
        record_contact(
            case.crn,
            acting_user=outsider.user,
            contact_type="COAP",
            happened_at=timezone.now(),
            outcome="ATTC",
        )
    assert Contact.objects.count() == 0


def test_an_analyst_may_not_record_contacts(analyst, case):
    with pytest.raises(Http404):
        record_contact(
            case.crn,
            acting_user=analyst.user,
            contact_type="COAP",
            happened_at=timezone.now(),
            outcome="ATTC",
        )


def test_a_refused_write_is_audited(outsider, case):
    with pytest.raises(Http404):
        record_contact(
            case.crn,
            acting_user=outsider.user,
            contact_type="COAP",
            happened_at=timezone.now(),
            outcome="ATTC",
        )
    refusal = AuditEvent.objects.get(user=outsider.user)
    assert (refusal.action, refusal.crn, refusal.outcome) == ("CHANGE_CASE", case.crn, "FAIL")
