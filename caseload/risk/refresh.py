"""Stores the predictor-score cache for one person from their facts (the Django side)."""

from decimal import Decimal

from caseload.core.facts import CaseFacts
from caseload.risk.derive import ScoreOutcome, derive_scores
from caseload.risk.models import PredictorScore

_FIELDS = (
    "score",
    "one_year",
    "two_year",
    "points",
    "band",
    "score_type",
    "terms",
    "missing",
    "errors",
)


def _row_values(outcome: ScoreOutcome, facts: CaseFacts) -> dict[str, object]:
    return {
        "score": None
        if outcome.score is None
        else Decimal(str(outcome.score)).quantize(Decimal("0.01")),
        "one_year": outcome.one_year,
        "two_year": outcome.two_year,
        "points": outcome.points,
        "band": outcome.band or "",
        "score_type": outcome.score_type or "",
        "terms": [list(t) for t in outcome.terms],
        "missing": list(outcome.missing),
        "errors": list(outcome.errors),
        "facts_as_at": facts.as_at,
    }


def store_predictor_scores(person_id: int, facts: CaseFacts) -> tuple[dict[str, ScoreOutcome], int]:
    """Write one row per predictor; return the outcomes and how many rows changed."""
    outcomes = derive_scores(facts)
    existing = {s.predictor: s for s in PredictorScore.objects.filter(person_id=person_id)}
    changed = 0
    for name, outcome in outcomes.items():
        values = _row_values(outcome, facts)
        row = existing.pop(name, None)
        if row is None:
            PredictorScore.objects.create(person_id=person_id, predictor=name, **values)
            changed += 1
        elif any(getattr(row, f) != values[f] for f in _FIELDS):
            for field, value in values.items():
                setattr(row, field, value)
            row.save()
            changed += 1
        elif row.facts_as_at != facts.as_at:
            PredictorScore.objects.filter(pk=row.pk).update(facts_as_at=facts.as_at)
    if existing:
        PredictorScore.objects.filter(pk__in=[r.pk for r in existing.values()]).delete()
        changed += len(existing)
    return outcomes, changed
