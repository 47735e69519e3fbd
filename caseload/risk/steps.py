"""The predictor-score cache as a derived step: nine predictors per person, from their facts."""

from decimal import Decimal

from caseload.derived.registry import Batch, register
from caseload.derived.writes import CacheWrites, Stored, stored_rows
from caseload.risk.derive import ScoreOutcome, derive_scores
from caseload.risk.models import PredictorScore, PredictorScoreChange

_FIELDS = (
    "score",
    "one_year",
    "two_year",
    "points",
    "band",
    "score_type",
    "missing",
    "errors",
)


#: A change in any of these is a change in the score's history (not the date it is as at).
_CHANGED = ("score", "band", "score_type")


def _row_values(outcome: ScoreOutcome) -> dict[str, object]:
    score = outcome.score
    return {
        "score": None if score is None else Decimal(str(score)).quantize(Decimal("0.01")),
        "one_year": outcome.one_year,
        "two_year": outcome.two_year,
        "points": outcome.points,
        "band": outcome.band or "",
        "score_type": outcome.score_type or "",
        "missing": list(outcome.missing),
        "errors": list(outcome.errors),
    }


@register
class PredictorScores:
    key = "predictors"
    label = "predictor scores"
    after = ()

    def load(self, batch: Batch) -> dict[int, dict[str, Stored]]:
        stored: dict[int, dict[str, Stored]] = {pid: {} for pid in batch.person_ids}
        for row in stored_rows(PredictorScore, _FIELDS, batch.person_ids, keys=("predictor",)):
            stored[row.person_id][row.predictor] = row
        return stored

    def plan(
        self, batch: Batch, stored: dict[int, dict[str, Stored]]
    ) -> CacheWrites[PredictorScore]:
        # The day is stamped on a row written, not compared: a score the next day's facts leave
        # as it was is not rewritten just to re-date it.
        writes = CacheWrites(PredictorScore, _FIELDS, stamped={"facts_as_at": batch.as_at})
        outcomes = batch.outcomes.setdefault(self.key, {})
        for person_id, facts in batch.facts.items():
            outcomes[person_id] = derive_scores(facts)
            rows = dict(stored[person_id])
            for name, outcome in outcomes[person_id].items():
                row = rows.pop(name, None)
                values = _row_values(outcome)
                before = None if row is None else tuple(getattr(row, f) for f in _CHANGED)
                if writes.put(person_id, row, values, predictor=name) and before != tuple(
                    values[f] for f in _CHANGED
                ):
                    writes.append.append(
                        PredictorScoreChange(
                            person_id=person_id,
                            predictor=name,
                            changed_at=batch.now,
                            cause=batch.cause,
                            **{f: values[f] for f in _CHANGED},
                        )
                    )
            writes.remove(person_id, list(rows.values()))
        return writes
