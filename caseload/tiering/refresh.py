"""Stores the tier cache and appends to the tier history when a tier changes (Django side)."""

from collections.abc import Mapping
from datetime import datetime

from caseload.core.facts import CaseFacts
from caseload.risk.derive import ScoreOutcome
from caseload.tiering.derive import TierOutcome, derive_tiers
from caseload.tiering.models import CaseTier, TierChange


def _reasons(reasons: tuple[object, ...]) -> list[dict[str, object]]:
    return [{"fact": r[0], "points": r[1], "explanation": r[2]} for r in reasons]  # type: ignore[index]


def _values(outcome: TierOutcome) -> dict[str, object]:
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


def store_tiers(
    person_id: int,
    facts: CaseFacts,
    scores: Mapping[str, ScoreOutcome],
    *,
    cause: str,
    now: datetime,
) -> bool:
    """Write the person's tiers; record a TierChange per framework whose tier moved."""
    values = _values(derive_tiers(facts, scores))
    current = CaseTier.objects.filter(person_id=person_id).first()
    if current is not None and all(getattr(current, k) == v for k, v in values.items()):
        return False
    for framework in ("v2", "v3"):
        before = getattr(current, f"{framework}_tier", "") if current else ""
        after = values[f"{framework}_tier"]
        if before != after:
            TierChange.objects.create(
                person_id=person_id,
                changed_at=now,
                framework=framework,
                previous_tier=before,
                new_tier=after,
                cause=cause,
                reasons=values["reasons"][framework],  # type: ignore[index]
            )
    CaseTier.objects.update_or_create(
        person_id=person_id, defaults={**values, "calculated_at": now}
    )
    return True
