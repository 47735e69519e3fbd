"""Builds `CaseFacts` from the database for a batch of people in a fixed number of queries."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from caseload.contacts.domain import ContactFact
from caseload.contacts.models import Contact
from caseload.derived.facts import (
    AssessmentFacts,
    CaseFacts,
    CircumstanceFacts,
    CriminalHistoryFacts,
    RegistrationFacts,
    RequirementFacts,
    SentenceFacts,
    case_facts,
)
from caseload.people.models import Event, Person, Sentence
from caseload.risk.models import Assessment, Registration, RegistrationReview


def _people_with_facts(person_ids: list[int]):  # type: ignore[no-untyped-def]
    return (
        Person.objects.filter(pk__in=person_ids)
        .select_related("criminal_history")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.select_related("sentence").prefetch_related(
                    "sentence__requirements"
                ),
            ),
            Prefetch(
                "registrations",
                queryset=Registration.objects.prefetch_related(
                    Prefetch(
                        "reviews",
                        queryset=RegistrationReview.objects.only("reviewed_on", "registration_id"),
                    )
                ),
            ),
            "circumstances",
            Prefetch("assessments", queryset=Assessment.objects.order_by("-completed_on", "-id")),
        )
    )


def _contact_facts(person_ids: list[int]) -> dict[int, list[ContactFact]]:
    """Contacts as plain tuples: the largest table, so no model instances are built."""
    found: dict[int, list[ContactFact]] = defaultdict(list)
    rows = Contact.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "contact_type", "happened_at", "outcome", "enforcement_action"
    )
    for person_id, contact_type, happened_at, outcome, action in rows:
        found[person_id].append(
            ContactFact(
                contact_type, timezone.localdate(happened_at), outcome or None, action or None
            )
        )
    return found


def _criminal_history(person: Person) -> CriminalHistoryFacts | None:
    history = getattr(person, "criminal_history", None)
    if history is None:
        return None
    return CriminalHistoryFacts(
        total_sanctions=history.total_sanctions,
        violent_sanctions=history.violent_sanctions,
        first_sanction_date=history.first_sanction_date,
        contact_adult_sexual_sanctions=history.contact_adult_sexual_sanctions,
        contact_child_sexual_sanctions=history.contact_child_sexual_sanctions,
        indecent_image_sanctions=history.indecent_image_sanctions,
        non_contact_sexual_offences=history.non_contact_sexual_offences,
        most_recent_sexual_offence_date=history.most_recent_sexual_offence_date,
    )


def _sentences(person: Person) -> list[SentenceFacts]:
    sentences = []
    for event in person.events.all():
        sentence = getattr(event, "sentence", None)
        if sentence is None:
            continue
        requirements = tuple(
            RequirementFacts(
                r.category,
                r.length,
                r.length_unit,
                r.electronic_monitoring,
                r.start_date,
                r.end_date,
            )
            for r in sentence.requirements.all()
        )
        sentences.append(sentence_facts(sentence, requirements))
    return sentences


def sentence_facts(
    sentence: Sentence, requirements: tuple[RequirementFacts, ...] = ()
) -> SentenceFacts:
    """One sentence (with its event) as the pure rules read it."""
    event = sentence.event
    return SentenceFacts(
        event_number=event.number,
        offence_code=event.offence_code,
        offence_date=event.offence_date,
        conviction_date=event.conviction_date,
        sentence_type=sentence.sentence_type,
        sentence_date=sentence.sentence_date,
        release_date=sentence.release_date,
        termination_date=sentence.termination_date,
        requirements=requirements,
    )


def _facts(person: Person, as_at: date, contacts: list[ContactFact]) -> CaseFacts:
    return case_facts(
        crn=person.crn,
        date_of_birth=person.date_of_birth,
        sex=person.sex,
        as_at=as_at,
        criminal_history=_criminal_history(person),
        sentences=_sentences(person),
        registrations=(
            RegistrationFacts(
                r.register,
                r.category,
                r.level,
                r.registered_on,
                r.deregistered_on,
                reviewed_on=tuple(sorted(v.reviewed_on for v in r.reviews.all())),
                registration_id=r.pk,
            )
            for r in person.registrations.all()
        ),
        circumstances=(
            CircumstanceFacts(c.kind, c.status, c.start_date, c.end_date)
            for c in person.circumstances.all()
        ),
        assessments=(
            AssessmentFacts(a.completed_on, dict(a.answers)) for a in person.assessments.all()
        ),
        contacts=contacts,
    )


def load_case_facts(
    person_ids: Iterable[int], *, as_at: date | None = None
) -> dict[int, CaseFacts]:
    """Each person's facts as known on `as_at` (today by default), keyed by person id."""
    day = as_at or timezone.localdate()
    ids = list(person_ids)
    contacts = _contact_facts(ids)
    return {p.pk: _facts(p, day, contacts.get(p.pk, [])) for p in _people_with_facts(ids)}
