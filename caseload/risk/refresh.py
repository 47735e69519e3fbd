"""Plans the predictor-score cache rows for one person from their facts (the Django side).

Planning is separate from writing so that one person (after an action) and thousands (in
`caseload recompute`) go through the same code, the latter with one bulk write per batch.
"""

from dataclasses import dataclass, field
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
    "facts_as_at",
)


@dataclass
class ScoreWrites:
    create: list[PredictorScore] = field(default_factory=list)
    update: list[PredictorScore] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return len(self.create) + len(self.update) + len(self.delete)

    def apply(self) -> None:
        PredictorScore.objects.bulk_create(self.create, batch_size=1000)
        PredictorScore.objects.bulk_update(self.update, _FIELDS, batch_size=1000)
        PredictorScore.objects.filter(pk__in=self.delete).delete()


def _row_values(outcome: ScoreOutcome, facts: CaseFacts) -> dict[str, object]:
    score = outcome.score
    return {
        "score": None if score is None else Decimal(str(score)).quantize(Decimal("0.01")),
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


def plan_predictor_scores(
    person_id: int, facts: CaseFacts, existing: dict[str, PredictorScore], writes: ScoreWrites
) -> dict[str, ScoreOutcome]:
    """Add the rows that differ from `existing` to `writes`; return the outcomes."""
    outcomes = derive_scores(facts)
    existing = dict(existing)
    for name, outcome in outcomes.items():
        values = _row_values(outcome, facts)
        row = existing.pop(name, None)
        if row is None:
            writes.create.append(PredictorScore(person_id=person_id, predictor=name, **values))
        elif any(getattr(row, f) != values[f] for f in _FIELDS):
            for key, value in values.items():
                setattr(row, key, value)
            writes.update.append(row)
    writes.delete += [row.pk for row in existing.values()]
    return outcomes
