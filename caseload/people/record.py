"""Everything the case record page and the API show about one case, gathered in few queries."""

from typing import Any

from django.db.models import Prefetch

from caseload.people.models import Person
from caseload.people.timeline import case_timeline
from caseload.risk.predictors import PREDICTOR_NAMES


def case_record(person: Person) -> dict[str, Any]:
    events = person.events.select_related("sentence").prefetch_related(
        "sentence__requirements", "sentence__licence_conditions"
    )
    registrations = person.registrations.prefetch_related(Prefetch("reviews")).select_related(
        "registered_by"
    )
    by_name = {s.predictor: s for s in person.predictor_scores.all()}
    scores = {name: by_name[name] for name in PREDICTOR_NAMES if name in by_name}
    tier = getattr(person, "tier", None)
    return {
        "person": person,
        "criminal_history": getattr(person, "criminal_history", None),
        "events": list(events),
        "active_registrations": [r for r in registrations if r.deregistered_on is None],
        "ended_registrations": [r for r in registrations if r.deregistered_on is not None],
        "current_circumstances": list(person.circumstances.current()),
        "circumstances": list(person.circumstances.all()),
        "allocation": person.allocations.current().select_related("staff__user", "team").first(),
        "allocations": list(person.allocations.select_related("staff__user", "team")),
        "contacts": list(person.contacts.select_related("recorded_by")[:100]),
        "assessment": person.assessments.first(),
        "scores": scores,
        "tier": tier,
        "tier_changes": list(person.tier_changes.all()[:20]),
        "timeline": case_timeline(person),
    }
