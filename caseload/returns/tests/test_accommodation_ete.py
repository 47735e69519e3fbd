"""The accommodation and ETE return: each measure read on its own day, by team, suppressed."""

from datetime import date, timedelta

import pytest

from caseload.access.models import LimitedAccess
from caseload.people.models import Address, Circumstance
from caseload.returns.catalogue.accommodation_ete import MEASURES, measure_counts, rows
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.domain.suppression import SMALL
from caseload.returns.scope import scope_for
from caseload.testing.factories import AllocationFactory, PersonFactory, SentenceFactory

AS_AT = date(2026, 6, 30)
PERIOD_FROM = date(2026, 4, 1)

pytestmark = pytest.mark.django_db


def _scope(analyst, as_at=AS_AT, period_from=PERIOD_FROM):
    filters = ReturnFilters(as_at=as_at, period_from=period_from)
    return scope_for(analyst.user, filters, today=date(2026, 11, 1))


def _held(practitioner):
    person = PersonFactory()
    AllocationFactory(person=person, staff=practitioner, start_date=date(2025, 1, 1))
    return person


def _released(practitioner, on, **sentence):
    person = _held(practitioner)
    SentenceFactory(
        event__person=person,
        sentence_type="LIC",
        sentence_date=on - timedelta(days=365),
        release_date=on,
        **sentence,
    )
    return person


def _sentenced(practitioner, on, **sentence):
    person = _held(practitioner)
    SentenceFactory(event__person=person, sentence_type="CO", sentence_date=on, **sentence)
    return person


def _status(person, kind, status, start, end=None):
    Circumstance.objects.create(
        person=person, kind=kind, status=status, start_date=start, end_date=end
    )


def _count(analyst, practitioner, key, **scope):
    return measure_counts(_scope(analyst, **scope))[key].get(practitioner.team.name, (0, 0))


def test_housed_on_release_reads_the_status_on_the_day_of_release(practitioner, analyst):
    day = date(2026, 5, 1)
    _status(_released(practitioner, day), "ACCOMMODATION", "TEMPORARY", day)
    _status(_released(practitioner, day), "ACCOMMODATION", "APPROVED_PREMISES", day)
    _status(_released(practitioner, day), "ACCOMMODATION", "NFA", day)
    later = _released(practitioner, day)
    _status(later, "ACCOMMODATION", "NFA", day, end=day + timedelta(days=1))
    _status(later, "ACCOMMODATION", "SETTLED", day + timedelta(days=1))
    assert _count(analyst, practitioner, "MI014") == (4, 2)


def test_no_status_on_the_day_is_left_out_and_custody_is_out_of_scope(practitioner, analyst):
    day = date(2026, 5, 1)
    _released(practitioner, day)  # nothing recorded
    _status(_released(practitioner, day), "ACCOMMODATION", "CUSTODY", day)
    _status(_released(practitioner, day), "ACCOMMODATION", "SETTLED", day + timedelta(days=1))
    assert _count(analyst, practitioner, "MI014") == (0, 0)


def test_a_main_address_with_no_status_recorded_counts_as_housed(practitioner, analyst):
    day = date(2026, 5, 1)
    person = _released(practitioner, day)
    Address.objects.create(
        person=person,
        kind="MAIN",
        line_1="1 High Street",
        town="Camden",
        postcode="NW1 1AA",
        start_date=day,
    )
    assert _count(analyst, practitioner, "MI014") == (1, 1)
    assert _count(analyst, practitioner, "MI015a", as_at=day + timedelta(days=91)) == (0, 0)


def test_releases_count_when_the_day_of_release_is_in_the_period(practitioner, analyst):
    for day in (PERIOD_FROM, AS_AT, PERIOD_FROM - timedelta(days=1), AS_AT + timedelta(days=1)):
        _status(_released(practitioner, day), "ACCOMMODATION", "SETTLED", day)
    assert _count(analyst, practitioner, "MI014") == (2, 2)


