"""The pure contact rules."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseload.contacts.domain import (
    CONTACT_TYPES,
    MOST_ACTUAL_MINUTES,
    OUTCOMES,
    ContactFact,
    ContactInput,
    actual_minutes_problems,
    open_enforcement,
    unacceptable_absences,
    validate_contact,
    validate_unpaid_work_credit,
)

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def contact(**overrides):  # type: ignore[no-untyped-def]
    fields = {
        "contact_type": "COAP",
        "happened_at": NOW - timedelta(hours=2),
        "outcome": "ATTC",
        "enforcement_action": None,
        "notes": "",
    }
    return ContactInput(**{**fields, **overrides})


def rules(errors):  # type: ignore[no-untyped-def]
    return {(e.field, e.rule) for e in errors}


def test_an_attended_office_visit_is_valid():
    assert validate_contact(contact(), now=NOW) == []


def test_a_contact_in_the_future_is_refused():
    assert rules(validate_contact(contact(happened_at=NOW + timedelta(minutes=1)), now=NOW)) == {
        ("happened_at", "not_in_future")
    }


def test_an_unknown_outcome_is_refused():
    assert ("outcome", "unknown_code") in rules(validate_contact(contact(outcome="XXXX"), now=NOW))


def test_every_missing_field_is_reported_at_once():
    errors = validate_contact(contact(contact_type=None, happened_at=None), now=NOW)
    assert rules(errors) == {("contact_type", "required"), ("happened_at", "required")}


def test_an_appointment_needs_an_outcome():
    assert rules(validate_contact(contact(outcome=None), now=NOW)) == {("outcome", "required")}


def test_a_phone_call_has_no_outcome():
    assert rules(validate_contact(contact(contact_type="CTOA", outcome="ATTC"), now=NOW)) == {
        ("outcome", "not_allowed")
    }


def test_enforcement_follows_only_a_failure():
    assert rules(validate_contact(contact(enforcement_action="EA02"), now=NOW)) == {
        ("enforcement_action", "needs_enforceable_outcome")
    }
    assert validate_contact(contact(outcome="AFTA", enforcement_action="EA02"), now=NOW) == []


@pytest.mark.parametrize("outcome", [o.code for o in OUTCOMES.values() if o.enforceable])
def test_a_failure_to_comply_needs_the_enforcement_decision(outcome):
    assert rules(validate_contact(contact(outcome=outcome), now=NOW)) == {
        ("enforcement_action", "required")
    }


def test_no_further_action_is_an_enforcement_decision():
    assert validate_contact(contact(outcome="AFTC", enforcement_action="NFA"), now=NOW) == []


def test_unacceptable_absences_count_distinct_days_on_national_standard_contacts():
    day = date(2026, 10, 1)
    contacts = [
        ContactFact("COAP", day, "AFTA"),
        ContactFact("COVC", day, "UAAB"),  # same day: counts once
        ContactFact("COAP", day + timedelta(days=7), "AAME"),  # acceptable
        ContactFact("CTOA", day + timedelta(days=8), None),  # not an NS contact
        ContactFact("CHVS", day + timedelta(days=14), "AFTC"),
        ContactFact("COAP", day - timedelta(days=30), "AFTA"),  # before the count starts
    ]
    assert unacceptable_absences(contacts, since=day) == 2


@given(
    st.sampled_from([*CONTACT_TYPES, "", "ZZZZ"]),
    st.one_of(st.none(), st.sampled_from([*OUTCOMES, "BAD"])),
    st.one_of(st.none(), st.datetimes(timezones=st.just(UTC))),
    st.text(max_size=50),
)
def test_validation_never_raises_and_names_real_fields(ctype, outcome, when, notes):
    errors = validate_contact(ContactInput(ctype or None, when, outcome, None, notes), now=NOW)
    fields = {"contact_type", "happened_at", "outcome", "enforcement_action", "notes"}
    assert {e.field for e in errors} <= fields


@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(CONTACT_TYPES)),
            st.integers(0, 60),
            st.sampled_from(list(OUTCOMES)),
        ),
        max_size=30,
    )
)
def test_more_failures_never_lower_the_count(rows):
    day = date(2026, 1, 1)
    facts = [ContactFact(t, day + timedelta(days=d), o) for t, d, o in rows]
    extra = ContactFact("COAP", day + timedelta(days=90), "AFTA")
    assert (
        unacceptable_absences([*facts, extra], since=day)
        == unacceptable_absences(facts, since=day) + 1
    )


def test_only_an_unpaid_work_session_credits_time_and_at_most_twelve_hours():
    assert validate_unpaid_work_credit("UPWS", 420) == []
    assert validate_unpaid_work_credit("COAP", None) == []
    assert [p.rule for p in validate_unpaid_work_credit("COAP", 60)] == ["not_allowed"]
    assert [p.rule for p in validate_unpaid_work_credit("UPWS", 721)] == ["out_of_range"]


def test_open_enforcement_is_what_came_after_the_last_no_further_action():
    today = date(2026, 12, 1)
    first = ContactFact("COAP", date(2026, 6, 1), "AFTA", "EA02")
    closed = ContactFact("COAP", date(2026, 7, 1), "AFTC", "NFA")
    second = ContactFact("COAP", date(2026, 9, 1), "AFTA", "EA02")
    third = ContactFact("COAP", date(2026, 10, 1), "UAAB", "EA03")
    unrelated = ContactFact("COAP", date(2026, 11, 1), "ATTC")
    assert open_enforcement([third, first, closed, unrelated, second], today=today) == [
        second,
        third,
    ]
    assert open_enforcement([first, closed], today=today) == []


def test_enforcement_more_than_a_year_old_is_no_longer_open():
    old = ContactFact("COAP", date(2025, 11, 30), "AFTA", "IBR")
    assert open_enforcement([old], today=date(2026, 12, 1)) == []
    assert open_enforcement([old], today=date(2026, 11, 29)) == [old]


def test_a_breach_outcome_resolves_the_enforcement_before_it():
    from datetime import date

    from caseload.contacts.domain import ContactFact, open_enforcement

    contacts = [
        ContactFact("COAP", date(2026, 6, 1), "UAAB", "EA02"),
        ContactFact("COAP", date(2026, 7, 1), "UAAB", "IBR"),
        ContactFact("COAP", date(2026, 9, 1), "UAAB", "EA02"),
    ]
    today = date(2026, 10, 1)
    assert len(open_enforcement(contacts, today=today)) == 3
    still_open = open_enforcement(contacts, today=today, resolved_on=[date(2026, 8, 1)])
    assert [c.on for c in still_open] == [date(2026, 9, 1)]


@given(st.integers(min_value=1, max_value=MOST_ACTUAL_MINUTES))
def test_any_whole_number_of_minutes_from_1_to_600_is_accepted(minutes):
    assert actual_minutes_problems(minutes) == []


@given(st.integers().filter(lambda m: not 1 <= m <= MOST_ACTUAL_MINUTES))
def test_it_refuses_minutes_no_contact_could_take_naming_the_field(minutes):
    [problem] = actual_minutes_problems(minutes)
    assert (problem.field, problem.rule) == ("actual_minutes", "out_of_range")


def test_the_minutes_actually_spent_are_optional_and_checked_with_the_contact():
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    contact = ContactInput("COAP", now, "ATTC", None, "")
    assert validate_contact(contact, now=now) == []
    too_long = ContactInput("COAP", now, "ATTC", None, "", actual_minutes=601)
    assert [p.field for p in validate_contact(too_long, now=now)] == ["actual_minutes"]
