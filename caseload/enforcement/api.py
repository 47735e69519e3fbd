"""Enforcement in the API: the state of a case's enforcement (the steps the rules require, the
breaches, the recalls with their derived type and dates) and one operation per step."""

from datetime import date, datetime
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from pydantic import AwareDatetime

from caseload.access.capabilities import Capability
from caseload.access.cases import get_case_for_user
from caseload.access.rules import case_operation, case_task_operation, case_write_operation
from caseload.contacts.domain import ENFORCEMENT_ACTIONS
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.enforcement import actions
from caseload.enforcement.domain import (
    BREACH_OUTCOMES,
    RECALL_DECISIONS,
    RECALL_TYPES,
    RECALL_WHY,
    STEP_TITLES,
    UNDECIDED,
)
from caseload.enforcement.models import Breach, RecallConsideration
from caseload.enforcement.reading import case_enforcement, terms_of
from caseload.essentials.domain.rules import step_deadline
from caseload.people.api_params import Crn

PREFIX = "/cases"
router = Router(tags=["enforcement"])

Decision = Literal[tuple(c for c in ENFORCEMENT_ACTIONS if c not in UNDECIDED)]  # type: ignore[valid-type]
BreachOutcome = Literal[tuple(BREACH_OUTCOMES)]  # type: ignore[valid-type]
Why = Literal[tuple(RECALL_WHY)]  # type: ignore[valid-type]
RecallType = Literal[tuple(RECALL_TYPES)]  # type: ignore[valid-type]
RecallDecision = Literal[tuple(RECALL_DECISIONS)]  # type: ignore[valid-type]
ERRORS = error_responses(401, 403, 404, 422)
#: An operation with a body may also get one it cannot parse (400).
WRITE_ERRORS = error_responses(400, 401, 403, 404, 422)


def _codes(table: dict[str, str]) -> str:
    return "; ".join(f"{code} {label}" for code, label in table.items())


class StepOut(Schema):
    kind: Literal[tuple(STEP_TITLES)]  # type: ignore[valid-type]
    title: str
    subject: str = Field(
        ..., description='What tells two steps of a kind apart: "failure 2026-11-03"'
    )
    clock_starts: date
    due_on: date = Field(..., description="From the step's timescale in the essentials rules")
    done_on: date | None
    done_by: str
    reason: str


class BreachOut(Schema):
    id: int
    version: int
    started_on: date
    failure_contact_id: int
    pack_sent_on: date | None
    outcome: str | None
    outcome_label: str | None
    outcome_on: date | None


class RecallOut(Schema):
    id: int
    version: int
    considered_on: date
    why: str
    recommended_type: str
    emergency: bool
    fresh_charge: bool
    decision: str | None
    decided_at: datetime | None
    countersigned_at: datetime | None
    part_a_sent_at: datetime | None
    recall_type: str = Field(..., description="Derived from the sentence and the record")
    recall_type_because: str
    recall_on: date = Field(..., description="The day of the decision (until then, considered)")
    fixed_term_days: int | None
    rerelease_on: date | None = Field(..., description="Fixed-term recalls only")
    uncertain: list[str]


class EnforcementOut(Schema):
    crn: str
    steps: list[StepOut]
    breaches: list[BreachOut]
    recalls: list[RecallOut]


def _breach(b: Breach) -> BreachOut:
    return BreachOut(
        id=b.pk,
        version=b.version,
        started_on=b.started_on,
        failure_contact_id=b.started_by_id,
        pack_sent_on=b.pack_sent_on,
        outcome=b.outcome or None,
        outcome_label=BREACH_OUTCOMES.get(b.outcome),
        outcome_on=b.outcome_on,
    )


def _recall(r: RecallConsideration) -> RecallOut:
    terms = terms_of(r)
    return RecallOut(
        id=r.pk,
        version=r.version,
        considered_on=r.considered_on,
        why=r.why,
        recommended_type=r.recommended_type,
        emergency=r.emergency,
        fresh_charge=r.fresh_charge,
        decision=r.decision or None,
        decided_at=r.decided_at,
        countersigned_at=r.countersigned_at,
        part_a_sent_at=r.part_a_sent_at,
        recall_type=terms.recall_type,
        recall_type_because=terms.because,
        recall_on=terms.recall_on,
        fixed_term_days=terms.days,
        rerelease_on=terms.rerelease_on,
        uncertain=list(terms.uncertain),
    )


@router.get(
    "/{crn}/enforcement",
    response={200: EnforcementOut, **ERRORS},
    summary="The case's enforcement: the steps due and done, breaches and recalls",
)
@case_operation
def get_enforcement(request: HttpRequest, crn: Crn) -> EnforcementOut:
    person = get_case_for_user(request.user, crn)
    today = timezone.localdate()
    steps = case_enforcement(person, day=today).steps(today)
    recalls = RecallConsideration.objects.filter(person=person).select_related("person", "sentence")
    return EnforcementOut(
        crn=person.crn,
        steps=[
            StepOut(
                kind=s.kind,
                title=STEP_TITLES[s.kind],
                subject=s.subject,
                clock_starts=s.clock_starts,
                due_on=step_deadline(s.kind, s.clock_starts)[0],
                done_on=s.done_on,
                done_by=s.done_by,
                reason=s.reason,
            )
            for s in steps
        ],
        breaches=[_breach(b) for b in Breach.objects.filter(person=person)],
        recalls=[_recall(r) for r in recalls],
    )