def test_settled_3_months_after_release_is_read_91_days_on(practitioner, analyst):
    released = AS_AT - timedelta(days=91)
    settled = _released(practitioner, released)
    _status(settled, "ACCOMMODATION", "TEMPORARY", released, end=AS_AT)
    _status(settled, "ACCOMMODATION", "SETTLED", AS_AT)
    too_late = _released(practitioner, released)
    _status(too_late, "ACCOMMODATION", "TEMPORARY", released, end=AS_AT + timedelta(days=1))
    _status(too_late, "ACCOMMODATION", "SETTLED", AS_AT + timedelta(days=1))
    not_yet = _released(practitioner, released + timedelta(days=1))  # its day is after as at
    _status(not_yet, "ACCOMMODATION", "SETTLED", released)
    assert _count(analyst, practitioner, "MI015a") == (2, 1)


def test_a_sentence_ended_before_its_measurement_day_is_not_counted(practitioner, analyst):
    released = AS_AT - timedelta(days=91)
    ended = _released(practitioner, released, termination_date=AS_AT)
    _status(ended, "ACCOMMODATION", "SETTLED", released)
    running = _released(practitioner, released, termination_date=AS_AT + timedelta(days=1))
    _status(running, "ACCOMMODATION", "SETTLED", released)
    assert _count(analyst, practitioner, "MI015a") == (1, 1)


def test_settled_3_months_after_a_community_sentence_counts_community_orders_only(
    practitioner, analyst
):
    start = AS_AT - timedelta(days=91)
    _status(_sentenced(practitioner, start), "ACCOMMODATION", "SETTLED", start)
    _status(_released(practitioner, start), "ACCOMMODATION", "SETTLED", start)
    assert _count(analyst, practitioner, "MI015b") == (1, 1)


def test_ete_is_read_6_weeks_and_6_months_on(practitioner, analyst):
    released = AS_AT - timedelta(days=42)
    _status(_released(practitioner, released), "EMPLOYMENT", "EMPLOYED_PT", released)
    _status(_released(practitioner, released), "EMPLOYMENT", "UNEMPLOYED", released)
    started = AS_AT - timedelta(days=182)
    _status(_sentenced(practitioner, started), "EMPLOYMENT", "EDUCATION_TRAINING", started)
    assert _count(analyst, practitioner, "ETE_6_WEEKS_RELEASE") == (2, 1)
    assert _count(analyst, practitioner, "ETE_6_MONTHS_COMMUNITY") == (1, 1)
    assert _count(analyst, practitioner, "ETE_6_MONTHS_RELEASE") == (0, 0)


def test_limited_access_cases_are_counted(practitioner, analyst):
    day = date(2026, 5, 1)
    person = _released(practitioner, day)
    _status(person, "ACCOMMODATION", "SETTLED", day)
    LimitedAccess.objects.create(
        person=person, kind="exclusion", user=analyst.user, start_date=date(2025, 1, 1)
    )
    assert _count(analyst, practitioner, "MI014") == (1, 1)


def test_every_team_has_a_row_for_every_measure_and_small_numbers_are_hidden(practitioner, analyst):
    day = date(2026, 5, 1)
    for status in ("SETTLED", "SETTLED", "NFA"):
        _status(_released(practitioner, day), "ACCOMMODATION", status, day)
    found = {row[1]: row for row in rows(_scope(analyst))}
    assert set(found) == {m.title for m in MEASURES}
    assert found["Housed on the day of release (MI014)"][2:] == (SMALL, SMALL, SMALL)
    assert found["Settled accommodation 3 months after release (MI015a)"][2:] == (0, 0, None)


def test_on_the_as_at_day_everyone_held_is_read_as_the_record_stood_that_day(practitioner, analyst):
    moved = _held(practitioner)
    _status(moved, "ACCOMMODATION", "SETTLED", date(2026, 1, 1), end=AS_AT)
    _status(moved, "ACCOMMODATION", "TEMPORARY", AS_AT)
    _status(_held(practitioner), "ACCOMMODATION", "SETTLED", date(2026, 1, 1))
    _held(practitioner)  # nothing recorded: not eligible
    assert _count(analyst, practitioner, "SETTLED_ON_THE_DAY") == (2, 1)
    day_before = AS_AT - timedelta(days=1)
    assert _count(analyst, practitioner, "SETTLED_ON_THE_DAY", as_at=day_before) == (2, 2)
