"""The equality return: who is counted where, what each outcome means, and suppression."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from caseload.access.models import LimitedAccess
from caseload.contacts.models import Contact
from caseload.enforcement.models import Breach, RecallConsideration
from caseload.people.models import Disability
from caseload.returns.catalogue.equality import ALL_PEOPLE, raw_counts, rows
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.domain.suppression import SMALL
from caseload.returns.reading import end_of_day
from caseload.returns.scope import scope_for
from caseload.testing.factories import AllocationFactory, PersonFactory, SentenceFactory

UK = ZoneInfo("Europe/London")
AS_AT = date(2026, 6, 30)
PERIOD_FROM = date(2026, 4, 1)

pytestmark = pytest.mark.django_db


def _scope(analyst, as_at=AS_AT, period_from=PERIOD_FROM):
    filters = ReturnFilters(as_at=as_at, period_from=period_from)
    return scope_for(analyst.user, filters, today=date(2026, 11, 1))


def _held(practitioner, **fields):
    person = PersonFactory(**fields)
    AllocationFactory(person=person, staff=practitioner, start_date=date(2025, 1, 1))
    return person


def _sentence(person, **fields):
    fields.setdefault("sentence_date", date(2025, 6, 1))
    return SentenceFactory(event__person=person, **fields)


def _appointment(person, day, outcome, action=""):
    return Contact.objects.create(
        person=person,
        contact_type="COAP",
        happened_at=datetime.combine(day, time(10, 0), tzinfo=UK),
        outcome=outcome,
        enforcement_action=action,
    )


def _outcome(scope, characteristic, value, outcome):
    people, complied, breached, recalled, completed = raw_counts(scope)[characteristic][value]
    return {
        "people": people,
        "complied": complied,
        "breached": breached,
        "recalled": recalled,
        "completed": completed,
    }[outcome]


def test_each_person_is_counted_once_in_every_characteristic(practitioner, analyst):
    _held(practitioner, sex="MALE", ethnicity="WHITE")
    _held(practitioner, sex="FEMALE", ethnicity="ASIAN", religion="MUSLIM")
    _held(practitioner, sex="FEMALE", ethnicity="WHITE", sexual_orientation="BISEXUAL")
    raw = raw_counts(_scope(analyst))
    for characteristic, counts in raw.items():
        assert sum(c[0] for c in counts.values()) == 3, characteristic
    assert raw["sex"]["FEMALE"][0] == 2
    assert raw["ethnicity"]["WHITE"][0] == 2
    assert raw["religion"]["NOT_RECORDED"][0] == 2


def test_a_case_not_held_on_the_as_at_day_is_not_counted(practitioner, analyst):
    person = PersonFactory()
    AllocationFactory(person=person, staff=practitioner, start_date=AS_AT + timedelta(days=1))
    assert raw_counts(_scope(analyst))["sex"] == {}


def test_limited_access_cases_are_counted_without_being_named(practitioner, analyst):
    person = _held(practitioner)
    LimitedAccess.objects.create(
        person=person, kind="exclusion", user=analyst.user, start_date=date(2025, 1, 1)
    )
    scope = _scope(analyst)
    assert raw_counts(scope)["sex"]["MALE"][0] == 1
    assert not scope.listed.exists()


def test_age_is_counted_in_whole_years_on_the_as_at_day(practitioner, analyst):
    _held(practitioner, date_of_birth=date(2001, 6, 30))  # 25 that day
    _held(practitioner, date_of_birth=date(2001, 7, 1))  # 25 the day after
    raw = raw_counts(_scope(analyst))["age_band"]
    assert raw["25_34"][0] == 1
    assert raw["18_24"][0] == 1


def test_a_disability_is_recorded_only_while_it_is_in_force(practitioner, analyst):
    ended = _held(practitioner)
    Disability.objects.create(
        person=ended, kind="MOBILITY", start_date=date(2025, 1, 1), end_date=AS_AT
    )
    current = _held(practitioner)
    Disability.objects.create(person=current, kind="HEARING", start_date=AS_AT)
    raw = raw_counts(_scope(analyst))["recorded_disability"]
    assert raw["YES"][0] == 1
    assert raw["NO"][0] == 1


def test_complied_means_an_appointment_kept_and_no_failure_to_comply_in_the_period(
    practitioner, analyst
):
    kept = _held(practitioner, sex="MALE")
    _appointment(kept, date(2026, 5, 1), "ATTC")
    _appointment(kept, date(2026, 5, 8), "AAME")  # an acceptable absence is complied
    failed = _held(practitioner, sex="MALE")
    _appointment(failed, date(2026, 5, 1), "ATTC")
    _appointment(failed, date(2026, 6, 1), "UAAB", action="EA02")
    unseen = _held(practitioner, sex="MALE")
    _appointment(unseen, PERIOD_FROM - timedelta(days=1), "ATTC")  # before the period
    failed_before = _held(practitioner, sex="MALE")
    _appointment(failed_before, PERIOD_FROM - timedelta(days=1), "AFTA", action="EA02")
    _appointment(failed_before, PERIOD_FROM, "ATTC")
    assert _outcome(_scope(analyst), "sex", "MALE", "complied") == 2


def test_an_appointment_late_on_the_as_at_day_in_uk_time_is_in_the_period(practitioner, analyst):
    person = _held(practitioner)
    Contact.objects.create(
        person=person,
        contact_type="COAP",
        happened_at=datetime.combine(AS_AT, time(23, 30), tzinfo=UK),  # 22:30 UTC in summer
        outcome="ATTC",
    )
    assert _outcome(_scope(analyst), "sex", "MALE", "complied") == 1
    assert (
        _outcome(_scope(analyst, as_at=AS_AT - timedelta(days=1)), "sex", "MALE", "complied") == 0
    )


def _breach(person, sent_on):
    sentence = _sentence(person)
    failure = _appointment(person, sent_on - timedelta(days=3), "UAAB", action="IBR")
    return Breach.objects.create(
        person=person,
        sentence=sentence,
        started_by=failure,
        started_on=sent_on - timedelta(days=3),
        pack_sent_on=sent_on,
    )


def test_breached_means_a_breach_pack_sent_in_the_period_both_ends_included(practitioner, analyst):
    _breach(_held(practitioner), PERIOD_FROM)
    _breach(_held(practitioner), AS_AT)
    _breach(_held(practitioner), AS_AT + timedelta(days=1))
    _breach(_held(practitioner), PERIOD_FROM - timedelta(days=1))
    assert _outcome(_scope(analyst), "sex", "MALE", "breached") == 2


def _recall(person, decided_at, decision="RECALL"):
    sentence = _sentence(person, sentence_type="LIC", release_date=date(2026, 1, 1))
    return RecallConsideration.objects.create(
        person=person,
        sentence=sentence,
        considered_on=decided_at.date(),
        why="RISK_INCREASED",
        recommended_type="STANDARD",
        decision=decision,
        decided_at=decided_at,
    )


def test_recalled_means_a_decision_to_recall_taken_in_the_period(practitioner, analyst):
    _recall(_held(practitioner), end_of_day(AS_AT) - timedelta(minutes=1))
    _recall(_held(practitioner), end_of_day(AS_AT))
    _recall(_held(practitioner), datetime(2026, 5, 1, 12, tzinfo=UK), decision="NO_RECALL")
    _recall(_held(practitioner), datetime(2026, 5, 1, 12, tzinfo=UK), decision="")
    assert _outcome(_scope(analyst), "sex", "MALE", "recalled") == 1


def test_completed_means_a_sentence_ended_as_completed_in_the_period(practitioner, analyst):
    _sentence(_held(practitioner), termination_date=AS_AT, termination_reason="Completed")
    _sentence(_held(practitioner), termination_date=AS_AT, termination_reason="Revoked")
    _sentence(
        _held(practitioner),
        termination_date=PERIOD_FROM - timedelta(days=1),
        termination_reason="Completed",
    )
    assert _outcome(_scope(analyst), "sex", "MALE", "completed") == 1


def test_the_rows_show_fewer_than_5_people_as_less_than_5_and_keep_them_hidden(
    practitioner, analyst
):
    for _ in range(9):
        _held(practitioner, sex="MALE")
    _held(practitioner, sex="FEMALE")
    found = {(row[0], row[1]): row for row in rows(_scope(analyst))}
    assert found[(ALL_PEOPLE, ALL_PEOPLE)][2] == 10
    assert found[("Sex", "Female")][2] == SMALL
    assert found[("Sex", "Male")][2] == "[c]"  # 10 - 9 would reveal the one
    assert found[("Sex", "Not recorded")][2] == 0
    assert found[("Sex", "Not recorded")][4] is None  # no percentage of nobody


def test_every_value_of_every_characteristic_has_a_row_even_when_nobody_has_it(
    practitioner, analyst
):
    _held(practitioner)
    values = {(row[0], row[1]) for row in rows(_scope(analyst))}
    assert ("Religion or belief", "Buddhist") in values
    assert ("Age", "65 and over") in values
    assert ("Disability or condition recorded", "None recorded") in values
