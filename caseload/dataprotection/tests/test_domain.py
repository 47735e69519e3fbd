"""The pure rules: what a reviewer checks before release, and when a closed case is due."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseload.dataprotection.domain import (
    FREE_TEXT,
    HOLDING_REGISTERS,
    MINIMUM_RETENTION_YEARS,
    SENSITIVE_TEXT,
    STAFF_NAME,
    UNCLASSIFIED,
    FieldKind,
    Period,
    RetentionTooShort,
    add_years,
    closed_since,
    held_reasons,
    retention_decision,
    retention_years,
    review_reason,
    review_reasons,
)
from caseload.risk.constants import REGISTERS

DAY = date(2026, 6, 1)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


def test_staff_names_are_third_party_data():
    assert review_reason("contacts.contact", "staff", FieldKind.STAFF, "Alice") == STAFF_NAME


def test_free_text_is_checked_and_harder_on_a_sensitive_contact():
    assert review_reason("contacts.contact", "notes", FieldKind.FREE_TEXT, "x") == FREE_TEXT
    sensitive = review_reason("contacts.contact", "notes", FieldKind.FREE_TEXT, "x", sensitive=True)
    assert sensitive == SENSITIVE_TEXT


def test_short_text_is_checked_unless_declared_plain():
    assert review_reason("people.person", "last_name", FieldKind.SHORT_TEXT, "Walker") is None
    described = review_reason(
        "people.licencecondition", "description", FieldKind.SHORT_TEXT, "No contact with J"
    )
    assert described == FREE_TEXT
    assert review_reason("people.kin", "name", FieldKind.SHORT_TEXT, "Jane") == UNCLASSIFIED
    assert review_reason("people.x", "history_change_reason", FieldKind.SHORT_TEXT, "y")


@pytest.mark.parametrize("empty", [None, "", [], {}])
def test_nothing_empty_needs_checking(empty):
    for kind in FieldKind:
        assert review_reason("people.kin", "name", kind, empty) is None


def test_codes_dates_and_numbers_are_not_checked():
    assert review_reason("contacts.contact", "outcome", FieldKind.CODED, "ATTC") is None


def test_a_records_sensitive_flag_marks_all_its_text():
    record = {
        "notes": (FieldKind.FREE_TEXT, "Victim's address"),
        "sensitive": (FieldKind.CODED, True),
        "outcome": (FieldKind.CODED, "ATTC"),
    }
    assert review_reasons("contacts.contact", record) == {"notes": SENSITIVE_TEXT}


def test_the_retention_period_has_a_hard_minimum():
    assert retention_years(MINIMUM_RETENTION_YEARS) == MINIMUM_RETENTION_YEARS
    with pytest.raises(RetentionTooShort):
        retention_years(MINIMUM_RETENTION_YEARS - 1)


@given(dates, st.integers(min_value=0, max_value=100))
def test_adding_years_keeps_the_day_of_the_year_where_it_exists(day, years):
    later = add_years(day, years)
    assert later.year == day.year + years
    assert (later.month, later.day) == (day.month, day.day) or (day.month, day.day) == (2, 29)


def test_29_february_becomes_28_february_in_a_common_year():
    assert add_years(date(2024, 2, 29), 7) == date(2031, 2, 28)


@given(st.lists(st.tuples(dates, st.one_of(st.none(), dates)), max_size=5), dates)
def test_a_case_is_closed_only_when_everything_has_ended_and_then_since_the_last_end(spans, day):
    periods = [Period(start, end) for start, end in spans]
    closed = closed_since(periods, day=day, recorded_on=date(2000, 1, 1))
    if any(p.end is None or p.end > day for p in periods):
        assert closed is None
    elif periods:
        assert closed == max(p.end for p in periods if p.end is not None)
    else:
        assert closed == date(2000, 1, 1)


def test_a_case_is_due_once_closed_for_the_whole_period():
    ended = [Period(date(2015, 1, 1), date(2019, 6, 1))]
    on_the_day = retention_decision(
        "X000001", ended, recorded_on=date(2015, 1, 1), day=date(2026, 6, 1), years=7
    )
    assert on_the_day is not None and on_the_day.to_delete
    assert on_the_day.due_on == date(2026, 6, 1)
    day_before = date(2026, 6, 1) - timedelta(days=1)
    assert (
        retention_decision("X000001", ended, recorded_on=date(2015, 1, 1), day=day_before, years=7)
        is None
    )


def test_a_due_case_with_a_holding_registration_or_limited_access_is_held():
    decision = retention_decision(
        "X000001",
        [Period(date(2010, 1, 1), date(2012, 1, 1))],
        recorded_on=date(2010, 1, 1),
        day=DAY,
        years=7,
        registers_in_force=["MAPP", "RMRH"],
        limited_access_in_force=["restriction"],
    )
    assert decision is not None and not decision.to_delete
    assert decision.held == ("MAPPA registration in force", "restriction list in force")


def test_registers_that_hold_a_case_are_real_registers():
    assert HOLDING_REGISTERS.keys() <= REGISTERS.keys()
    assert held_reasons(["RMRH"], []) == ()
