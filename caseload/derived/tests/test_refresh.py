"""Derived values are refreshed in the writing transaction, and a full recompute agrees."""

from datetime import timedelta

from django.utils import timezone

from caseload.contacts.actions import record_contact
from caseload.derived.recompute import recompute_all
from caseload.essentials.models import EssentialDue
from caseload.people.actions import record_circumstance_change
from caseload.risk.actions import register_flag
from caseload.risk.models import PredictorScore, PredictorScoreChange
from caseload.testing.factories import case_held_by
from caseload.tiering.models import CaseTier, TierChange


def snapshot():  # type: ignore[no-untyped-def]
    """Every step's values: scores, tiers and essentials, each row whole but for its id and the
    time it was written."""
    tiers = {
        t.person_id: (
            t.v2_tier,
            t.v2_protect,
            t.v2_change,
            t.v2_protect_points,
            t.v2_change_points,
            t.v3_tier,
            t.v3_provisional,
            t.reasons,
        )
        for t in CaseTier.objects.all()
    }
    scores = {
        (s.person_id, s.predictor): (
            s.score,
            s.one_year,
            s.two_year,
            s.points,
            s.band,
            s.score_type,
            s.missing,
            s.errors,
        )
        for s in PredictorScore.objects.all()
    }
    essentials = {
        (e.person_id, e.kind, e.subject): (e.state, e.due_on, e.reason, e.done_on, e.facts_as_at)
        for e in EssentialDue.objects.all()
    }
    return tiers, scores, essentials


def history():  # type: ignore[no-untyped-def]
    """The tier and score histories, but for when each change was written and why."""
    return (
        sorted(
            TierChange.objects.values_list("person_id", "framework", "previous_tier", "new_tier")
        ),
        sorted(
            PredictorScoreChange.objects.values_list(
                "person_id", "predictor", "score", "band", "score_type"
            ),
            key=repr,
        ),
    )


def rebuilt_from_nothing():  # type: ignore[no-untyped-def]
    """Every derived value and history deleted, then a full recompute."""
    for model in (PredictorScore, PredictorScoreChange, CaseTier, TierChange, EssentialDue):
        model.objects.all().delete()
    recompute_all(restart=True)
    return snapshot()


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
    assert all(incremental), "every step has values to compare"
    counts = recompute_all().counts
    assert counts.people == 4
    assert set(counts.changed.values()) == {0}, counts.changed
    assert snapshot() == incremental
    assert rebuilt_from_nothing() == incremental


def test_a_full_recompute_from_nothing_writes_the_history_the_actions_would(practitioner):
    """Each person's first derivation, by an action or by the recompute, records one change
    per score and framework."""
    for register in ("RHRH", "ADVP", "RCCO"):
        register_flag(
            case_held_by(practitioner).crn,
            acting_user=practitioner.user,
            register=register,
            registered_on=timezone.localdate(),
        )
    by_actions = history()
    assert all(by_actions)
    rebuilt_from_nothing()
    assert history() == by_actions


def test_the_next_day_s_recompute_rewrites_only_what_the_day_changed(practitioner):
    case_held_by(practitioner)
    today = timezone.localdate()
    recompute_all(as_at=today)
    stamped = set(PredictorScore.objects.values_list("facts_as_at", flat=True))
    counts = recompute_all(as_at=today + timedelta(days=1)).counts
    assert counts.changed["predictors"] == 0
    assert set(PredictorScore.objects.values_list("facts_as_at", flat=True)) == stamped
