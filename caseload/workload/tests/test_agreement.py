"""The workload agreement's pure rules, and the default agreement's coverage of every task."""

from datetime import date
from decimal import Decimal

import pytest

from caseload.contacts.domain import CONTACT_TYPES, RECORDED_BY_HAND
from caseload.essentials.domain.rules import RULES
from caseload.workload.domain.agreement import (
    Agreement,
    Setting,
    Task,
    TaskKind,
    Timing,
    UnknownTask,
    agreed_minutes,
    in_force,
    with_responsive_share,
)
from caseload.workload.domain.default_agreement import DEFAULT_TIMINGS

OFFICE = Task(TaskKind.CONTACT, "COAP")
HOME = Task(TaskKind.CONTACT, "CHVS")
REPORT = Task(TaskKind.REPORT, "STANDARD")


def agreement(day: date = date(2026, 1, 1), version: int = 1) -> Agreement:
    timings = [
        Timing(OFFICE, 45, "Office visit", Setting.OFFICE),
        Timing(HOME, 60, "Home visit", Setting.HOME_VISIT),
        Timing(REPORT, 360, "Pre-sentence report"),
        Timing(Task(TaskKind.RECORDING), 15, "Recording"),
        Timing(Task(TaskKind.TRAVEL), 40, "Travel"),
    ]
    return Agreement(day, {t.task: t for t in timings}, Decimal(30), version=version)


def test_a_contact_takes_its_minutes_and_the_recording_after_it():
    assert agreed_minutes(agreement(), OFFICE) == 45 + 15


def test_a_home_visit_also_takes_the_travel_there_and_back():
    assert agreed_minutes(agreement(), HOME) == 60 + 15 + 40


def test_a_report_takes_its_own_minutes_only():
    assert agreed_minutes(agreement(), REPORT) == 360


def test_it_refuses_to_guess_a_task_the_agreement_has_no_timing_for():
    with pytest.raises(UnknownTask, match="no timing for report 'PAROLE'"):
        agreed_minutes(agreement(), Task(TaskKind.REPORT, "PAROLE"))


def test_the_responsive_share_is_added_on_top_of_planned_minutes():
    assert with_responsive_share(100, agreement()) == Decimal(130)


def test_the_agreement_in_force_is_the_latest_taking_effect_on_or_before_the_day():
    older, newer = agreement(date(2026, 1, 1), 1), agreement(date(2026, 6, 1), 2)
    assert in_force([newer, older], date(2026, 5, 31)) is older
    assert in_force([newer, older], date(2026, 6, 1)) is newer
    assert in_force([newer, older], date(2025, 12, 31)) is None


def test_of_two_taking_effect_the_same_day_the_later_version_is_in_force():
    first, second = agreement(date(2026, 6, 1), 1), agreement(date(2026, 6, 1), 2)
    assert in_force([second, first], date(2026, 6, 1)) is second


def test_the_default_agreement_times_every_contact_type_and_every_essential():
    tasks = {timing.task for timing in DEFAULT_TIMINGS}
    # What the system records itself (a case allocated) is no one's task.
    assert {Task(TaskKind.CONTACT, code) for code in RECORDED_BY_HAND} <= tasks
    assert {Task(TaskKind.ESSENTIAL, kind) for kind in RULES} <= tasks
    assert {Task(TaskKind.RECORDING), Task(TaskKind.TRAVEL)} <= tasks


def test_every_default_timing_says_it_is_a_local_estimate():
    assert all(t.local_estimate and t.source == "Local estimate" for t in DEFAULT_TIMINGS)


def test_the_default_home_visits_are_in_the_home_visit_setting():
    home = {t.task.code for t in DEFAULT_TIMINGS if t.setting is Setting.HOME_VISIT}
    assert {code for code, kind in CONTACT_TYPES.items() if kind.home_visit} <= home
