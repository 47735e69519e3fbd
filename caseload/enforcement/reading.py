"""One person's enforcement, read from the record for the actions and pages: the sentence, the
contacts and the enforcement facts as the pure rules take them, and the recall terms of a
consideration from the sentence and the registrations."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from caseload.contacts.domain import ContactFact
from caseload.contacts.models import Contact
from caseload.core.dates import in_force
from caseload.core.errors import FieldProblem
from caseload.derived.snapshot import sentence_facts
from caseload.enforcement.domain import (
    EnforcementFacts,
    EnforcementStep,
    RecallRecord,
    RecallTerms,
    custodial_months,
    enforcement_steps,
    recall_terms,
    validate_decision,
)
from caseload.enforcement.facts import enforcement_facts
from caseload.enforcement.models import RecallConsideration
from caseload.people.domain import SentenceFacts
from caseload.people.models import Person, Sentence
from caseload.risk.models import Registration


def sentence_on(person: Person, day: date) -> Sentence | None:
    """The most recent sentence in force on `day`."""
    sentences = Sentence.objects.filter(event__person=person).select_related("event")
    current = [s for s in sentences if in_force(s.sentence_date, s.termination_date, day)]
    return max(current, key=lambda s: (s.sentence_date, s.event.number), default=None)


def contact_fact(contact: Contact) -> ContactFact:
    return ContactFact(
        contact.contact_type,
        timezone.localtime(contact.happened_at).date(),
        contact.outcome or None,
        contact.enforcement_action or None,
    )


@dataclass(frozen=True)
class CaseEnforcement:
    sentence: Sentence | None
    contacts: tuple[ContactFact, ...]
    facts: EnforcementFacts

    @property
    def sentence_facts(self) -> SentenceFacts | None:
        return sentence_facts(self.sentence) if self.sentence else None

    def steps(self, today: date) -> tuple[EnforcementStep, ...]:
        return enforcement_steps(
            sentence=self.sentence_facts,
            contacts=self.contacts,
            enforcement=self.facts,
            as_at=today,
        )


def case_enforcement(
    person: Person, *, day: date, leaving_out: int | None = None
) -> CaseEnforcement:
    """The sentence in force on `day`, the person's contacts (but the one `leaving_out`) and
    their enforcement facts."""
    contacts = Contact.objects.filter(person=person).exclude(pk=leaving_out)
    return CaseEnforcement(
        sentence_on(person, day),
        tuple(contact_fact(c) for c in contacts),
        enforcement_facts([person.pk]).get(person.pk, EnforcementFacts()),
    )


def decision_problems(
    person: Person,
    *,
    decision: str | None,
    failure_at: datetime | None,
    reason: str,
    today: date,
    leaving_out: int | None = None,
    field: str = "enforcement_action",
    reason_field: str = "notes",
) -> list[FieldProblem]:
    """The enforcement rules for a decision on a failure (`validate_decision`), read against the
    case's record: what the contact form, the diary's outcome and the later decision all ask."""
    if not decision or failure_at is None:
        return []
    failure_on = timezone.localtime(failure_at).date()
    case = case_enforcement(person, day=failure_on, leaving_out=leaving_out)
    return validate_decision(
        decision=decision,
        failure_on=failure_on,
        reason=reason,
        sentence=case.sentence_facts,
        others=case.contacts,
        enforcement=case.facts,
        today=today,
        field=field,
        reason_field=reason_field,
    )


def _registrations_on(person: Person, day: date) -> Sequence[Registration]:
    return list(Registration.objects.filter(person=person).active_on(day))


def recall_record(
    person: Person, sentence: Sentence, *, recall_on: date, fresh_charge: bool
) -> RecallRecord:
    """What decides a recall's type and timing, from the sentence and the registrations in
    force on the recall date."""
    registrations = _registrations_on(person, recall_on)
    registers = {r.register for r in registrations}
    mappa = next((r.level for r in registrations if r.register == "MAPP"), "")
    return RecallRecord(
        recall_on=recall_on,
        date_of_birth=person.date_of_birth,
        custodial_months=custodial_months(sentence.length, sentence.length_unit),
        released_on=sentence.release_date,
        automatic_release_on=sentence.automatic_release_date,
        indeterminate="INLL" in registers,
        terrorist="RTAO" in registers,
        mappa_level=mappa,
        fresh_charge=fresh_charge,
    )


def recall_on(consideration: RecallConsideration) -> date:
    """The recall date: the day of the decision to recall; until then, the day considered."""
    if consideration.decided_at is not None:
        return timezone.localtime(consideration.decided_at).date()
    return consideration.considered_on


def terms_of(consideration: RecallConsideration) -> RecallTerms:
    return recall_terms(
        recall_record(
            consideration.person,
            consideration.sentence,
            recall_on=recall_on(consideration),
            fresh_charge=consideration.fresh_charge,
        )
    )
