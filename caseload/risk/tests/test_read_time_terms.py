# ruff: noqa: F811  (the `assessed_case` fixture, imported)
"""The predictor-score cache holds values; the terms a score was made of are computed from the
person's facts when a page shows them, by the same calculation the cache was filled by."""

from dataclasses import replace
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caseload.derived.facts import AssessmentFacts
from caseload.risk.derive import derive_scores, derive_terms, full_request, score_one
from caseload.risk.models import PredictorScore
from caseload.risk.predictors import PREDICTOR_NAMES, predictor_fields
from caseload.risk.tests.test_explain import assessed_case  # noqa: F401  (a fixture)
from caseload.testing.assessments import arp_dynamic_answers
from caseload.testing.facts import facts


def _on_its_own(record) -> dict[str, tuple[tuple[str, str, str], ...]]:  # type: ignore[no-untyped-def]
    """Each predictor's terms scored from a request of its own fields alone, as a predictor
    service would be asked: the reference the shared, parse-once path must equal."""
    request = full_request(record)
    shown = {}
    for name in PREDICTOR_NAMES:
        own = {k: v for k, v in request.items() if k in set(predictor_fields(name).all)}
        result, scored = score_one(name, own)
        given = scored is not None and (
            result.get("score") is not None or result.get("twoYear") is not None
        )
        shown[name] = (
            tuple(
                (
                    t.name,
                    str(t.value),
                    f"{t.weight:.4f}" if isinstance(t.weight, float) else str(t.weight),
                )
                for t in scored.terms  # type: ignore[union-attr]
            )
            if given
            else ()
        )
    return shown


def test_the_terms_shown_are_those_each_predictor_gives_on_its_own_request():
    assessed = facts(assessments=[AssessmentFacts(date(2025, 5, 12), arp_dynamic_answers())])
    for record in (facts(), assessed, facts(sentences=[]), replace(assessed, sex="")):
        assert derive_terms(record) == _on_its_own(record)


def test_a_predictor_that_could_not_be_scored_has_no_terms():
    record = facts(sentences=[])
    unscored = [
        n for n, o in derive_scores(record).items() if o.score is None and o.two_year is None
    ]
    assert unscored and all(derive_terms(record)[n] == () for n in unscored)


def test_the_cache_keeps_no_terms():
    assert "terms" not in {f.name for f in PredictorScore._meta.get_fields()}


def test_the_risk_page_shows_the_calculation_computed_when_shown(
    client, practitioner, assessed_case
):
    client.force_login(practitioner.user)
    page = client.get(reverse("case_risk", args=[assessed_case.crn])).content.decode()
    assert page.count("data-calculation") >= 5
    assert "Unemployed" in page


def test_the_whole_case_api_does_not_compute_the_explanations(client, practitioner, assessed_case):
    """The API gives the scores' values; reading the person's facts again would be wasted."""
    from caseload.access.tokens import create_token

    auth = {"HTTP_AUTHORIZATION": f"Bearer {create_token(practitioner.user)}"}
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/v1/cases/{assessed_case.crn}", **auth)
    assert response.status_code == 200 and response.json()["predictors"]["arp"]["score"]
    facts_read = [q["sql"] for q in queries if '"risk_assessment"."answers"' in q["sql"]]
    assert len(facts_read) == 1, facts_read  # the predictor panel's "latest assessment" only
