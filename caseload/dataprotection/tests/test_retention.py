"""`caseload retention`: closed cases past the retention period are deleted with their history;
everything else is kept, and a dry run changes nothing."""

import os
import subprocess
import sys
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.utils import timezone

from caseload.access.models import AuditEvent, LimitedAccess, LimitedAccessKind
from caseload.contacts.models import Contact
from caseload.dataprotection.apps import configured_retention_years
from caseload.dataprotection.domain import add_years
from caseload.dataprotection.records import held_ids, held_models, history_rows
from caseload.dataprotection.retention import apply, find_due
from caseload.people.models import Person
from caseload.risk.models import Registration
from caseload.testing.factories import (
    AllocationFactory,
    CriminalHistoryFactory,
    PersonFactory,
    RequirementFactory,
    UserFactory,
)


def years_ago(years: int) -> date:
    return add_years(timezone.localdate(), -years)


def closed_case(staff, years: int) -> Person:  # type: ignore[no-untyped-def]
    """A case whose order ended, and whose allocation closed, `years` ago; with a contact,
    a corrected record and a registration since deleted, so it has history of every kind."""
    ended = years_ago(years)
    person = PersonFactory()
    CriminalHistoryFactory(person=person)
    requirement = RequirementFactory(
        sentence__event__person=person,
        sentence__sentence_date=ended - timedelta(days=365),
        sentence__termination_date=ended,
        end_date=ended,
    )
    AllocationFactory(
        person=person, staff=staff, start_date=ended - timedelta(days=365), end_date=ended
    )
    Contact.objects.create(
        person=person,
        event=requirement.sentence.event,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(days=365 * years + 30),
        outcome="ATTC",
        notes="Spoke about his brother.",
    )
    person.preferred_name = "Danny"
    person.save()
    Registration.objects.create(
        person=person, register="RMRH", registered_on=ended - timedelta(days=30)
    ).delete()
    return person


def history_left(ids) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {
        held.label: history_rows(held, ids[held.model]).count()
        for held in held_models()
        if held.history is not None and ids[held.model]
    }


def run(*args: str) -> str:
    out = StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def test_a_case_closed_eight_years_ago_is_deleted_with_its_history(practitioner):
    case = closed_case(practitioner, 8)
    kept = closed_case(practitioner, 2)
    ids, kept_ids = held_ids([case.pk]), held_ids([kept.pk])
    kept_history = history_left(kept_ids)
    assert all(history_left(ids).values())
    assert Registration.history.filter(person_id=case.pk, history_type="-").exists()

    output = run()

    assert f"{case.crn}" in output and "deleted" in output
    assert not Person.objects.filter(pk=case.pk).exists()
    assert not Contact.objects.filter(pk__in=ids[Contact]).exists()
    assert not any(history_left(ids).values()), history_left(ids)
    assert not Registration.history.filter(person_id=case.pk).exists()
    assert history_left(kept_ids) == kept_history


def test_a_case_closed_three_years_ago_is_kept(practitioner):
    case = closed_case(practitioner, 3)
    output = run()
    assert Person.objects.filter(pk=case.pk).exists()
    assert case.crn not in output
    assert "1 closed, 0 due" in output


def test_open_cases_are_kept(practitioner, case):
    old = closed_case(practitioner, 10)
    AllocationFactory(person=old, staff=practitioner, start_date=timezone.localdate())
    run()
    assert Person.objects.filter(pk__in=[case.pk, old.pk]).count() == 2


def test_a_dry_run_lists_what_would_be_deleted_and_changes_nothing(practitioner):
    case = closed_case(practitioner, 8)
    ids = held_ids([case.pk])
    before = (history_left(ids), Person.objects.count(), AuditEvent.objects.count())

    output = run("--dry-run")

    assert f"{case.crn}  {years_ago(8)}" in output
    assert "would be deleted" in output and "Nothing was changed (dry run)" in output
    assert (history_left(ids), Person.objects.count(), AuditEvent.objects.count()) == before


