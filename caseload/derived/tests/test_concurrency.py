"""Two writes to one case at the same moment, from two threads with their own connections:
the person's row lock serialises them, so both facts reach the derived values (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from caseload.derived.recompute import recompute_all
from caseload.risk.actions import register_flag
from caseload.risk.models import PredictorScore
from caseload.tiering.models import CaseTier, TierChange

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def _at_once(*writes):
    """Run each write in its own thread, all released together; return what each raised."""
    start = threading.Barrier(len(writes))
    raised: list[BaseException] = []

    def run(write):
        try:
            start.wait()
            write()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            raised.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(w,)) for w in writes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return raised


def _derived(case):
    tier = CaseTier.objects.get(person=case)
    scores = sorted(
        PredictorScore.objects.filter(person=case).values_list("predictor", "score", "band")
    )
    return tier.v2_tier, tier.v3_tier, tier.reasons, scores


@pytest.mark.parametrize("cached_before", [False, True], ids=["first derivation", "update"])
def test_two_writes_to_one_case_at_once_are_both_reflected(practitioner, case, cached_before):
    if cached_before:
        recompute_all()
    today = timezone.localdate()
    raised = _at_once(
        lambda: register_flag(
            case.crn,
            acting_user=practitioner.user,
            register="MAPP",
            category="M2",
            level="M2",
            registered_on=today,
        ),
        lambda: register_flag(
            case.crn, acting_user=practitioner.user, register="RHRH", registered_on=today
        ),
    )
    assert raised == []
    tier = CaseTier.objects.get(person=case)
    reasons = {r["fact"] for r in tier.reasons["v2"]}
    assert {"MAPPA level 2", "RoSH high"} <= reasons
    for framework in ("v2", "v3"):
        latest = TierChange.objects.filter(person=case, framework=framework).first()
        assert latest.new_tier == getattr(tier, f"{framework}_tier")
    incremental = _derived(case)
    recompute_all()
    assert _derived(case) == incremental
