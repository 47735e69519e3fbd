"""The risk part's case-page panels: RoSH by audience, registrations with their reviews,
predictor scores (the risk section), risk at a glance and the reviews due (the overview); and
the case actions it owns."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from caseload.core.dates import in_force
from caseload.people.models import Person
from caseload.people.record import (
    CaseAction,
    CasePanel,
    CaseViewer,
    register_case_action,
    register_panel,
)
from caseload.risk.constants import REGISTERS
from caseload.risk.domain import RISK_TOOLS, ROSH_AUDIENCES, ROSH_LEVEL_OF_REGISTER, review_due
from caseload.risk.models import Registration
from caseload.risk.predictors import PREDICTOR_NAMES
from caseload.risk.reading import case_registrations, explained_scores
from caseload.tiering.reading import case_tier

#: A review due within this many days is listed under "What needs doing".
REVIEW_SOON = timedelta(days=14)


def predictors(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """The scores as the cache holds them; their explanations are computed from the facts only
    when the panel is rendered (the whole-case API reads the scores and never needs them)."""
    by_name = {s.predictor: s for s in person.predictor_scores.all()}
    scores = {name: by_name[name] for name in PREDICTOR_NAMES if name in by_name}
    return {
        "scores": scores,
        "predictor_explanations": SimpleLazyObject(
            lambda: list(
                zip(explained_scores(person, scores.values()), scores.values(), strict=True)
            )
        ),
        "assessment": person.assessments.first(),
    }


def _with_review_dates(found: list[Registration]) -> list[Registration]:
    today = timezone.localdate()
    for registration in found:
        last = next(iter(registration.reviews.all()), None)
        registration.last_review = last
        registration.review_due = review_due(
            registration.registered_on,
            last.reviewed_on if last else None,
            registration.register,
        )
        registration.review_overdue = bool(
            registration.review_due and registration.review_due < today
        )
    return found


def _active_registrations(person: Person) -> tuple[list[Registration], list[Registration]]:
    found = case_registrations(person)
    today = timezone.localdate()
    for registration in found:
        registration.label = REGISTERS[registration.register].label
    active = [r for r in found if in_force(r.registered_on, r.deregistered_on, today)]
    return _with_review_dates(active), [r for r in found if r not in active]


def _rosh_registration(person: Person) -> Registration | None:
    """The RoSH registration in force, the newest if two are."""
    today = timezone.localdate()
    return next(
        (
            r
            for r in case_registrations(person)
            if r.register in ROSH_LEVEL_OF_REGISTER
            and in_force(r.registered_on, r.deregistered_on, today)
        ),
        None,
    )


def registrations(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    active, ended = _active_registrations(person)
    return {"active_registrations": active, "ended_registrations": ended}


def rosh_by_audience(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """The latest RoSH summary, audience by audience, and the RoSH registration in force."""
    summary = person.rosh_summaries.select_related("recorded_by").first()
    registered = _rosh_registration(person)
    return {
        "rosh_summary": summary,
        "rosh_audiences": [
            (label, getattr(summary, audience)) for audience, label in ROSH_AUDIENCES.items()
        ]
        if summary
        else [],
        "rosh_registration": registered,
        "rosh_level": ROSH_LEVEL_OF_REGISTER[registered.register] if registered else None,
    }


def tool_assessments(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """The latest ARMS and SARA completed, each by its full name (None when none is recorded)."""
    latest = {}
    for assessment in person.tool_assessments.select_related("recorded_by"):
        latest.setdefault(assessment.tool, assessment)
    return {"tool_assessments": [(label, latest.get(tool)) for tool, label in RISK_TOOLS.items()]}


def predictor_history(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """How each predictor's result has moved, newest first (the last 30 changes)."""
    return {"predictor_history": list(person.predictor_score_changes.all()[:30])}


def reviews_due(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """What needs doing on the case: registration reviews overdue or due within two weeks."""
    today = timezone.localdate()
    active, _ = _active_registrations(person)
    due = sorted(
        (r for r in active if r.review_due and r.review_due <= today + REVIEW_SOON),
        key=lambda r: r.review_due,
    )
    return {"reviews_due": due}


def risk_at_a_glance(person: Person, viewer: CaseViewer) -> dict[str, Any]:
    """The overview's risk card: RoSH since when, MAPPA, and both tiers."""
    registered = _rosh_registration(person)
    tier = case_tier(person)
    primary = settings.PRIMARY_TIER_FRAMEWORK
    other = "v3" if primary == "v2" else "v2"
    return {
        "glance_rosh": registered,
        "glance_rosh_level": ROSH_LEVEL_OF_REGISTER[registered.register] if registered else None,
        "glance_tier": getattr(tier, f"{primary}_tier", "") if tier else "",
        "glance_other_tier": getattr(tier, f"{other}_tier", "") if tier else "",
    }


register_panel(
    CasePanel(
        "risk_at_a_glance",
        21,
        "risk/risk_at_a_glance.html",
        risk_at_a_glance,
        width="one-half",
    )
)
# Order 23: beside the essentials' "Essential work" (22), so what is due on the case is one row.
register_panel(CasePanel("reviews_due", 23, "risk/reviews_due.html", reviews_due, width="one-half"))
register_panel(CasePanel("rosh", 10, "risk/rosh_panel.html", rosh_by_audience, section="risk"))
register_panel(
    CasePanel("registrations", 15, "risk/registrations_panel.html", registrations, section="risk")
)
register_panel(
    CasePanel(
        "tool_assessments",
        20,
        "risk/tool_assessments_panel.html",
        tool_assessments,
        section="risk",
    )
)
register_panel(CasePanel("predictors", 30, "risk/predictor_panel.html", predictors, section="risk"))
register_panel(
    CasePanel(
        "predictor_history",
        35,
        "risk/predictor_history.html",
        predictor_history,
        section="risk",
    )
)
for label, url_name, order in (
    ("Add a registration", "new_registration", 10),
    ("Record risk of serious harm by audience", "new_rosh_summary", 11),
    ("Record an assessment", "new_assessment", 12),
    ("Record an ARMS or SARA", "new_tool_assessment", 13),
):
    register_case_action(CaseAction(label, url_name, sections=("risk",), order=order))
