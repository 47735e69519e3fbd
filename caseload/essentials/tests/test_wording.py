"""When an essential is due, in a practitioner's words, and the counts above a list."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from caseload.essentials.wording import (
    counts_in_words,
    end_of_week,
    overdue_flag,
    short_day,
    when_due,
)

TUESDAY = date(2026, 12, 1)


def test_an_overdue_essential_says_by_how_many_days():
    assert when_due("overdue", date(2026, 11, 28), TUESDAY) == "Overdue by 3 days"
    assert when_due("overdue", date(2026, 11, 30), TUESDAY) == "Overdue by 1 day"


def test_a_due_essential_says_when_without_the_year_this_year():
    assert when_due("due", TUESDAY, TUESDAY) == "Due today"
    assert when_due("due", date(2026, 12, 2), TUESDAY) == "Due tomorrow"
    assert when_due("due", date(2026, 12, 4), TUESDAY) == "Due 4 December"
    assert when_due("due", date(2027, 1, 4), TUESDAY) == "Due 4 January 2027"


def test_done_and_not_required_say_so():
    assert when_due("done", None, TUESDAY, date(2026, 11, 3)) == "Done 3 November"
    assert when_due("not_required", date(2026, 11, 3), TUESDAY) == "Not required"


def test_a_snoozed_essential_is_never_called_overdue():
    assert when_due("snoozed", date(2026, 11, 28), TUESDAY) == "Due 28 November"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_this_week_ends_on_the_coming_sunday(day):
    sunday = end_of_week(day)
    assert sunday.weekday() == 6
    assert timedelta(0) <= sunday - day < timedelta(days=7)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_a_day_is_written_without_a_leading_zero(day):
    words = short_day(day, TUESDAY)
    assert not words.startswith("0")
    assert (str(day.year) in words) == (day.year != TUESDAY.year)


def test_the_counts_name_only_what_there_is():
    essentials = [
        ("overdue", date(2026, 11, 20)),
        ("overdue", date(2026, 11, 30)),
        ("due", date(2026, 12, 6)),
        ("due", date(2026, 12, 7)),
        ("snoozed", date(2026, 12, 2)),
    ]
    assert counts_in_words(essentials, TUESDAY) == "2 overdue, 1 due this week, 1 due later"
    assert counts_in_words([("due", date(2026, 12, 3))], TUESDAY) == "1 due this week"
    assert counts_in_words([], TUESDAY) == "Nothing due"


def test_the_identity_bar_flag_counts_in_words():
    assert overdue_flag(1) == "1 overdue essential"
    assert overdue_flag(3) == "3 overdue essentials"
