"""The sentence plan on the Sentence section, the risk management plan on the Risk section and
management oversight on the Overview, each latest first. Their notes are free text, withheld
from a viewer who may not see sensitive notes."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from caseload.access.capabilities import Capability, has_capability
from caseload.people.models import Person
from caseload.people.record import (
    CaseAction,
    CasePanel,
    CaseViewer,
    register_case_action,
    register_panel,
)
from caseload.plans.domain import CONTACT_FREQUENCIES

#: Oversight entries shown in full; earlier ones are behind a disclosure.
LATEST_OVERSIGHT = 3


@dataclass(frozen=True)
class PlanRow:
    on: date
    by: str
    #: None when withheld from the viewer.
    notes: str | None
    #: A sentence plan's agreed contact frequency, in days.
    contact_every_days: int | None = None

    @property
    def contact_frequency(self) -> str:
        """In words: "Fortnightly" ("" for a plan without one)."""
        every = self.contact_every_days
        return "" if every is None else CONTACT_FREQUENCIES.get(every, f"Every {every} days")


def _name(user: Any) -> str:
    return str(user.get_full_name() or user.username) if user else ""


def _notes(row: Any, viewer: CaseViewer) -> str | None:
    return str(row.notes) if viewer.sees_sensitive else None


def sentence_plan_rows(person: Person, viewer: CaseViewer) -> list[PlanRow]:
    return [
        PlanRow(p.completed_on, _name(p.recorded_by), _notes(p, viewer), p.contact_every_days)
        for p in person.sentence_plans.select_related("recorded_by")
    ]


def risk_management_plan_rows(person: Person, viewer: CaseViewer) -> list[PlanRow]:
    return [
        PlanRow(p.completed_on, _name(p.recorded_by), _notes(p, viewer))
        for p in person.risk_management_plans.select_related("recorded_by")
    ]


def oversight_rows(person: Person, viewer: CaseViewer) -> list[PlanRow]:
    return [
        PlanRow(o.recorded_on, _name(o.staff.user), _notes(o, viewer))
        for o in person.management_oversight.select_related("staff__user")
    ]


def sentence_plans(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    rows = sentence_plan_rows(person, viewer)
    return {"sentence_plan": rows[0] if rows else None, "earlier_sentence_plans": rows[1:]}


def risk_management_plans(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    rows = risk_management_plan_rows(person, viewer)
    return {
        "risk_management_plan": rows[0] if rows else None,
        "earlier_risk_management_plans": rows[1:],
    }


def management_oversight(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    rows = oversight_rows(person, viewer)
    return {
        "oversight": rows[:LATEST_OVERSIGHT],
        "earlier_oversight": rows[LATEST_OVERSIGHT:],
        "may_oversee": viewer.user is not None
        and has_capability(viewer.user, Capability.OVERSEE_CASES),
    }


register_panel(
    CasePanel(
        "sentence_plan",
        55,
        "plans/sentence_plan_panel.html",
        sentence_plans,
        section="sentence",
    )
)
register_panel(
    CasePanel(
        "risk_management_plan",
        12,
        "plans/risk_management_plan_panel.html",
        risk_management_plans,
        section="risk",
    )
)
register_panel(CasePanel("oversight", 60, "plans/oversight_panel.html", management_oversight))
register_case_action(
    CaseAction("Record a sentence plan", "record_sentence_plan", sections=("sentence",), order=10)
)
register_case_action(
    CaseAction(
        "Record a risk management plan",
        "record_risk_management_plan",
        sections=("risk",),
        order=14,
    )
)
