"""The refresh step: recompute what depends on a person's facts, inside the writing transaction.

predictors → tiers (→ essentials → workload, as those parts arrive). The same `refresh_people`
serves one person after an action and many people in `caseload recompute`, so the incremental
path and a full rebuild cannot disagree.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from caseload.core.snapshot import load_case_facts
from caseload.people.models import Person
from caseload.risk.refresh import store_predictor_scores
from caseload.tiering.refresh import store_tiers


@dataclass
class RefreshCounts:
    people: int = 0
    scores_changed: int = 0
    tiers_changed: int = 0


def refresh_people(
    person_ids: Iterable[int], *, cause: str, as_at: date | None = None
) -> RefreshCounts:
    counts = RefreshCounts()
    now = timezone.now()
    for person_id, facts in load_case_facts(person_ids, as_at=as_at).items():
        scores, scores_changed = store_predictor_scores(person_id, facts)
        tiers_changed = store_tiers(person_id, facts, scores, cause=cause, now=now)
        counts.people += 1
        counts.scores_changed += scores_changed
        counts.tiers_changed += int(tiers_changed)
    return counts


def refresh_derived(person: Person, *, cause: str) -> None:
    refresh_people([person.pk], cause=cause)
