"""Working days in England and Wales, with the bank holidays from the `holidays` library."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from caseload.core.working_days import (
    add_working_days,
    bank_holiday,
    is_working_day,
    next_working_day,
    working_days_between,
)

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


def test_christmas_and_its_substitute_days_are_bank_holidays():
    assert bank_holiday(date(2026, 12, 25)) == "Christmas Day"
    assert bank_holiday(date(2026, 12, 28)) == "Boxing Day (observed)"
    assert bank_holiday(date(2026, 12, 1)) is None


def test_weekends_and_bank_holidays_are_not_working_days():
    assert is_working_day(date(2026, 12, 1))
    assert not is_working_day(date(2026, 12, 5))  # Saturday
    assert not is_working_day(date(2026, 8, 31))  # Late Summer Bank Holiday


def test_five_working_days_over_christmas_skip_both_bank_holidays():
    assert add_working_days(date(2026, 12, 18), 5) == date(2026, 12, 29)


def test_five_working_days_from_a_monday_is_the_next_monday():
    assert add_working_days(date(2026, 11, 30), 5) == date(2026, 12, 7)


def test_the_next_working_day_of_a_bank_holiday_monday_is_tuesday():
    assert next_working_day(date(2026, 5, 25)) == date(2026, 5, 26)
    assert next_working_day(date(2026, 5, 26)) == date(2026, 5, 26)
    assert add_working_days(date(2026, 5, 23), 0) == date(2026, 5, 26)


# No deadline: the first call for a year builds that year's bank holidays, slowly under load.
@settings(deadline=None)
@given(days, st.integers(min_value=1, max_value=40))
def test_adding_working_days_lands_on_a_working_day_counted_back_exactly(start, count):
    end = add_working_days(start, count)
    assert is_working_day(end)
    assert working_days_between(start, end) == count
    assert working_days_between(start, end - timedelta(days=1)) == count - 1
