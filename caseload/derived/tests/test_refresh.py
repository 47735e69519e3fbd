"""Derived values are refreshed in the writing transaction, and a full recompute agrees."""

from datetime import timedelta

from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.derived.recompute import recompute_all
from caseload.people.actions import record_circumstance_change
from caseload.risk.actions import register_flag
from caseload.risk.models import PredictorScore
from caseload.testing.factories import case_held_by
from caseload.tiering.models import CaseTier, TierChange


def snapshot():  # type: ignore[no-untyped-def]
    tiers = {
        t.person_id: (t.v2_tier, t.v3_tier, t.v2_protect_points, t.v2_change_points, t.reasons)
        for t in CaseTier.objects.all()
    }
    scores = {
        (s.person_id, s.predictor): (s.score, s.band, s.score_type, s.terms, s.missing)
        for s in PredictorScore.objects.all()
    }
    return tiers, scores


def test_a_registration_changes_the_tier_in_the_same_action(practitioner, case):
    register_flag(
        case.crn, acting_user=practitioner.user, register="RLRH", registered_on=timezone.localdate()
    )
    before = CaseTier.objects.get(person=case).v2_tier
    register_flag(
        case.crn,
        acting_user=practitioner.user,
        register="MAPP",
        category="M2",
        level="M2",
        registered_on=timezone.localdate(),
    )
    after = CaseTier.objects.get(person=case)
    assert after.v2_tier != before and after.v2_tier.startswith("A")
    change = TierChange.objects.filter(person=case, framework="v2").first()
    assert change.new_tier == after.v2_tier and "MAPPA" in change.cause


def test_incremental_refresh_and_full_recompute_agree(practitioner):
    cases = [case_held_by(practitioner) for _ in range(4)]
    today = timezone.localdate()
    register_flag(cases[0].crn, acting_user=practitioner.user, register="RHRH", registered_on=today)
    register_flag(cases[1].crn, acting_user=practitioner.user, register="ADVP", registered_on=today)
    record_circumstance_change(
        cases[2].crn,
        acting_user=practitioner.user,
        kind="EMPLOYMENT",
        status="UNEMPLOYED",
        start_date=today,
        replacing=None,
    )
    record_contact(
        cases[3].crn,
        acting_user=practitioner.user,
        contact_type="COAP",
        happened_at=timezone.now() - timedelta(hours=1),
        outcome="AFTA",
        enforcement_action="IBR",
    )
    incremental = snapshot()
    counts = recompute_all().counts
    assert counts.people == 4
    assert snapshot() == incremental
