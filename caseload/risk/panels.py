"""The risk part's case-page panels: predictor scores, and registrations with their reviews."""

from typing import Any

from django.db.models import Prefetch
from django.forms.models import model_to_dict
from django.utils import timezone

from caseload.core.dates import in_force
from caseload.people.models import Person
from caseload.people.record import CasePanel, CaseViewer, register_panel
from caseload.risk.explain import explain_score
from caseload.risk.predictors import PREDICTOR_NAMES


def predictors(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    by_name = {s.predictor: s for s in person.predictor_scores.all()}
    scores = {name: by_name[name] for name in PREDICTOR_NAMES if name in by_name}
    return {
        "scores": scores,
        "predictor_explanations": [
            (explain_score(name, model_to_dict(score)), score) for name, score in scores.items()
        ],
        "assessment": person.assessments.first(),
    }


def registrations(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    found = person.registrations.prefetch_related(Prefetch("reviews")).select_related(
        "registered_by"
    )
    today = timezone.localdate()
    active = [r for r in found if in_force(r.registered_on, r.deregistered_on, today)]
    return {
        "active_registrations": active,
        "ended_registrations": [r for r in found if r not in active],
    }


register_panel(CasePanel("predictors", 30, "risk/predictor_panel.html", predictors))
register_panel(CasePanel("registrations", 40, "risk/registrations_panel.html", registrations))