def test_each_deletion_is_audited_with_the_crn_and_closure_date_only(practitioner):
    case = closed_case(practitioner, 9)
    closed_case(practitioner, 2)
    run()
    deletion = AuditEvent.objects.get(action="RETENTION_DELETE")
    assert (deletion.crn, deletion.user) == (case.crn, None)
    assert deletion.detail == {"closed_since": years_ago(9).isoformat()}
    summary = AuditEvent.objects.get(action="RETENTION_RUN")
    assert summary.crn == ""
    assert summary.detail["closed"] == 2 and summary.detail["deleted"] == 1
    assert summary.detail["deleted_by_closure_year"] == {str(years_ago(9).year): 1}
    unit = practitioner.team.delivery_unit.code
    assert summary.detail["deleted_by_delivery_unit"] == {unit: 1}


def test_a_held_case_is_reported_and_kept(practitioner):
    mappa = closed_case(practitioner, 8)
    Registration.objects.create(
        person=mappa, register="MAPP", category="M2", level="M1", registered_on=years_ago(9)
    )
    excluded = closed_case(practitioner, 8)
    LimitedAccess.objects.create(
        person=excluded,
        kind=LimitedAccessKind.EXCLUSION,
        user=UserFactory(),
        start_date=years_ago(9),
    )

    output = run()

    assert f"{mappa.crn}" in output and "held: MAPPA registration in force" in output
    assert "held: exclusion list in force" in output
    assert Person.objects.filter(pk__in=[mappa.pk, excluded.pk]).count() == 2
    assert "2 due: 0 deleted, 2 held" in output


def test_a_case_changed_after_it_was_listed_is_left_alone(practitioner):
    case = closed_case(practitioner, 8)
    listed = find_due(timezone.localdate(), 7)
    AllocationFactory(person=case, staff=practitioner, start_date=timezone.localdate())
    apply(listed)
    assert Person.objects.filter(pk=case.pk).exists()
    assert not AuditEvent.objects.filter(action="RETENTION_DELETE").exists()


def test_as_at_an_earlier_date_decides_as_on_that_day(practitioner):
    case = closed_case(practitioner, 8)
    output = run("--dry-run", "--as-at", years_ago(2).isoformat())
    assert case.crn not in output
    assert case.crn in run("--dry-run", "--as-at", years_ago(1).isoformat())


def test_a_real_run_may_not_look_ahead(practitioner):
    later = (timezone.localdate() + timedelta(days=1)).isoformat()
    with pytest.raises(CommandError, match="only be used with --dry-run"):
        run("--as-at", later)
    assert "Nothing was changed" in run("--dry-run", "--as-at", later)


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError, match="--as-at: 'soon'"):
        run("--as-at", "soon")


def test_the_period_may_be_set_longer(settings, practitioner):
    case = closed_case(practitioner, 8)
    settings.RETENTION_YEARS_AFTER_CLOSURE = 10
    run()
    assert Person.objects.filter(pk=case.pk).exists()


def test_the_service_does_not_start_with_a_period_below_the_minimum():
    env = {**os.environ, "RETENTION_YEARS_AFTER_CLOSURE": "5"}
    started = subprocess.run(
        [sys.executable, "-m", "caseload", "check"], env=env, capture_output=True, text=True
    )
    assert started.returncode != 0
    assert "RETENTION_YEARS_AFTER_CLOSURE is 5" in started.stderr


def test_the_hard_minimum_is_enforced(settings, practitioner):
    case = closed_case(practitioner, 8)
    settings.RETENTION_YEARS_AFTER_CLOSURE = 5
    with pytest.raises(ImproperlyConfigured, match="at least 6 years"):
        configured_retention_years()
    with pytest.raises(CommandError, match="at least 6 years"):
        run("--dry-run")
    with pytest.raises(CommandError, match="at least 6 years"):
        run()
    assert Person.objects.filter(pk=case.pk).exists()


def test_a_case_with_a_breach_is_deleted_with_it(practitioner):
    from caseload.enforcement.models import Breach

    case = closed_case(practitioner, 8)
    failure = Contact.objects.create(
        person=case,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(days=365 * 8 + 60),
        outcome="UAAB",
        enforcement_action="IBR",
    )
    Breach.objects.create(
        person=case,
        sentence=case.events.get().sentence,
        started_by=failure,
        started_on=timezone.localtime(failure.happened_at).date(),
        outcome="ABCF",
        outcome_on=timezone.localtime(failure.happened_at).date() + timedelta(days=40),
    )
    run()
    assert not Person.objects.filter(pk=case.pk).exists()
    assert not Breach.objects.exists()
