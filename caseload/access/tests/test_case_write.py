"""The one case-write wrapper: access, one durable transaction, audit, history user, refresh."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from caseload.access.models import AuditEvent
from caseload.contacts.actions import record_contact
from caseload.contacts.models import Contact
from caseload.core.errors import ActionInvalid
from caseload.tiering.models import TierChange


def _record_office_visit(case, user, **fields):
    values = {
        "contact_type": "COAP",
        "happened_at": timezone.now() - timedelta(hours=1),
        "outcome": "ATTC",
    }
    return record_contact(case.crn, acting_user=user, **(values | fields))


def test_a_write_is_audited_under_the_action_s_name(practitioner, case):
    contact = _record_office_visit(case, practitioner.user)
    entry = AuditEvent.objects.get(action="RECORD_CONTACT")
    assert (entry.user, entry.crn, entry.outcome) == (practitioner.user, case.crn, "SUCCESS")
    assert entry.detail == {
        "contact_id": contact.pk,
        "type": "COAP",
        "outcome": "ATTC",
    }


def test_every_history_row_names_the_acting_user_even_without_a_web_request(practitioner, case):
    contact = _record_office_visit(case, practitioner.user)
    assert contact.history.get().history_user == practitioner.user


def test_a_refusal_is_audited_and_nothing_is_written(outsider, case):
    with pytest.raises(Http404):
        _record_office_visit(case, outsider.user)
    assert not Contact.objects.exists()
    refusal = AuditEvent.objects.get()
    assert (refusal.action, refusal.outcome, refusal.user) == ("CHANGE_CASE", "FAIL", outsider.user)


def test_bad_input_writes_nothing_not_even_its_audit_entry(practitioner, case):
    with pytest.raises(ActionInvalid):
        _record_office_visit(case, practitioner.user, outcome="NOT_A_CODE")
    assert not Contact.objects.exists()
    assert not AuditEvent.objects.filter(action="RECORD_CONTACT").exists()
    assert not TierChange.objects.exists()


def test_the_derived_values_are_refreshed_with_the_action_s_cause(practitioner, case):
    _record_office_visit(case, practitioner.user)
    assert set(TierChange.objects.values_list("cause", flat=True)) == {"contact recorded"}


@pytest.mark.django_db(transaction=True)
def test_an_action_is_its_own_transaction_and_refuses_to_run_inside_another(practitioner, case):
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        _record_office_visit(case, practitioner.user)
    assert not Contact.objects.exists()
