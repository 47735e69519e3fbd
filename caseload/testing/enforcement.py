"""Enforcement records on a case, for the tests that walk every page and operation: a failure
still "Decision pending", a breach started by an earlier failure, and a recall considered."""

from datetime import timedelta

from django.utils import timezone

from caseload.contacts.models import Contact
from caseload.enforcement.models import Breach, RecallConsideration
from caseload.people.models import Person, Sentence


def enforcement_records(person: Person) -> tuple[Contact, Breach, RecallConsideration]:
    now = timezone.now()
    sentence = Sentence.objects.filter(event__person=person).first()
    assert sentence is not None, "the case needs a sentence"
    pending = Contact.objects.create(
        person=person,
        contact_type="COAP",
        happened_at=now - timedelta(days=3),
        outcome="UAAB",
        enforcement_action="EA12",
    )
    started = Contact.objects.create(
        person=person,
        contact_type="COAP",
        happened_at=now - timedelta(days=30),
        outcome="AFTA",
        enforcement_action="IBR",
    )
    breach = Breach.objects.create(
        person=person,
        sentence=sentence,
        started_by=started,
        started_on=timezone.localtime(started.happened_at).date(),
        pack_sent_on=timezone.localdate() - timedelta(days=25),
    )
    recall = RecallConsideration.objects.create(
        person=person,
        sentence=sentence,
        considered_on=timezone.localdate(),
        why="RISK_INCREASED",
        recommended_type="STANDARD",
    )
    return pending, breach, recall
