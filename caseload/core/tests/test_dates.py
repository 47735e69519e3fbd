"""Dates that must be given, not in the future and not before 1900."""

from datetime import UTC, date, datetime, timedelta, timezone

from caseload.core.dates import EARLIEST_DATE, past_date_problems

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
