"""The people part's case-page panels: the person, their events and sentences, their history."""

from typing import Any

from caseload.people import personal_panels  # noqa: F401  (the Personal details section)
from caseload.people.models import Person
from caseload.people.record import CasePanel, CaseViewer, register_panel


def person_summary(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    circumstances = list(person.circumstances.all())
    return {
        "allocation": person.allocations.current().select_related("staff__user", "team").first(),
        "circumstances": circumstances,
        "current_circumstances": [c for c in circumstances if c.end_date is None],
    }


def events(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    found = person.events.select_related("sentence").prefetch_related(
        "sentence__requirements", "sentence__licence_conditions"
    )
    return {"events": list(found)}


def criminal_history(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    return {"criminal_history": getattr(person, "criminal_history", None)}


register_panel(
    CasePanel("person", 10, "people/panels/person.html", person_summary, width="one-half")
)
register_panel(CasePanel("events", 50, "people/panels/events.html", events))
register_panel(
    CasePanel(
        "criminal_history",
        60,
        "people/panels/criminal_history.html",
        criminal_history,
        width="one-half",
    )
)
register_panel(
    CasePanel("equality", 70, "people/panels/equality.html", width="one-half", sensitive=True)
)
