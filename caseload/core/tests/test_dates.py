"""Dates that must be given, not in the future and not before 1900."""

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from caseload.core.dates import EARLIEST_DATE, add_months, past_date_problems

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def rules(value, now):  # type: ignore[no-untyped-def]
    problems = past_date_problems("when", value, now=now, required="Enter it", label="Date")
    return [p.rule for p in problems]


def test_a_date_from_1900_to_today_is_accepted():
    assert rules(EARLIEST_DATE, TODAY) == []
    assert rules(TODAY, TODAY) == []


def test_a_date_before_1900_is_too_early():
    assert rules(EARLIEST_DATE - timedelta(days=1), TODAY) == ["too_early"]
    assert rules(date(1, 1, 1), TODAY) == ["too_early"]


def test_a_moment_in_year_1_is_too_early_whatever_its_offset():
    for hours in (-12, 0, 14):
        moment = datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=hours)))
        assert rules(moment, NOW) == ["too_early"]


def test_the_message_names_the_earliest_date():
    (problem,) = past_date_problems(
        "when", date(1899, 12, 31), now=TODAY, required="Enter it", label="Date of contact"
    )
    assert problem.message == "Date of contact must be the same as or after 1 January 1900"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)), st.integers(-240, 240))
def test_adding_months_keeps_the_day_or_takes_the_months_last(day, months):
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + timedelta(days=1)).day == 1)


def test_a_month_after_the_last_day_of_january_is_the_last_day_of_february():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 12, 1), -12) == date(2025, 12, 1)