class DecisionIn(Schema):
    enforcement_action: Decision = Field(  # type: ignore[valid-type]
        ..., description="The decision on the failure (not one that leaves it pending)"
    )
    decided_on: date
    reason: str = text("", max_length=10_000, description="Required for an immediate breach")


@router.post(
    "/{crn}/enforcement/failures/{failure_id}/decision",
    response={201: dict[str, int], **WRITE_ERRORS},
    summary="Record the decision on a failure to comply left pending",
)
@case_write_operation
def record_decision(request: HttpRequest, crn: Crn, failure_id: int, payload: DecisionIn) -> Status:
    decision = actions.record_enforcement_decision(
        crn, acting_user=request.user, contact_id=failure_id, **payload.dict()
    )
    return Status(201, {"id": decision.pk})


class BreachPackIn(Schema):
    sent_on: date
    notes: str = text("", max_length=10_000)


@router.post(
    "/{crn}/enforcement/failures/{failure_id}/breach-pack",
    response={201: BreachOut, **WRITE_ERRORS},
    summary="Record the breach pack sent to court for a failure that must be referred",
)
@case_write_operation
def record_breach_pack(
    request: HttpRequest, crn: Crn, failure_id: int, payload: BreachPackIn
) -> Status:
    breach = actions.record_breach_pack_sent(
        crn, acting_user=request.user, contact_id=failure_id, **payload.dict()
    )
    return Status(201, _breach(breach))


class BreachOutcomeIn(Schema):
    outcome: BreachOutcome = Field(..., description=f"How it ended: {_codes(BREACH_OUTCOMES)}")  # type: ignore[valid-type]
    outcome_on: date
    notes: str = text("", max_length=10_000)


@router.post(
    "/{crn}/enforcement/breaches/{breach_id}/outcome",
    response={200: BreachOut, **WRITE_ERRORS},
    summary="Record the court's outcome of a breach",
)
@case_write_operation
def record_breach_outcome(
    request: HttpRequest, crn: Crn, breach_id: int, payload: BreachOutcomeIn
) -> BreachOut:
    return _breach(
        actions.record_breach_outcome(
            crn, acting_user=request.user, breach_id=breach_id, **payload.dict()
        )
    )


class ConsiderRecallIn(Schema):
    considered_on: date
    why: Why = Field(..., description=_codes(RECALL_WHY))  # type: ignore[valid-type]
    recommended_type: RecallType = Field(..., description=_codes(RECALL_TYPES))  # type: ignore[valid-type]
    emergency: bool = False
    fresh_charge: bool = False
    notes: str = text("", max_length=10_000)


@router.post(
    "/{crn}/enforcement/recalls",
    response={201: RecallOut, **WRITE_ERRORS},
    summary="Consider a recall (licences)",
)
@case_write_operation
def consider_recall(request: HttpRequest, crn: Crn, payload: ConsiderRecallIn) -> Status:
    return Status(
        201, _recall(actions.consider_recall(crn, acting_user=request.user, **payload.dict()))
    )


class DecideRecallIn(Schema):
    decision: RecallDecision = Field(..., description=_codes(RECALL_DECISIONS))  # type: ignore[valid-type]
    notes: str = text("", max_length=10_000)


@router.post(
    "/{crn}/enforcement/recalls/{recall_id}/decision",
    response={200: RecallOut, **WRITE_ERRORS},
    summary="A manager's decision on a recall (needs the capability to decide on recalls)",
)
@case_task_operation(Capability.DECIDE_RECALL)
def decide_recall(
    request: HttpRequest, crn: Crn, recall_id: int, payload: DecideRecallIn
) -> RecallOut:
    return _recall(
        actions.decide_recall(crn, acting_user=request.user, recall_id=recall_id, **payload.dict())
    )


@router.post(
    "/{crn}/enforcement/recalls/{recall_id}/countersign",
    response={200: RecallOut, **WRITE_ERRORS},
    summary="Countersign a recall decision (a different manager from the one who decided)",
)
@case_task_operation(Capability.DECIDE_RECALL)
def countersign_recall(request: HttpRequest, crn: Crn, recall_id: int) -> RecallOut:
    return _recall(actions.countersign_recall(crn, acting_user=request.user, recall_id=recall_id))


class PartAIn(Schema):
    sent_at: AwareDatetime = Field(..., description="ISO 8601 with a UTC offset; not in the future")


@router.post(
    "/{crn}/enforcement/recalls/{recall_id}/part-a",
    response={200: RecallOut, **WRITE_ERRORS},
    summary="Record Part A sent to the Public Protection Casework Section",
)
@case_write_operation
def record_part_a(request: HttpRequest, crn: Crn, recall_id: int, payload: PartAIn) -> RecallOut:
    return _recall(
        actions.record_part_a_sent(
            crn, acting_user=request.user, recall_id=recall_id, **payload.dict()
        )
    )
