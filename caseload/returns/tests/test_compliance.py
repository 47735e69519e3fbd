"""compliance: the compliance panel per sentence as a case-level list, listing only the cases
the user may see and counting every case in the summary."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.compliance.domain import compliance_since
from caseload.contacts.models import Contact
from caseload.diary.models import Reschedule
from caseload.enforcement.models import Breach, RecallConsideration
from caseload.enforcement.reading import contact_fact
from caseload.returns.catalogue.compliance import COLUMNS, RETURN
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.scope import scope_for
from caseload.testing.factories import (
    AllocationFactory,
    AppointmentFactory,
    EventFactory,
    PersonFactory,
    SentenceFactory,
)

AS_AT = date(2026, 11, 30)
PERIOD_FROM = date(2026, 6, 1)
TODAY = date(2026, 12, 1)
NAMES = [c.name for c in COLUMNS]


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _case(staff, *, sentence_date=date(2026, 3, 2), sentence_type="CO", **person):
    somebody = PersonFactory(**person)
    sentence = SentenceFactory(
        event__person=somebody, sentence_type=sentence_type, sentence_date=sentence_date
    )
    AllocationFactory(person=somebody, staff=staff, start_date=sentence_date)
    return somebody, sentence


def _contact(person, day, outcome, action="", *, contact_type="COAP", event=None, hour=10):
    return Contact.objects.create(
        person=person,
        event=event,
        contact_type=contact_type,
        happened_at=_at(day, hour),
        outcome=outcome,
        enforcement_action=action,
    )


def _scope(user, as_at=AS_AT, period_from=PERIOD_FROM):
    return scope_for(user.user, ReturnFilters(as_at, period_from), today=TODAY)


def _rows(user, **kwargs):
    return [dict(zip(NAMES, row, strict=True)) for row in RETURN.rows(_scope(user, **kwargs))]


def _figures(row, *names):
    return tuple(row[name] for name in names)


@pytest.mark.django_db
def test_a_sentence_has_the_figures_the_compliance_panel_gives_it(practitioner, analyst):
    person, sentence = _case(practitioner, first_name="Jamal", last_name="Scott")
    for day, outcome, action in (
        (date(2026, 6, 2), "ATTC", ""),
        (date(2026, 6, 9), "AAME", ""),
        (date(2026, 6, 16), "UAAB", "EA02"),
        (date(2026, 6, 23), "AFTC", "NFA"),
        (date(2026, 6, 30), "RSOF", ""),
    ):
        _contact(person, day, outcome, action)
    _contact(person, date(2026, 7, 1), "", contact_type="CTOA")
    (row,) = _rows(analyst, period_from=sentence.sentence_date, as_at=AS_AT)
    panel = compliance_since(
        [contact_fact(c) for c in Contact.objects.filter(person=person)],
        since=sentence.sentence_date,
        today=AS_AT,
    )
    assert _figures(row, "crn", "name", "team", "practitioner", "sentence", "sentence_date") == (
        person.crn,
        "Jamal Scott",
        practitioner.team.name,
        str(practitioner),
        "Community order",
        date(2026, 3, 2),
    )
    assert _figures(
        row, "appointments", "complied", "failures_to_comply", "acceptable_absences"
    ) == (
        panel.appointments,
        panel.attended_and_complied,
        panel.failures_to_comply,
        panel.acceptable_absences,
    )
    assert row["warning_letters"] == panel.warnings_given == 1
    assert _figures(row, "appointments", "unacceptable_absences") == (5, 1)


@pytest.mark.django_db
def test_only_contacts_of_the_period_and_of_the_sentence_count(practitioner, analyst):
    person, sentence = _case(practitioner)
    other = EventFactory(person=person, number=2)
    _contact(person, date(2026, 5, 29), "ATTC")
    _contact(person, date(2026, 12, 1), "ATTC")
    _contact(person, date(2026, 7, 7), "ATTC", event=other)
    _contact(person, date(2026, 7, 8), "ATTC", event=sentence.event)
    _contact(person, date(2026, 7, 9), "ATTC")
    (row,) = _rows(analyst)
    assert row["appointments"] == 2


@pytest.mark.django_db
def test_a_contact_counts_for_a_sentence_by_its_uk_day(practitioner, analyst):
    """00:30 on 2 June 2026 in London is 23:30 on 1 June in UTC."""
    person, _ = _case(practitioner, sentence_date=date(2026, 6, 2))
    Contact.objects.create(
        person=person,
        contact_type="COAP",
        happened_at=_at(date(2026, 6, 2), 0) + timedelta(minutes=30),
        outcome="ATTC",
    )
    (row,) = _rows(analyst)
    assert row["appointments"] == 1


@pytest.mark.django_db
def test_failures_count_each_day_once_and_afresh_after_the_last_breach_ended(practitioner, analyst):
    person, sentence = _case(practitioner)
    _contact(person, date(2026, 6, 2), "UAAB", "EA02", hour=9)
    _contact(person, date(2026, 6, 2), "AFTC", "NFA", hour=15)
    started_by = _contact(person, date(2026, 7, 1), "AFTA", "IBR")
    Breach.objects.create(
        person=person,
        sentence=sentence,
        started_by=started_by,
        started_on=date(2026, 7, 1),
        pack_sent_on=date(2026, 7, 8),
        outcome="ABCF",
        outcome_on=date(2026, 8, 3),
    )
    _contact(person, date(2026, 8, 3), "UAAB", "NFA")
    _contact(person, date(2026, 8, 10), "UAAB", "EA02")
    (row,) = _rows(analyst)
    assert row["failures_to_comply"] == 1
    assert row["unacceptable_absences"] == 4
    assert _figures(row, "breaches_current", "breaches_prior") == (0, 1)
    (before,) = _rows(analyst, as_at=date(2026, 8, 2))
    assert before["failures_to_comply"] == 2
    assert _figures(before, "breaches_current", "breaches_prior") == (1, 0)


@pytest.mark.django_db
def test_appointments_without_an_outcome_and_rescheduled_ones_by_who_asked(practitioner, analyst):
    person, _ = _case(practitioner)
    AppointmentFactory(person=person, with_staff=practitioner, starts_at=_at(date(2026, 9, 1)))
    AppointmentFactory(
        person=person,
        with_staff=practitioner,
        starts_at=_at(date(2026, 9, 2)),
        cancelled_at=_at(date(2026, 8, 30)),
    )
    moved = AppointmentFactory(
        person=person, with_staff=practitioner, starts_at=_at(date(2026, 9, 10))
    )
    for requested_by, from_day in (
        ("person", date(2026, 9, 3)),
        ("person", date(2026, 9, 7)),
        ("service", date(2026, 9, 9)),
    ):
        Reschedule.objects.create(
            appointment=moved,
            from_starts_at=_at(from_day),
            to_starts_at=_at(from_day + timedelta(days=1)),
            from_duration_minutes=30,
            to_duration_minutes=30,
            requested_by=requested_by,
            reason="Asked to move it",
        )
    Reschedule.objects.update(rescheduled_at=_at(date(2026, 9, 1)))
    (row,) = _rows(analyst)
    assert row["outcome_not_recorded"] == 2
    assert _figures(row, "rescheduled_by_person", "rescheduled_by_service") == (2, 1)


@pytest.mark.django_db
def test_a_licence_shows_its_recalls_decided_by_the_as_at_day(practitioner, manager, analyst):
    person, sentence = _case(practitioner, sentence_type="LIC")
    RecallConsideration.objects.create(
        person=person,
        sentence=sentence,
        considered_on=date(2026, 9, 30),
        why="CONTACT_STOPPED",
        recommended_type="STANDARD",
        decision="RECALL",
        decided_at=_at(date(2026, 10, 1)),
        decided_by=manager.user,
    )
    assert _rows(analyst)[0]["recalls_decided"] == 1
    assert _rows(analyst, as_at=date(2026, 9, 30))[0]["recalls_decided"] == 0


@pytest.mark.django_db
def test_sentences_ended_before_the_period_or_starting_after_it_are_not_listed(
    practitioner, analyst
):
    person, _ = _case(practitioner)
    SentenceFactory(
        event=EventFactory(person=person, number=2),
        sentence_date=date(2025, 1, 6),
        termination_date=date(2026, 6, 1),
    )
    SentenceFactory(event=EventFactory(person=person, number=3), sentence_date=date(2026, 12, 1))
    assert [row["sentence_date"] for row in _rows(analyst)] == [date(2026, 3, 2)]


@pytest.mark.django_db
def test_a_limited_access_case_is_counted_in_the_summary_but_not_listed(
    practitioner, manager, analyst
):
    seen, _ = _case(practitioner)
    hidden, _ = _case(practitioner)
    _contact(seen, date(2026, 6, 2), "ATTC")
    _contact(hidden, date(2026, 6, 2), "UAAB", "EA02")
    LimitedAccess.objects.create(
        person=hidden,
        kind=LimitedAccessKind.RESTRICTION,
        user=manager.user,
        start_date=date(2026, 1, 1),
    )
    assert [row["crn"] for row in _rows(analyst)] == [seen.crn]
    summary = dict(RETURN.summary(_scope(analyst)).rows)
    assert summary["Sentences"] == 2
    assert summary["Appointments"] == 2
    assert summary["Unacceptable absences"] == 1
    assert summary["Sentences with no failures to comply (%)"] == Decimal("50.0")
    assert hidden.crn not in repr(RETURN.summary(_scope(analyst)))


def _queries_for_rows(user) -> int:
    with CaptureQueriesContext(connection) as queries:
        list(RETURN.rows(_scope(user)))
    return len(queries)


@pytest.mark.django_db
def test_the_rows_take_the_same_queries_however_many_sentences(practitioner, analyst):
    person, _ = _case(practitioner)
    _contact(person, date(2026, 6, 2), "UAAB", "EA02")
    one = _queries_for_rows(analyst)
    for _ in range(4):
        person, _ = _case(practitioner)
        _contact(person, date(2026, 6, 2), "ATTC")
    assert len(_rows(analyst)) == 5
    assert _queries_for_rows(analyst) == one
