from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from caseload.diary.domain import (
    UK,
    AppointmentState,
    Booking,
    NewAppointment,
    Repeat,
    location_for,
    occurrences,
    overlapping,
    validate_appointment,
    validate_appointment_record,
    validate_cancellation,
    validate_outcome,
    validate_reschedule,
    week_of,
)

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
TOMORROW_10AM = datetime(2026, 11, 21, 10, 0, tzinfo=UK)


def rules(problems):
    return {(p.field, p.rule) for p in problems}


def new(**fields):
    values = {
        "contact_type": "COAP",
        "starts_at": TOMORROW_10AM,
        "duration_minutes": 30,
        "location": "Northbridge probation office",
        "notes": "",
    }
    return NewAppointment(**{**values, **fields})


def test_a_future_office_visit_is_valid():
    assert validate_appointment(new(), now=NOW) == []


def test_it_refuses_a_start_in_the_past_for_arranging():
    assert ("starts_at", "not_in_past") in rules(
        validate_appointment(new(starts_at=NOW - timedelta(minutes=1)), now=NOW)
    )


def test_it_refuses_a_contact_type_that_is_not_an_appointment():
    assert ("contact_type", "not_an_appointment") in rules(
        validate_appointment(new(contact_type="CTOA"), now=NOW)
    )


@given(st.integers(-1000, 1000))
def test_a_duration_must_be_between_5_minutes_and_8_hours(minutes):
    problems = rules(validate_appointment(new(duration_minutes=minutes), now=NOW))
    assert (("duration_minutes", "out_of_range") in problems) == (not 5 <= minutes <= 480)


def test_it_gives_every_problem_at_once():
    problems = rules(
        validate_appointment(
            new(contact_type=None, starts_at=None, duration_minutes=None, location=""), now=NOW
        )
    )
    assert problems == {
        ("contact_type", "required"),
        ("starts_at", "required"),
        ("duration_minutes", "required"),
        ("location", "required"),
    }


def test_a_video_or_phone_appointment_needs_no_place():
    assert location_for("COVC", "") == "Video or phone"
    assert validate_appointment(new(contact_type="COPT", location=""), now=NOW) == []
    assert ("location", "required") in rules(validate_appointment(new(location=" "), now=NOW))


def test_a_series_must_end_after_its_first_appointment_and_within_a_year():
    def series(until):
        return rules(validate_appointment(new(), now=NOW, repeat=Repeat.WEEK, until=until))

    assert series(date(2026, 11, 21)) == {("repeat_until", "after_start")}
    assert series(date(2027, 11, 23)) == {("repeat_until", "at_most_a_year")}
    assert series(None) == {("repeat_until", "required")}
    assert series(date(2027, 11, 21)) == set()


def test_a_weekly_series_stays_at_10am_uk_time_across_the_clocks_going_forward():
    # The clocks go forward on Sunday 28 March 2027: 10am is 10:00 UTC before, 09:00 UTC after.
    first = datetime(2027, 3, 22, 10, 0, tzinfo=UK)
    starts = occurrences(first, Repeat.WEEK, date(2027, 4, 5))
    assert [s.astimezone(UK).time() for s in starts] == [time(10, 0)] * 3
    assert [s.astimezone(UTC).hour for s in starts] == [10, 9, 9]


def test_a_weekly_series_stays_at_10am_uk_time_across_the_clocks_going_back():
    # The clocks go back on Sunday 25 October 2026: 10am is 09:00 UTC before, 10:00 UTC after.
    first = datetime(2026, 10, 19, 10, 0, tzinfo=UK)
    starts = occurrences(first, Repeat.WEEK, date(2026, 11, 2))
    assert [s.astimezone(UTC).hour for s in starts] == [9, 10, 10]


def test_a_series_on_the_day_the_clocks_change_keeps_its_wall_clock_time():
    for day in (date(2027, 3, 28), date(2026, 10, 25)):
        first = datetime.combine(day - timedelta(days=14), time(10, 0), tzinfo=UK)
        starts = occurrences(first, Repeat.WEEK, day)
        assert starts[-1].date() == day
        assert starts[-1].astimezone(UK).time() == time(10, 0)


@given(
    first_day=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
    clock=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    every=st.sampled_from(Repeat),
    weeks=st.integers(1, 52),
)
def test_every_occurrence_keeps_the_weekday_and_uk_time_of_the_first(
    first_day, clock, every, weeks
):
    first = datetime.combine(first_day, clock, tzinfo=UK)
    until = first_day + timedelta(weeks=weeks)
    starts = occurrences(first, every, until)
    assert starts[0] == first
    assert all(s.astimezone(UK).replace(tzinfo=None).time() == clock for s in starts)
    assert all(s.weekday() == first_day.weekday() for s in starts)
    assert all(b.date() - a.date() == every.step for a, b in zip(starts, starts[1:], strict=False))
    assert starts[-1].date() <= until < starts[-1].date() + every.step


