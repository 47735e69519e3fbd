"""Record once: one fact recorded through its action changes every return that depends on it,
and nothing is written but the fact, its history, the audit entry and the derived caches.

Each return declares what it reads (`Return.reads`); a return that changed without reading the
fact's model (or a derived cache the action refreshes) would be reading something else, so the
test fails on that too.
"""

from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.derived.recompute import recompute_all
from caseload.people.actions import record_circumstance_change
from caseload.people.models import Circumstance
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.registry import all_returns
from caseload.returns.scope import scope_for
from caseload.risk.actions import register_flag
from caseload.testing.factories import case_held_by
from caseload.testing.moments import days_ago as days_ago_at

pytestmark = pytest.mark.django_db

#: What an action refreshes in the same transaction: a return reading these may change too.
DERIVED = {
    "essentials.EssentialDue",
    "tiering.CaseTier",
    "tiering.TierChange",
    "risk.PredictorScore",
    "risk.PredictorScoreChange",
}
#: Written by every action whatever the fact.
ALWAYS = {"access.AuditEvent"}


def _figures(user) -> dict[str, object]:
    today = timezone.localdate()
    scope = scope_for(user, ReturnFilters(as_at=today), today)
    return {
        r.name: (sorted(map(repr, r.rows(scope))), r.summary(scope) if r.summary else None)
        for r in all_returns()
    }


def _row_counts() -> dict[str, tuple[int, int]]:
    """Each model's row count and highest id: a write of any kind moves one of them."""
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models():
            table = connection.ops.quote_name(model._meta.db_table)
            pk = connection.ops.quote_name(model._meta.pk.column)
            cursor.execute(f"SELECT COUNT(*), MAX({pk}) FROM {table}")  # noqa: S608
            counts[model._meta.label] = cursor.fetchone()
    return counts


@pytest.fixture
def unit(practitioner):
    """Twelve community orders held by one practitioner, each with settled accommodation."""
    cases = [case_held_by(practitioner) for _ in range(12)]
    for person in cases:
        Circumstance.objects.create(
            person=person,
            kind="ACCOMMODATION",
            status="SETTLED",
            start_date=timezone.localdate() - timedelta(days=200),
        )
    recompute_all()
    return cases


def _at(days_ago: int = 0):
    return days_ago_at(days_ago)


def an_unacceptable_absence(person, user):
    record_contact(
        person.crn, acting_user=user, contact_type="COAP", happened_at=_at(),
        outcome="UAAB", enforcement_action="EA02", notes="Did not come; no reason given",
    )  # fmt: skip


def unsettled_accommodation(person, user):
    current = person.circumstances.get(kind="ACCOMMODATION", end_date__isnull=True)
    record_circumstance_change(
        person.crn, acting_user=user, kind="ACCOMMODATION", status="NFA",
        start_date=timezone.localdate(), replacing=current.seen,
    )  # fmt: skip


def a_mappa_registration(person, user):
    register_flag(
        person.crn, acting_user=user, register="MAPP", registered_on=timezone.localdate(),
        category="M2", level="M2",
    )  # fmt: skip


def a_home_visit(person, user):
    record_contact(
        person.crn, acting_user=user, contact_type="CHVS", happened_at=_at(), outcome="ATTC"
    )


#: fact -> (the fact's models, the returns that must change)
FACTS = {
    an_unacceptable_absence: (
        {"contacts.Contact", "enforcement.FailureDecision"},
        {"compliance", "breach-recall", "essentials-compliance"},
    ),
    unsettled_accommodation: ({"people.Circumstance"}, {"accommodation-ete"}),
    a_mappa_registration: ({"risk.Registration"}, {"risk-register", "caseload-by-tier"}),
    a_home_visit: (
        {"contacts.Contact"},
        {"essentials-compliance", "inspection-self-check", "compliance", "equality"},
    ),
}


def _with_history(labels: set[str]) -> set[str]:
    return labels | {f"{label.split('.')[0]}.Historical{label.split('.')[1]}" for label in labels}


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.__name__)
def test_one_fact_changes_every_return_that_reads_it_and_nothing_else(
    fact, unit, practitioner, analyst
):
    models, must_change = FACTS[fact]
    before, counts = _figures(analyst.user), _row_counts()

    fact(unit[0], practitioner.user)

    after, counts_after = _figures(analyst.user), _row_counts()
    changed = {name for name in before if before[name] != after[name]}
    assert must_change <= changed, f"{must_change - changed} did not change"
    readers = {r.name for r in all_returns() if set(r.reads) & (models | DERIVED)}
    assert changed <= readers, f"{changed - readers} changed without reading the fact"
    written = {label for label in counts if counts[label] != counts_after[label]}
    allowed = _with_history(models) | ALWAYS | DERIVED
    assert written <= allowed, f"also written: {written - allowed}"
    assert models & written, "the fact itself was not written"
