"""`load_case_facts`: a person's recorded facts, read from the database, as the pure rules see
them; each person in a batch gets their own, and nothing dated after the day is known."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from caseload.contacts.models import Contact
from caseload.derived.facts import (
    AssessmentFacts,
    CircumstanceFacts,
    ContactFact,
    CriminalHistoryFacts,
    RegistrationFacts,
    RequirementFacts,
    SentenceFacts,
)
from caseload.derived.snapshot import load_case_facts
from caseload.people.models import Circumstance, Person
from caseload.risk.models import Assessment, Registration
from caseload.testing.factories import (
    CriminalHistoryFactory,
    PersonFactory,
    RequirementFactory,
    SentenceFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
BORN = date(1988, 11, 23)


def days_ago(n: int) -> date:
    return TODAY() - timedelta(days=n)


def contact(person: Person, at: datetime, **fields: object) -> Contact:
    return Contact.objects.create(person=person, happened_at=at, **fields)


def recorded_case() -> Person:
    """Kyle Bennett: a community order for criminal damage with a RAR and a curfew that has
    ended, a PNC history, RoSH and MAPPA registrations, housing and work, three assessments
    and two contacts."""
    person = PersonFactory(
        crn="K123456", first_name="Kyle", last_name="Bennett", date_of_birth=BORN, sex="MALE"
    )
    CriminalHistoryFactory(
        person=person,
        total_sanctions=9,
        violent_sanctions=2,
        first_sanction_date=date(2003, 6, 30),
        contact_adult_sexual_sanctions=0,
        indecent_image_sanctions=1,
        most_recent_sexual_offence_date=date(2016, 2, 8),
    )
    sentence = SentenceFactory(
        event__person=person,
        event__number=2,
        event__offence_code="05800",
        event__offence_description="Other criminal damage",
        event__offence_date=days_ago(260),
        event__conviction_date=days_ago(150),
        sentence_type="CO",
        sentence_date=days_ago(140),
    )
    RequirementFactory(sentence=sentence, category="F", length=25, length_unit="DAYS")
    RequirementFactory(
        sentence=sentence,
        category="CUR",
        length=3,
        length_unit="MONTHS",
        electronic_monitoring=True,
        start_date=days_ago(139),
        end_date=days_ago(48),
    )
    Registration.objects.create(
        person=person, register="RMRH", registered_on=days_ago(120), deregistered_on=days_ago(30)
    )
    Registration.objects.create(person=person, register="RHRH", registered_on=days_ago(30))
    Registration.objects.create(
        person=person, register="MAPP", category="M1", level="M2", registered_on=days_ago(100)
    )
    Circumstance.objects.create(
        person=person,
        kind="ACCOMMODATION",
        status="TEMPORARY",
        start_date=days_ago(400),
        end_date=days_ago(60),
    )
    Circumstance.objects.create(
        person=person, kind="ACCOMMODATION", status="SETTLED", start_date=days_ago(60)
    )
    Circumstance.objects.create(
        person=person, kind="EMPLOYMENT", status="UNEMPLOYED", start_date=days_ago(200)
    )
    Assessment.objects.create(
        person=person, completed_on=days_ago(90), answers={"temperControl": "NO_PROBLEMS"}
    )
    Assessment.objects.create(
        person=person, completed_on=days_ago(20), answers={"temperControl": "SOME_PROBLEMS"}
    )
    Assessment.objects.create(
        person=person,
        completed_on=days_ago(20),
        answers={"temperControl": "SIGNIFICANT_PROBLEMS", "evidenceOfDomesticAbuse": True},
    )
    contact(
        person,
        datetime(2025, 3, 4, 10, 15, tzinfo=UTC),
        contact_type="COAP",
        outcome="AFTA",
        enforcement_action="IBR",
    )
    contact(person, datetime(2024, 7, 14, 23, 30, tzinfo=UTC), contact_type="CTOA")
    return person


def test_a_recorded_case_gives_its_facts():
    person = recorded_case()
    facts = load_case_facts([person.pk])[person.pk]

    assert (facts.crn, facts.date_of_birth, facts.sex, facts.as_at) == (
        "K123456",
        BORN,
        "MALE",
        TODAY(),
    )
    assert facts.criminal_history == CriminalHistoryFacts(
        total_sanctions=9,
        violent_sanctions=2,
        first_sanction_date=date(2003, 6, 30),
        contact_adult_sexual_sanctions=0,
        contact_child_sexual_sanctions=0,
        indecent_image_sanctions=1,
        non_contact_sexual_offences=0,
        most_recent_sexual_offence_date=date(2016, 2, 8),
    )
    assert facts.sentences == (
        SentenceFacts(
            event_number=2,
            offence_code="05800",
            offence_date=days_ago(260),
            conviction_date=days_ago(150),
            sentence_type="CO",
            sentence_date=days_ago(140),
            release_date=None,
            termination_date=None,
            requirements=(
                RequirementFacts("F", 25, "DAYS", False, days_ago(140), None),
                RequirementFacts("CUR", 3, "MONTHS", True, days_ago(139), days_ago(48)),
            ),
        ),
    )
    assert set(facts.registrations) == {
        RegistrationFacts("RMRH", "", "", days_ago(120), days_ago(30)),
        RegistrationFacts("RHRH", "", "", days_ago(30), None),
        RegistrationFacts("MAPP", "M1", "M2", days_ago(100), None),
    }
    assert set(facts.circumstances) == {
        CircumstanceFacts("ACCOMMODATION", "TEMPORARY", days_ago(400), days_ago(60)),
        CircumstanceFacts("ACCOMMODATION", "SETTLED", days_ago(60), None),
        CircumstanceFacts("EMPLOYMENT", "UNEMPLOYED", days_ago(200), None),
    }
    assert set(facts.contacts) == {
        ContactFact("COAP", date(2025, 3, 4), "AFTA", "IBR"),
        ContactFact("CTOA", date(2024, 7, 15), None, None),
    }


def test_of_two_assessments_on_the_same_day_the_one_recorded_later_is_the_latest():
    person = recorded_case()
    facts = load_case_facts([person.pk])[person.pk]
    assert facts.assessment == AssessmentFacts(
        days_ago(20), {"temperControl": "SIGNIFICANT_PROBLEMS", "evidenceOfDomesticAbuse": True}
    )


def test_a_contact_late_in_the_evening_in_summer_time_falls_on_the_next_day():
    person = PersonFactory()
    contact(person, datetime(2024, 7, 14, 23, 30, tzinfo=UTC), contact_type="COAP", outcome="ATTC")
    contact(person, datetime(2024, 12, 14, 23, 30, tzinfo=UTC), contact_type="COAP", outcome="ATTC")
    days = {c.on for c in load_case_facts([person.pk])[person.pk].contacts}
    # 00:30 BST on 15 July; 23:30 GMT on 14 December.
    assert days == {date(2024, 7, 15), date(2024, 12, 14)}


def test_the_blank_outcome_and_action_of_a_contact_are_none():
    person = PersonFactory()
    contact(person, timezone.now() - timedelta(hours=2), contact_type="CT3A")
    (fact,) = load_case_facts([person.pk])[person.pk].contacts
    assert (fact.outcome, fact.enforcement_action) == (None, None)


def test_a_person_without_a_history_sentence_or_assessment_has_none_of_them():
    person = PersonFactory()
    facts = load_case_facts([person.pk])[person.pk]
    assert facts.criminal_history is None
    assert facts.sentences == () and facts.assessment is None
    assert facts.registrations == () and facts.circumstances == () and facts.contacts == ()


def test_each_person_in_a_batch_gets_their_own_facts_only():
    kyle = recorded_case()
    other = PersonFactory(date_of_birth=date(1995, 1, 2), sex="FEMALE")
    SentenceFactory(event__person=other, sentence_type="SSO", sentence_date=days_ago(30))
    Registration.objects.create(person=other, register="ADVP", registered_on=days_ago(10))
    contact(other, timezone.now() - timedelta(days=3), contact_type="CHVS", outcome="ATTC")

    batch = load_case_facts([kyle.pk, other.pk])

    assert set(batch) == {kyle.pk, other.pk}
    assert batch[kyle.pk] == load_case_facts([kyle.pk])[kyle.pk]
    theirs = batch[other.pk]
    assert theirs.sex == "FEMALE" and theirs.criminal_history is None
    assert [s.sentence_type for s in theirs.sentences] == ["SSO"]
    assert [r.register for r in theirs.registrations] == ["ADVP"]
    assert [c.contact_type for c in theirs.contacts] == ["CHVS"]
    assert theirs.circumstances == () and theirs.assessment is None


def test_people_not_asked_for_are_not_loaded():
    asked = PersonFactory()
    PersonFactory()
    assert set(load_case_facts([asked.pk])) == {asked.pk}


def test_facts_dated_after_the_day_are_left_out():
    person = recorded_case()
    contact(person, timezone.now(), contact_type="COAP", outcome="ATTC")
    Registration.objects.create(person=person, register="ADVP", registered_on=TODAY())

    yesterday = load_case_facts([person.pk], as_at=days_ago(1))[person.pk]
    today = load_case_facts([person.pk])[person.pk]

    assert yesterday.as_at == days_ago(1)
    assert TODAY() not in {c.on for c in yesterday.contacts}
    assert "ADVP" not in {r.register for r in yesterday.registrations}
    assert TODAY() in {c.on for c in today.contacts}
    assert "ADVP" in {r.register for r in today.registrations}


def test_an_assessment_sentence_and_circumstance_recorded_later_are_not_yet_known():
    person = recorded_case()
    as_at = days_ago(35)
    facts = load_case_facts([person.pk], as_at=as_at)[person.pk]
    assert facts.assessment == AssessmentFacts(days_ago(90), {"temperControl": "NO_PROBLEMS"})
    assert "RHRH" not in {r.register for r in facts.registrations}
    settled_long_ago = load_case_facts([person.pk], as_at=days_ago(61))[person.pk]
    assert {c.status for c in settled_long_ago.circumstances} == {"TEMPORARY", "UNEMPLOYED"}
    before_sentence = load_case_facts([person.pk], as_at=days_ago(141))[person.pk]
    assert before_sentence.sentences == ()
