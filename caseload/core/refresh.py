"""The refresh step: recompute what depends on a person's facts, inside the writing transaction.

predictors → tiers (→ essentials → workload, as those parts arrive). The same `refresh_people`
serves one person after an action and a batch of people in `caseload recompute`, so the
incremental path and a full rebuild cannot disagree. It reads the batch's facts and current
caches in a fixed number of queries and writes only what changed, in bulk.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from caseload.core.snapshot import load_case_facts
from caseload.people.models import Person
from caseload.risk.models import PredictorScore
from caseload.risk.refresh import ScoreWrites, plan_predictor_scores
from caseload.tiering.models import CaseTier
from caseload.tiering.refresh import TierWrites, plan_tiers


@dataclass
class RefreshCounts:
    people: int = 0
    scores_changed: int = 0
    tiers_changed: int = 0


def refresh_people(
    person_ids: Iterable[int], *, cause: str, as_at: date | None = None
) -> RefreshCounts:
    ids = list(person_ids)
    now = timezone.now()
    facts_by_person = load_case_facts(ids, as_at=as_at)
    scores: dict[int, dict[str, PredictorScore]] = defaultdict(dict)
    for row in PredictorScore.objects.filter(person_id__in=ids):
        scores[row.person_id][row.predictor] = row
    tiers = {t.person_id: t for t in CaseTier.objects.filter(person_id__in=ids)}
    score_writes, tier_writes = ScoreWrites(), TierWrites()
    for person_id, facts in facts_by_person.items():
        outcomes = plan_predictor_scores(person_id, facts, scores[person_id], score_writes)
        plan_tiers(
            person_id, facts, outcomes, tiers.get(person_id), tier_writes, cause=cause, now=now
        )
    score_writes.apply()
    tier_writes.apply()
    return RefreshCounts(len(facts_by_person), score_writes.changed, tier_writes.changed)


def refresh_derived(person: Person, *, cause: str) -> None:
    refresh_people([person.pk], cause=cause)
