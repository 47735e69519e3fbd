"""The compliance section: per current sentence and over the last 12 months, from the
contacts (`caseload.compliance.domain`)."""

from dataclasses import dataclass, replace
from typing import Any

from django.utils import timezone

from caseload.compliance.domain import Compliance, EnforcementStep, compliance_since
from caseload.contacts.domain import ContactFact
from caseload.contacts.models import Contact
from caseload.core.dates import add_months, in_force
from caseload.enforcement.domain import BreachFact
from caseload.enforcement.models import Breach, RecallConsideration
from caseload.people.models import Person, Sentence
from caseload.people.record import CasePanel, CaseViewer, register_panel


@dataclass(frozen=True)
class SentenceCompliance:
    sentence: Sentence
    compliance: Compliance


def _fact(contact: Contact) -> ContactFact:
    return ContactFact(
        contact.contact_type,
        timezone.localtime(contact.happened_at).date(),
        contact.outcome or None,
        contact.enforcement_action or None,
    )


def _recall_decided(sentence: Sentence) -> EnforcementStep | None:
    """A decision to recall on the licence: the recall is under way (its end, the return to
    custody, is not recorded)."""
    recall = (
        RecallConsideration.objects.filter(sentence=sentence, decision="RECALL")
        .exclude(decided_at=None)
        .order_by("-decided_at")
        .first()
    )
    if recall is None or recall.decided_at is None:
        return None
    return EnforcementStep(timezone.localtime(recall.decided_at).date(), "Recall decided")


def compliance(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """A contact counts for a sentence when it is linked to the sentence's event, or linked to
    none and dated within the sentence."""
    today = timezone.localdate()
    contacts = list(person.contacts.all())
    breaches = list(Breach.objects.filter(person=person))
    current = [
        s
        for s in Sentence.objects.filter(event__person=person).select_related("event")
        if in_force(s.sentence_date, s.termination_date, today)
    ]
    by_sentence = []
    for sentence in current:
        facts = [
            _fact(c)
            for c in contacts
            if c.event_id == sentence.event_id
            or (
                c.event_id is None
                and in_force(
                    sentence.sentence_date,
                    sentence.termination_date,
                    timezone.localtime(c.happened_at).date(),
                )
            )
        ]
        own = [
            BreachFact(b.started_on, b.pack_sent_on, b.outcome, b.outcome_on)
            for b in breaches
            if b.sentence_id == sentence.pk
        ]
        figures = compliance_since(facts, since=sentence.sentence_date, breaches=own, today=today)
        recalled = _recall_decided(sentence)
        if figures.breach is None and recalled is not None:
            figures = replace(figures, breach=recalled)
        by_sentence.append(SentenceCompliance(sentence, figures))
    return {
        "compliance_by_sentence": by_sentence,
        "compliance_last_year": compliance_since(
            [_fact(c) for c in contacts],
            since=add_months(today, -12),
            breaches=[
                BreachFact(b.started_on, b.pack_sent_on, b.outcome, b.outcome_on) for b in breaches
            ],
            today=today,
        ),
    }


register_panel(
    CasePanel(
        "compliance", 10, "compliance/compliance_panel.html", compliance, section="compliance"
    )
)
