"""Builds `CaseFacts` from the database for a batch of people in a fixed number of queries.

Every table is read as plain rows (`values_list`), never model instances: a national recompute
reads tens of millions of rows, and building a model (and a prefetch cache) for each cost more
than the rules that read them. Each query is ordered by person and then as the model's own
ordering (with the id to settle ties), so each person's facts come in a fixed order.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models.functions import TruncDate
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
from caseload.people.models import Circumstance, Person, Requirement, Sentence
from caseload.risk.models import Assessment, Registration, RegistrationReview

_HISTORY_FIELDS = (
    "total_sanctions",
    "violent_sanctions",
    "first_sanction_date",
    "contact_adult_sexual_sanctions",
    "contact_child_sexual_sanctions",
    "indecent_image_sanctions",
    "non_contact_sexual_offences",
    "most_recent_sexual_offence_date",
)


def _grouped(rows: Iterable[tuple[Any, ...]]) -> dict[int, list[tuple[Any, ...]]]:
    """Rows whose first column is the person id, grouped by it (the rest of each row kept)."""
    found: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for person_id, *rest in rows:
        found[person_id].append(tuple(rest))
    return found


def _contact_facts(person_ids: list[int]) -> dict[int, list[ContactFact]]:
    """Contacts as plain tuples, their day (in UK time) worked out by the database."""
    rows = (
        Contact.objects.filter(person_id__in=person_ids)
        .annotate(on=TruncDate("happened_at"))
        .order_by("person_id", "-happened_at", "-id")
        .values_list("person_id", "contact_type", "on", "outcome", "enforcement_action")
    )
    found: dict[int, list[ContactFact]] = defaultdict(list)
    for person_id, contact_type, on, outcome, action in rows:
        found[person_id].append(ContactFact(contact_type, on, outcome or None, action or None))
    return found


def _sentences(person_ids: list[int]) -> dict[int, list[SentenceFacts]]:
    requirements: dict[int, list[RequirementFacts]] = defaultdict(list)
    for sentence_id, *rest in (
        Requirement.objects.filter(sentence__event__person_id__in=person_ids)
        .order_by("sentence_id", "start_date", "id")
        .values_list(
            "sentence_id",
            "category",
            "length",
            "length_unit",
            "electronic_monitoring",
            "start_date",
            "end_date",
        )
    ):
        requirements[sentence_id].append(RequirementFacts(*rest))
    sentences: dict[int, list[SentenceFacts]] = defaultdict(list)
    for person_id, sentence_id, *rest in (
        Sentence.objects.filter(event__person_id__in=person_ids)
        .order_by("event__person_id", "-event__number")
        .values_list(
            "event__person_id",
            "pk",
            "event__number",
            "event__offence_code",
            "event__offence_date",
            "event__conviction_date",
            "sentence_type",
            "sentence_date",
            "release_date",
            "termination_date",
        )
    ):
        sentences[person_id].append(
            SentenceFacts(*rest, requirements=tuple(requirements.get(sentence_id, ())))
        )
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


def _registrations(person_ids: list[int]) -> dict[int, list[RegistrationFacts]]:
    reviews: dict[int, list[date]] = defaultdict(list)
    for registration_id, reviewed_on in RegistrationReview.objects.filter(
        registration__person_id__in=person_ids
    ).values_list("registration_id", "reviewed_on"):
        reviews[registration_id].append(reviewed_on)
    found: dict[int, list[RegistrationFacts]] = defaultdict(list)
    for person_id, pk, register, category, level, registered_on, deregistered_on in (
        Registration.objects.filter(person_id__in=person_ids)
        .order_by("person_id", "-registered_on", "-id")
        .values_list(
            "person_id", "pk", "register", "category", "level", "registered_on", "deregistered_on"
        )
    ):
        found[person_id].append(
            RegistrationFacts(
                register,
                category,
                level,
                registered_on,
                deregistered_on,
                reviewed_on=tuple(sorted(reviews.get(pk, ()))),
                registration_id=pk,
            )
        )
    return found


def load_case_facts(
    person_ids: Iterable[int], *, as_at: date | None = None
) -> dict[int, CaseFacts]:
    """Each person's facts as known on `as_at` (today by default), keyed by person id, in
    order of person id."""
    day = as_at or timezone.localdate()
    ids = list(person_ids)
    contacts = _contact_facts(ids)
    sentences = _sentences(ids)
    registrations = _registrations(ids)
    circumstances = _grouped(
        Circumstance.objects.filter(person_id__in=ids)
        .order_by("person_id", "-start_date", "-id")
        .values_list("person_id", "kind", "status", "start_date", "end_date")
    )
    assessments = _grouped(
        Assessment.objects.filter(person_id__in=ids)
        .order_by("person_id", "-completed_on", "-id")
        .values_list("person_id", "completed_on", "answers")
    )
    people = (
        Person.objects.filter(pk__in=ids)
        .order_by("pk")
        .values_list(
            "pk",
            "crn",
            "date_of_birth",
            "sex",
            "criminal_history__pk",
            *(f"criminal_history__{f}" for f in _HISTORY_FIELDS),
        )
    )
    return {
        pk: case_facts(
            crn=crn,
            date_of_birth=born,
            sex=sex,
            as_at=day,
            criminal_history=None if history is None else CriminalHistoryFacts(*counts),
            sentences=sentences.get(pk, ()),
            registrations=registrations.get(pk, ()),
            circumstances=(CircumstanceFacts(*c) for c in circumstances.get(pk, ())),
            assessments=(AssessmentFacts(on, dict(a)) for on, a in assessments.get(pk, ())),
            contacts=contacts.get(pk, ()),
        )
        for pk, crn, born, sex, history, *counts in people
    }
