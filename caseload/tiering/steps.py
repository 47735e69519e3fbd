"""The tier cache and tier history as a derived step, from facts and the predictor scores."""

from typing import Any

from caseload.derived.registry import Batch, register
from caseload.derived.writes import CacheWrites, Stored, stored_rows
from caseload.tiering.derive import TierOutcome, derive_tiers
from caseload.tiering.domain.reasons import Reason
from caseload.tiering.models import CaseTier, TierChange

FRAMEWORKS = ("v2", "v3")
_FIELDS = (
    "v2_tier",
    "v2_protect",
    "v2_change",
    "v2_protect_points",
    "v2_change_points",
    "v3_tier",
    "v3_provisional",
    "reasons",
)


def _reasons(reasons: tuple[Reason, ...]) -> list[dict[str, object]]:
    return [{"fact": r.fact, "points": r.points, "explanation": r.explanation} for r in reasons]


def _values(outcome: TierOutcome) -> dict[str, Any]:
    v2, v3 = outcome.v2, outcome.v3
    return {
        "v2_tier": v2.tier,
        "v2_protect": v2.protect.level,
        "v2_change": v2.change.level,
        "v2_protect_points": v2.protect.points,
        "v2_change_points": v2.change.points,
        "v3_tier": str(v3.tier),
        "v3_provisional": v3.provisional,
        "reasons": {"v2": _reasons(v2.reasons), "v3": _reasons(v3.reasons)},
    }


def _tier_changes(
    person_id: int, current: Stored | None, values: dict[str, Any], batch: Batch
) -> list[TierChange]:
    """One history row per framework whose tier moved."""
    changes = []
    for framework in FRAMEWORKS:
        before = getattr(current, f"{framework}_tier", "") if current else ""
        after = str(values[f"{framework}_tier"])
        if before != after:
            changes.append(
                TierChange(
                    person_id=person_id,
                    changed_at=batch.now,
                    framework=framework,
                    previous_tier=before,
                    new_tier=after,
                    cause=batch.cause,
                    reasons=values["reasons"][framework],
                )
            )
    return changes


@register
class Tiers:
    key = "tiers"
    label = "tiers"
    after = ("predictors",)

    def load(self, batch: Batch) -> dict[int, Stored]:
        return {t.person_id: t for t in stored_rows(CaseTier, _FIELDS, batch.person_ids)}

    def plan(self, batch: Batch, stored: dict[int, Stored]) -> CacheWrites[CaseTier]:
        writes = CacheWrites(CaseTier, _FIELDS, stamped={"calculated_at": batch.now})
        scores = batch.outcomes["predictors"]
        outcomes = batch.outcomes.setdefault(self.key, {})
        for person_id, facts in batch.facts.items():
            outcomes[person_id] = derive_tiers(facts, scores[person_id])
            values = _values(outcomes[person_id])
            current = stored.get(person_id)
            changes = _tier_changes(person_id, current, values, batch)
            if writes.put(person_id, current, values):
                writes.append += changes
        return writes
