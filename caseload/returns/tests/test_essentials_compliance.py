"""essentials-compliance: each essential due in the period is done on time, done late or
outstanding at the end of the "as at" day, by team and practitioner."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.essentials.models import EssentialDue, EssentialOverride, OverrideKind
from caseload.returns.catalogue.essentials_compliance import (
    FIRST_ON_COMMUNITY,
    FIRST_ON_RELEASE,
    RETURN,
)
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.scope import scope_for
from caseload.testing.factories import AllocationFactory, PersonFactory, SentenceFactory

AS_AT = date(2026, 11, 30)
PERIOD_FROM = date(2026, 11, 1)
HOME_VISIT = "Home visit"


def _case(staff, sentence_type="CO"):
    person = PersonFactory()
    SentenceFactory(
        event__person=person, sentence_type=sentence_type, sentence_date=date(2026, 6, 1)
    )
    AllocationFactory(person=person, staff=staff, start_date=date(2026, 6, 1))
    return person


def _essential(person, kind="home_visit", *, due_on, done_on=None, state=None, subject=""):
    return EssentialDue.objects.create(
        person=person,
        kind=kind,
        subject=subject,
        state=state or ("done" if done_on else "due"),
        due_on=due_on,
        done_on=done_on,
        reason="As the engine wrote it",
        facts_as_at=date(2026, 11, 30),
    )


def _rows(user, as_at=AS_AT, period_from=PERIOD_FROM):
    filters = ReturnFilters(as_at=as_at, period_from=period_from)
    return list(RETURN.rows(scope_for(user.user, filters, today=date(2026, 12, 1))))


def _figures(rows, essential=HOME_VISIT):
    """(due, on time, late, outstanding, on time %) of the one row for `essential`."""
    (found,) = [row for row in rows if row[2] == essential]
    return tuple(found[4:])


@pytest.mark.django_db
def test_work_done_by_its_due_date_is_on_time_and_after_it_late(practitioner, analyst):
    person = _case(practitioner)
    _essential(person, due_on=date(2026, 11, 10), done_on=date(2026, 11, 10))
    _essential(person, "police_da_enquiry", due_on=date(2026, 11, 10), done_on=date(2026, 11, 11))
    rows = _rows(analyst)
    assert _figures(rows) == (1, 1, 0, 0, Decimal("100.0"))
    assert _figures(rows, "Police domestic abuse enquiry") == (1, 0, 1, 0, Decimal("0.0"))
    assert rows[0][:2] == (practitioner.team.name, str(practitioner))


@pytest.mark.django_db
def test_work_not_done_by_the_end_of_the_as_at_day_is_outstanding_even_if_done_since(
    practitioner, analyst
):
    person = _case(practitioner)
    _essential(person, due_on=date(2026, 11, 20), done_on=date(2026, 11, 30))
    assert _figures(_rows(analyst, as_at=date(2026, 11, 29))) == (1, 0, 0, 1, Decimal("0.0"))
    assert _figures(_rows(analyst, as_at=date(2026, 11, 30))) == (1, 0, 1, 0, Decimal("0.0"))


@pytest.mark.django_db
def test_a_recurring_essential_due_again_is_outstanding_though_it_was_done_before(
    practitioner, analyst
):
    person = _case(practitioner)
    _essential(person, "registration_review", due_on=date(2026, 11, 5), done_on=date(2026, 8, 5))
    EssentialDue.objects.filter(person=person).update(state="due")
    assert _figures(_rows(analyst), "Registration review") == (1, 0, 0, 1, Decimal("0.0"))


@pytest.mark.django_db
def test_work_not_required_not_yet_due_or_due_before_the_period_is_not_counted(
    practitioner, analyst
):
    person = _case(practitioner)
    _essential(person, due_on=date(2026, 11, 10), state="not_required")
    _essential(person, "police_da_enquiry", due_on=date(2026, 12, 1))
    _essential(person, "safeguarding_enquiry", due_on=date(2026, 10, 31))
    _essential(person, "rosh_assessment", due_on=None)
    assert _rows(analyst) == []


@pytest.mark.django_db
def test_a_not_applicable_in_force_leaves_outstanding_work_out_and_a_snooze_does_not(
    practitioner, analyst
):
    person = _case(practitioner)
    _essential(person, due_on=date(2026, 11, 10))
    _essential(person, "police_da_enquiry", due_on=date(2026, 11, 10))
    recorded = timezone.make_aware(datetime.combine(date(2026, 11, 12), time(9, 0)))
    for kind, override in (
        ("home_visit", OverrideKind.NOT_APPLICABLE),
        ("police_da_enquiry", OverrideKind.SNOOZE),
    ):
        EssentialOverride.objects.create(
            person=person,
            kind=kind,
            override=override,
            reason="In hospital until further notice",
            until=date(2026, 12, 31),
            by=practitioner.user,
            at=recorded,
        )
    rows = _rows(analyst)
    assert [row[2] for row in rows] == ["Police domestic abuse enquiry"]
    assert _figures(rows, "Police domestic abuse enquiry") == (1, 0, 0, 1, Decimal("0.0"))
    assert _figures(_rows(analyst, as_at=date(2026, 11, 11))) == (1, 0, 0, 1, Decimal("0.0"))


@pytest.mark.django_db
def test_a_not_applicable_that_has_ended_no_longer_excuses_the_work(practitioner, analyst):
    person = _case(practitioner)
    _essential(person, due_on=date(2026, 11, 10))
    EssentialOverride.objects.create(
        person=person,
        kind="home_visit",
        override=OverrideKind.NOT_APPLICABLE,
        reason="Address not yet known",
        until=date(2026, 11, 20),
        by=practitioner.user,
        at=timezone.make_aware(datetime.combine(date(2026, 11, 1), time(9, 0))),
    )
    assert _rows(analyst, as_at=date(2026, 11, 20)) == []
    assert _figures(_rows(analyst)) == (1, 0, 0, 1, Decimal("0.0"))


@pytest.mark.django_db
def test_first_appointments_on_community_sentences_are_sl004_and_on_licences_apart(
    practitioner, analyst
):
    for sentence_type in ("CO", "SSO", "LIC"):
        person = _case(practitioner, sentence_type)
        _essential(person, "first_appointment", due_on=date(2026, 11, 9), done_on=date(2026, 11, 9))
    _essential(
        person, "initial_sentence_plan", due_on=date(2026, 11, 20), done_on=date(2026, 11, 25)
    )
    rows = {row[2]: (row[3], *row[4:]) for row in _rows(analyst)}
    assert rows == {
        FIRST_ON_COMMUNITY: ("SL004", 2, 2, 0, 0, Decimal("100.0")),
        FIRST_ON_RELEASE: ("", 1, 1, 0, 0, Decimal("100.0")),
        "Initial sentence plan": ("SL006", 1, 0, 1, 0, Decimal("0.0")),
    }


@pytest.mark.django_db
def test_each_practitioner_has_their_own_rows_and_the_summary_adds_them(
    practitioner, manager, analyst
):
    _essential(_case(practitioner), due_on=date(2026, 11, 10), done_on=date(2026, 11, 9))
    _essential(_case(manager), due_on=date(2026, 11, 10))
    rows = _rows(analyst)
    assert sorted((row[1], row[5], row[7]) for row in rows) == sorted(
        [(str(practitioner), 1, 0), (str(manager), 0, 1)]
    )
    scope = scope_for(analyst.user, ReturnFilters(AS_AT, PERIOD_FROM), today=date(2026, 12, 1))
    assert RETURN.summary(scope).rows == ((HOME_VISIT, "", 2, Decimal("50.0")),)


@pytest.mark.django_db
def test_a_limited_access_case_is_counted(practitioner, manager, analyst):
    person = _case(practitioner)
    _essential(person, due_on=date(2026, 11, 10), done_on=date(2026, 11, 9))
    LimitedAccess.objects.create(
        person=person,
        kind=LimitedAccessKind.RESTRICTION,
        user=manager.user,
        start_date=date(2026, 1, 1),
    )
    assert _figures(_rows(analyst)) == (1, 1, 0, 0, Decimal("100.0"))


def _queries_for_rows(user) -> int:
    scope = scope_for(user.user, ReturnFilters(AS_AT, PERIOD_FROM), today=date(2026, 12, 1))
    with CaptureQueriesContext(connection) as queries:
        list(RETURN.rows(scope))
    return len(queries)


@pytest.mark.django_db
def test_the_rows_take_the_same_queries_however_many_cases(practitioner, manager, analyst):
    _essential(_case(practitioner), due_on=date(2026, 11, 10))
    one = _queries_for_rows(analyst)
    for staff in (practitioner, manager, manager):
        person = _case(staff)
        _essential(person, due_on=date(2026, 11, 10), done_on=date(2026, 11, 12))
        _essential(person, "first_appointment", due_on=date(2026, 11, 9))
    assert _queries_for_rows(analyst) == one
