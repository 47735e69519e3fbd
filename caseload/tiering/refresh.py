"""Plans the tier cache and the tier history for one person (the Django side)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from caseload.core.facts import CaseFacts
from caseload.risk.derive import ScoreOutcome
from caseload.tiering.derive import TierOutcome, derive_tiers
from caseload.tiering.domain.reasons import Reason
from caseload.tiering.models import CaseTier, TierChange

_FIELDS = (
    "v2_tier",
    "v2_protect",
    "v2_change",
    "v2_protect_points",
    "v2_change_points",
    "v3_tier",
    "v3_provisional",
    "reasons",
    "calculated_at",
)


@dataclass
class TierWrites:
    create: list[CaseTier] = field(default_factory=list)
    update: list[CaseTier] = field(default_factory=list)
    changes: list[TierChange] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return len(self.create) + len(self.update)

    def apply(self) -> None:
        CaseTier.objects.bulk_create(self.create, batch_size=1000)
        CaseTier.objects.bulk_update(self.update, _FIELDS, batch_size=1000)
        TierChange.objects.bulk_create(self.changes, batch_size=1000)


def _reasons(reasons: tuple[Reason, ...]) -> list[dict[str, object]]:
    return [{"fact": r.fact, "points": r.points, "explanation": r.explanation} for r in reasons]


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


def plan_tiers(
    person_id: int,
    facts: CaseFacts,
    scores: Mapping[str, ScoreOutcome],
    current: CaseTier | None,
    writes: TierWrites,
    *,
    cause: str,
    now: datetime,
) -> None:
    """Add the person's tier row (if it changed) and a TierChange per framework that moved."""
    values = _values(derive_tiers(facts, scores))
    if current is not None and all(getattr(current, k) == v for k, v in values.items()):
        return
    reasons: dict[str, list[dict[str, object]]] = values["reasons"]  # type: ignore[assignment]
    for framework in ("v2", "v3"):
        before = getattr(current, f"{framework}_tier", "") if current else ""
        after = str(values[f"{framework}_tier"])
        if before != after:
            writes.changes.append(
                TierChange(
                    person_id=person_id,
                    changed_at=now,
                    framework=framework,
                    previous_tier=before,
                    new_tier=after,
                    cause=cause,
                    reasons=reasons[framework],
                )
            )
    if current is None:
        writes.create.append(CaseTier(person_id=person_id, calculated_at=now, **values))
    else:
        for key, value in values.items():
            setattr(current, key, value)
        current.calculated_at = now
        writes.update.append(current)
