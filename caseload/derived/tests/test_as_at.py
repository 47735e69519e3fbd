"""As at a day, nothing recorded as happening later changes a derived value (property test).

Returns "as at the end of the quarter" rely on this: predictors and tiers computed from the
facts known on a day are the same whatever was recorded afterwards.
"""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseload.contacts.domain import CONTACT_TYPES, ENFORCEMENT_ACTIONS, OUTCOMES
from caseload.derived.facts import (
    AssessmentFacts,
    CircumstanceFacts,
    ContactFact,
    CriminalHistoryFacts,
    RegistrationFacts,
    RequirementFacts,
    SentenceFacts,
    case_facts,
)
from caseload.people.domain import CIRCUMSTANCE_STATUSES, DELIUS_SENTENCE_TYPE
from caseload.risk.assessment import QUESTIONS
from caseload.risk.constants import MAPPA_CATEGORIES, MAPPA_LEVELS, REGISTERS
from caseload.risk.derive import derive_scores
from caseload.tiering.derive import derive_tiers

AS_AT = date(2026, 3, 31)
REQUIREMENTS = ("W", "F", "CUR", "EXC", "PROG", "DRR", "AAMR")


def days(low: int, high: int) -> st.SearchStrategy[date]:
    """A day `low` to `high` days after the as-at day (negative: before it)."""
    return st.integers(low, high).map(lambda n: AS_AT + timedelta(days=n))


def requirement(start: st.SearchStrategy[date]) -> st.SearchStrategy[RequirementFacts]:
    return st.builds(
        RequirementFacts,
        category=st.sampled_from(REQUIREMENTS),
        length=st.none() | st.integers(1, 300),
        length_unit=st.sampled_from(("HOURS", "DAYS", "MONTHS")),
        electronic_monitoring=st.booleans(),
        start_date=start,
        end_date=st.none() | days(-400, 400),
    )


@st.composite
def sentence(draw: st.DrawFn, when: st.SearchStrategy[date]) -> SentenceFacts:
    sentenced = draw(when)
    convicted = sentenced - timedelta(days=draw(st.integers(0, 60)))
    return SentenceFacts(
        event_number=draw(st.integers(1, 9)),
        offence_code=draw(st.sampled_from(("10501", "02800", "08300", "19100", "04400"))),
        offence_date=convicted - timedelta(days=draw(st.integers(0, 400))),
        conviction_date=convicted,
        sentence_type=draw(st.sampled_from(sorted(DELIUS_SENTENCE_TYPE))),
        sentence_date=sentenced,
        release_date=draw(st.none() | st.just(sentenced + timedelta(days=90))),
        termination_date=draw(st.none() | days(-300, 500)),
        requirements=tuple(draw(st.lists(requirement(st.just(sentenced)), max_size=3))),
    )


def registration(when: st.SearchStrategy[date]) -> st.SearchStrategy[RegistrationFacts]:
    mappa = st.builds(
        RegistrationFacts,
        register=st.just("MAPP"),
        category=st.sampled_from(MAPPA_CATEGORIES),
        level=st.sampled_from(MAPPA_LEVELS),
        registered_on=when,
        deregistered_on=st.none(),
    )
    other = st.builds(
        RegistrationFacts,
        register=st.sampled_from(sorted(set(REGISTERS) - {"MAPP"})),
        category=st.just(""),
        level=st.just(""),
        registered_on=when,
        deregistered_on=st.none() | days(1, 400),
    )
    return mappa | other


@st.composite
def circumstance(draw: st.DrawFn, when: st.SearchStrategy[date]) -> CircumstanceFacts:
    kind = draw(st.sampled_from(sorted(CIRCUMSTANCE_STATUSES)))
    status = draw(st.sampled_from(sorted(CIRCUMSTANCE_STATUSES[kind])))
    return CircumstanceFacts(kind, status, draw(when), draw(st.none() | days(1, 400)))


@st.composite
def assessment(draw: st.DrawFn, when: st.SearchStrategy[date]) -> AssessmentFacts:
    answers: dict[str, object] = {}
    for question in draw(st.lists(st.sampled_from(QUESTIONS), unique_by=lambda q: q.key)):
        choices = [a for a, _ in question.answers]
        answers[question.key] = (
            draw(st.lists(st.sampled_from(choices), unique=True))
            if question.many
            else draw(st.sampled_from(choices))
        )
    return AssessmentFacts(draw(when), answers)


def contact(when: st.SearchStrategy[date]) -> st.SearchStrategy[ContactFact]:
    return st.builds(
        ContactFact,
        contact_type=st.sampled_from(sorted(CONTACT_TYPES)),
        on=when,
        outcome=st.none() | st.sampled_from(sorted(OUTCOMES)),
        enforcement_action=st.none() | st.sampled_from(sorted(ENFORCEMENT_ACTIONS)),
    )


@st.composite
def facts_recorded(draw: st.DrawFn, when: st.SearchStrategy[date]) -> dict[str, list[object]]:
    return {
        "sentences": draw(st.lists(sentence(when), max_size=2)),
        "registrations": draw(st.lists(registration(when), max_size=3)),
        "circumstances": draw(st.lists(circumstance(when), max_size=2)),
        "assessments": draw(st.lists(assessment(when), max_size=2)),
        "contacts": draw(st.lists(contact(when), max_size=6)),
    }


people = st.fixed_dictionaries(
    {
        "crn": st.just("X123456"),
        "date_of_birth": st.dates(date(1950, 1, 1), date(2004, 12, 31)),
        "sex": st.sampled_from(("MALE", "FEMALE")),
        "criminal_history": st.none()
        | st.builds(
            CriminalHistoryFacts,
            total_sanctions=st.integers(1, 40),
            violent_sanctions=st.integers(0, 5),
            first_sanction_date=st.dates(date(2005, 1, 1), date(2020, 12, 31)),
            contact_adult_sexual_sanctions=st.integers(0, 2),
            contact_child_sexual_sanctions=st.integers(0, 1),
            indecent_image_sanctions=st.integers(0, 1),
            non_contact_sexual_offences=st.integers(0, 1),
            most_recent_sexual_offence_date=st.none() | st.dates(date(2010, 1, 1), AS_AT),
        ),
    }
)


def _derive(person: dict[str, object], recorded: dict[str, list[object]]) -> object:
    facts = case_facts(as_at=AS_AT, **person, **recorded)  # type: ignore[arg-type]
    scores = derive_scores(facts)
    return scores, derive_tiers(facts, scores)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people, facts_recorded(days(-2000, 0)), facts_recorded(days(1, 800)))
def test_facts_dated_after_the_day_change_no_predictor_or_tier(person, known, later):
    everything = {kind: known[kind] + later[kind] for kind in known}
    assert _derive(person, everything) == _derive(person, known)