OPEN = AppointmentState(TOMORROW_10AM, cancelled=False, outcome_recorded=False)


def reschedule(**fields):
    values = {
        "starts_at": TOMORROW_10AM + timedelta(days=1),
        "duration_minutes": 30,
        "reason": "Job interview",
        "requested_by": "person",
        "now": NOW,
        "state": OPEN,
    }
    return rules(validate_reschedule(**{**values, **fields}))


def test_a_reschedule_needs_a_reason_and_who_asked():
    assert reschedule() == set()
    assert reschedule(reason="  ", requested_by=None) == {
        ("reason", "required"),
        ("requested_by", "required"),
    }


def test_it_refuses_to_reschedule_into_the_past_or_to_the_same_time():
    assert ("starts_at", "not_in_past") in reschedule(starts_at=NOW - timedelta(hours=1))
    assert ("starts_at", "unchanged") in reschedule(starts_at=TOMORROW_10AM)


def test_it_refuses_to_change_a_cancelled_appointment():
    cancelled = AppointmentState(TOMORROW_10AM, cancelled=True, outcome_recorded=False)
    assert reschedule(state=cancelled) == {("appointment", "cancelled")}
    assert rules(validate_cancellation(reason="x", state=cancelled)) == {
        ("appointment", "cancelled")
    }


def test_a_cancellation_needs_a_reason():
    assert rules(validate_cancellation(reason="", state=OPEN)) == {("reason", "required")}


def outcome(outcome="ATTC", enforcement_action=None, now=TOMORROW_10AM + timedelta(hours=1)):
    return rules(
        validate_outcome(
            outcome=outcome, enforcement_action=enforcement_action, now=now, state=OPEN
        )
    )


def test_the_outcome_is_recorded_only_once_the_appointment_has_started():
    assert outcome(now=NOW) == {("outcome", "not_yet_started")}
    assert outcome(now=TOMORROW_10AM) == set()


def test_a_failure_to_comply_asks_for_the_enforcement_action():
    assert outcome("AFTA") == {("enforcement_action", "required")}
    assert outcome("AFTA", "EA02") == set()
    assert outcome("AAME") == set()


def test_a_rescheduled_outcome_is_not_recorded_by_hand():
    assert outcome("RSOF") == {("outcome", "use_reschedule")}


def test_it_refuses_a_second_outcome():
    done = AppointmentState(TOMORROW_10AM, cancelled=False, outcome_recorded=True)
    problems = validate_outcome(
        outcome="ATTC", enforcement_action=None, now=TOMORROW_10AM, state=done
    )
    assert rules(problems) == {("appointment", "outcome_recorded")}


def test_appointments_overlap_when_they_share_time_not_when_they_touch():
    booked = [
        Booking(1, TOMORROW_10AM, 60),
        Booking(2, TOMORROW_10AM + timedelta(hours=2), 30),
    ]
    assert overlapping(TOMORROW_10AM + timedelta(minutes=30), 60, booked) == [booked[0]]
    assert overlapping(TOMORROW_10AM + timedelta(hours=1), 60, booked) == []
    assert overlapping(TOMORROW_10AM - timedelta(hours=1), 240, booked) == booked


@given(
    a=st.integers(0, 2000),
    a_len=st.integers(5, 480),
    b=st.integers(0, 2000),
    b_len=st.integers(5, 480),
)
def test_overlap_is_symmetric(a, a_len, b, b_len):
    start_a = TOMORROW_10AM + timedelta(minutes=a)
    start_b = TOMORROW_10AM + timedelta(minutes=b)
    one = bool(overlapping(start_a, a_len, [Booking(2, start_b, b_len)]))
    other = bool(overlapping(start_b, b_len, [Booking(1, start_a, a_len)]))
    assert one == other


def test_the_diary_week_starts_on_monday():
    assert week_of(date(2026, 11, 22)) == date(2026, 11, 16)
    assert week_of(date(2026, 11, 16)) == date(2026, 11, 16)


def test_an_appointment_another_system_recorded_may_be_past_and_cancelled_with_a_reason():
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    past = NewAppointment("COAP", now - timedelta(days=300), 30, "Office")
    assert (
        validate_appointment_record(past, now=now, cancelled_at=None, cancellation_reason="") == []
    )
    cancelled = validate_appointment_record(
        past, now=now, cancelled_at=now - timedelta(days=301), cancellation_reason=""
    )
    assert [(p.field, p.rule) for p in cancelled] == [("cancellation_reason", "required")]
    with_outcome = validate_appointment_record(
        past, now=now, cancelled_at=now, cancellation_reason="Ill", outcome_type="COAP"
    )
    assert [(p.field, p.rule) for p in with_outcome] == [("contact", "cancelled")]
    nowhere = NewAppointment("COAP", now - timedelta(days=1), 3, "")
    assert {
        p.rule
        for p in validate_appointment_record(
            nowhere, now=now, cancelled_at=None, cancellation_reason=""
        )
    } == {"out_of_range", "required"}
