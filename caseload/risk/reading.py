"""The case's registrations, read once for a case page (`caseload.core.memo`): the identity
bar, the risk card, RoSH and the registrations panel all read them. And the terms each
predictor score was made of, computed from the person's facts when a page shows them."""

from collections.abc import Iterable

from django.db.models import Prefetch
from django.forms.models import model_to_dict

from caseload.core.memo import remembered
from caseload.derived.snapshot import load_case_facts
from caseload.people.models import Person
from caseload.risk.derive import ShownTerm, derive_terms
from caseload.risk.explain import PredictorExplanation, explain_score
from caseload.risk.models import PredictorScore, Registration


def case_registrations(person: Person) -> list[Registration]:
    """Every registration, in force or ended, newest first, with its reviews and who made it."""
    return remembered(
        ("registrations", person.pk),
        lambda: list(
            person.registrations.prefetch_related(Prefetch("reviews")).select_related(
                "registered_by"
            )
        ),
    )


def score_terms(person_ids: list[int]) -> dict[int, dict[str, tuple[ShownTerm, ...]]]:
    """`case_score_terms` for several people at once, by person id."""
    return {pk: derive_terms(facts) for pk, facts in load_case_facts(person_ids).items()}


def case_score_terms(person: Person) -> dict[str, tuple[ShownTerm, ...]]:
    """Each predictor's terms, by predictor, from the person's facts today: the same facts and
    calculation the refresh step scored them from (`derive_scores`), so they explain the
    scores the cache holds. A fixed number of queries, whatever the number of scores."""
    return remembered(
        ("score terms", person.pk),
        lambda: score_terms([person.pk])[person.pk],
    )


def explained_scores(
    person: Person, scores: Iterable[PredictorScore]
) -> list[PredictorExplanation]:
    """Each of the person's stored scores in words, with the terms computed once for them all."""
    listed = list(scores)
    terms = case_score_terms(person) if listed else {}
    return [
        explain_score(
            score.predictor,
            {**model_to_dict(score), "terms": list(terms.get(score.predictor, ()))},
        )
        for score in listed
    ]
