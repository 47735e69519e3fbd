"""arms-sara: which cases call for an ARMS or a SARA, why, and whether one is current."""

from datetime import timedelta

import pytest
from django.utils import timezone

from caseload.access.models import LimitedAccess, LimitedAccessKind
from caseload.core.dates import add_months
from caseload.people.models import CriminalHistory
from caseload.returns.catalogue.arms_sara import CURRENT, NONE_RECORDED, OUT_OF_DATE, RETURN
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.scope import scope_for
from caseload.risk.actions import record_tool_assessment
from caseload.risk.models import Registration, ToolAssessment
from caseload.testing.factories import case_held_by

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = TODAY - timedelta(days=20)


def _rows(user, day=DAY):
    scope = scope_for(user, ReturnFilters(as_at=day), TODAY)
    names = [c.name for c in RETURN.columns]
    return [dict(zip(names, row, strict=True)) for row in RETURN.rows(scope)]


def _required(user, day=DAY):
    return {(r["crn"], r["tool"]): r["required_because"] for r in _rows(user, day)}


def _summary(user, day=DAY):
    table = RETURN.summary(scope_for(user, ReturnFilters(as_at=day), TODAY))
    return {row[0]: tuple(row[1:]) for row in table.rows}


def _register(person, code, registered_on=DAY - timedelta(days=10), **fields):
    return Registration.objects.create(
        person=person, register=code, registered_on=registered_on, **fields
    )


def test_a_registered_sex_offender_requires_an_arms_and_none_is_recorded(practitioner, analyst):
    case = case_held_by(practitioner, first_name="Dean", last_name="Clark")
    _register(case, "ARSO")

    [row] = _rows(analyst.user)

    assert row["name"] == "Clark, Dean"
    assert (row["tool"], row["required_because"]) == ("ARMS", "Registered sex offender")
    assert row["current"] == NONE_RECORDED
    assert (row["practitioner"], row["team"]) == (
        practitioner.user.get_full_name(),
        practitioner.team.name,
    )


def test_a_mappa_category_1_registration_or_a_sexual_conviction_requires_an_arms(
    practitioner, analyst
):
    mappa = case_held_by(practitioner)
    _register(mappa, "MAPP", category="M1", level="M1")
    other_mappa = case_held_by(practitioner)
    _register(other_mappa, "MAPP", category="M2", level="M1")
    convicted = case_held_by(practitioner)
    CriminalHistory.objects.filter(person=convicted).update(indecent_image_sanctions=1)

    assert _required(analyst.user) == {
        (mappa.crn, "ARMS"): "MAPPA category 1",
        (convicted.crn, "ARMS"): "Sexual offence on the criminal record",
    }


def test_arms_is_not_required_on_a_case_recorded_as_a_woman_s(practitioner, analyst):
    case = case_held_by(practitioner, sex="FEMALE")
    _register(case, "ARSO")
    _register(case, "ADVP")

    assert _required(analyst.user) == {(case.crn, "SARA"): "Domestic abuse perpetrator"}


def test_a_domestic_abuse_perpetrator_or_history_registration_requires_a_sara(
    practitioner, analyst
):
    case = case_held_by(practitioner)
    _register(case, "ADVP")
    _register(case, "REG30")
    victim = case_held_by(practitioner)
    _register(victim, "ADVV")

    assert _required(analyst.user) == {
        (case.crn, "SARA"): "Domestic abuse perpetrator; domestic abuse history"
    }


def test_one_case_can_require_both(practitioner, analyst):
    case = case_held_by(practitioner)
    _register(case, "ARSO")
    _register(case, "ADVP")

    assert set(_required(analyst.user)) == {(case.crn, "ARMS"), (case.crn, "SARA")}


def test_only_registrations_in_force_on_the_day_call_for_a_tool(practitioner, analyst):
    ended = case_held_by(practitioner)
    _register(ended, "ADVP", DAY - timedelta(days=100), deregistered_on=DAY)
    later = case_held_by(practitioner)
    _register(later, "ARSO", DAY + timedelta(days=1))

    assert _required(analyst.user) == {}
    assert _summary(analyst.user) == {"ARMS": (0, 0), "SARA": (0, 0)}


def test_a_limited_access_case_is_counted_in_the_summary_but_never_listed(
    practitioner, analyst, manager
):
    seen = case_held_by(practitioner)
    _register(seen, "ADVP")
    hidden = case_held_by(practitioner)
    _register(hidden, "ADVP")
    _register(hidden, "ARSO")
    LimitedAccess.objects.create(
        person=hidden,
        kind=LimitedAccessKind.RESTRICTION,
        user=manager.user,
        start_date=DAY - timedelta(days=30),
    )

    assert set(_required(analyst.user)) == {(seen.crn, "SARA")}
    assert _summary(analyst.user) == {"ARMS": (1, 0), "SARA": (2, 0)}


def _current(user, day=DAY):
    return {(r["crn"], r["tool"]): (r["last_completed"], r["current"]) for r in _rows(user, day)}


def test_an_assessment_completed_in_the_12_months_to_the_day_is_current(practitioner, analyst):
    case = case_held_by(practitioner)
    _register(case, "ADVP")
    year_before = add_months(DAY, -12)
    ToolAssessment.objects.create(person=case, tool="SARA", completed_on=year_before)

    assert _current(analyst.user) == {(case.crn, "SARA"): (year_before, CURRENT)}
    day_after = DAY + timedelta(days=1)
    if add_months(day_after, -12) > year_before:  # not where the month's end clips the day
        assert _current(analyst.user, day_after)[(case.crn, "SARA")][1] == OUT_OF_DATE


def test_an_assessment_completed_after_the_day_is_not_yet_recorded(practitioner, analyst):
    case = case_held_by(practitioner)
    _register(case, "ARSO")
    ToolAssessment.objects.create(person=case, tool="ARMS", completed_on=DAY + timedelta(days=1))

    assert _current(analyst.user) == {(case.crn, "ARMS"): (None, NONE_RECORDED)}


def test_only_the_latest_of_the_tool_required_counts(practitioner, analyst):
    case = case_held_by(practitioner)
    _register(case, "ARSO")
    ToolAssessment.objects.create(person=case, tool="ARMS", completed_on=DAY - timedelta(400))
    ToolAssessment.objects.create(person=case, tool="SARA", completed_on=DAY - timedelta(10))

    assert _current(analyst.user) == {(case.crn, "ARMS"): (DAY - timedelta(400), OUT_OF_DATE)}
    assert _summary(analyst.user) == {"ARMS": (1, 0), "SARA": (0, 0)}


def test_recording_a_sara_through_its_action_makes_it_current(practitioner, analyst):
    case = case_held_by(practitioner)
    _register(case, "ADVP")
    assert _summary(analyst.user, TODAY) == {"ARMS": (0, 0), "SARA": (1, 0)}

    record_tool_assessment(case.crn, acting_user=practitioner.user, tool="SARA", completed_on=TODAY)

    assert _current(analyst.user, TODAY) == {(case.crn, "SARA"): (TODAY, CURRENT)}
    assert _summary(analyst.user, TODAY) == {"ARMS": (0, 0), "SARA": (1, 1)}
