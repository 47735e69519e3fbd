"""Essentials over the API: one case's (`GET /cases/{crn}/essentials`), a caseload's
(`GET /essentials?practitioner=USERNAME&state=STATE`), and the overrides (snooze, not
applicable, end one).

A caseload is a practitioner's own, or, for a caller who oversees cases, any practitioner's in
their team (a head of a delivery unit: in their delivery unit); always within the cases the
caller may see (`visible_cases`), so a limited-access case they are kept out of never shows.
"""

from datetime import date, datetime
from typing import Literal

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema, Status

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability, acting_staff, has_capability
from caseload.access.cases import get_case_for_user, visible_cases
from caseload.access.rules import case_operation, case_write_operation, operation_for
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.core.errors import AccessDenied
from caseload.essentials.actions import (
    end_essential_override,
    mark_essential_not_applicable,
    snooze_essential,
)
from caseload.essentials.domain.essential import State
from caseload.essentials.domain.overrides import MAX_REASON, NOT_APPLICABLE, SNOOZE
from caseload.essentials.domain.rules import RULES
from caseload.essentials.models import EssentialOverride
from caseload.essentials.reading import (
    OPEN_STATES,
    EssentialView,
    OverrideView,
    essentials_for_case,
    essentials_for_cases,
)
from caseload.organisation.constants import Role
from caseload.people.api_params import Crn

PREFIX = ""
router = Router(tags=["essentials"])

StateName = Literal[tuple(s.value for s in State)]  # type: ignore[valid-type]
KindName = Literal[tuple(RULES)]  # type: ignore[valid-type]
OverrideName = Literal[SNOOZE, NOT_APPLICABLE]
_KINDS = "; ".join(f"{kind}: {rule.title}" for kind, rule in RULES.items())


class OverrideOut(Schema):
    id: int
    version: int = Field(..., ge=1, description="Send it back to end the override")
    override: OverrideName = Field(..., description="SNOOZE or NOT_APPLICABLE")
    reason: str
    until: date = Field(..., description="The last day it is in force")
    by: str = Field(..., description="Who recorded it")
    at: datetime


class EssentialOut(Schema):
    crn: str
    kind: KindName = Field(..., description=_KINDS)  # type: ignore[valid-type]
    subject: str = Field(..., description='What tells two of one kind apart, or ""')
    title: str
    state: StateName = Field(  # type: ignore[valid-type]
        ..., description="due, overdue (due and its date has passed), done, not_required, snoozed"
    )
    due_on: date | None
    done_on: date | None = Field(..., description="When the fact that satisfied it happened")
    reason: str = Field(..., description="In words: why it is due, what did it, or the rule")
    source: str = Field(..., description="The public source of the rule")
    certainty: Literal["S", "I", "U"] = Field(
        ..., description="S sourced; I inferred from the source; U uncertain"
    )
    uncertain_note: str
    timescale: str = Field(..., description="The rule's timescales, in words")
    clears_with_url: str = Field(..., description='The page that records what clears it, or ""')
    override: OverrideOut | None


class CaseloadEssentials(Schema):
    practitioner: str
    items: list[EssentialOut]
    count: int


class CaseloadQuery(Schema):
    practitioner: str = text(
        "", max_length=150, description="A username; yours if not given. A manager: their team's"
    )
    state: StateName | None = Field(  # type: ignore[valid-type]
        None, description="Only essentials in this state; due and overdue if not given"
    )
    limit: int = Field(500, ge=1, le=5_000, description="Essentials at most")


class OverrideIn(Schema):
    kind: KindName = Field(..., description=_KINDS)  # type: ignore[valid-type]
    subject: str = text("", max_length=60, description="The essential's subject, as listed")
    override: OverrideName = Field(
        ..., description="SNOOZE (at most 28 days) or NOT_APPLICABLE (at most 6 months)"
    )
    reason: str = text(..., max_length=MAX_REASON, description="Why (required)")
    until: date = Field(..., description="The last day it is in force: today or later")


class EndOverrideIn(Schema):
    version: int = Field(
        ..., ge=1, le=2**31 - 1, description="The version you read; 409 if it has changed since"
    )


def _override_out(view: OverrideView) -> OverrideOut:
    return OverrideOut(
        id=view.id,
        version=view.version,
        override=view.override,
        reason=view.reason,
        until=view.until,
        by=view.by_name,
        at=view.at,
    )


def _out(view: EssentialView) -> EssentialOut:
    return EssentialOut(
        crn=view.crn,
        kind=view.kind,
        subject=view.subject,
        title=view.title,
        state=view.state.value,
        due_on=view.due_on,
        done_on=view.done_on,
        reason=view.reason,
        source=view.source,
        certainty=view.certainty or "U",
        uncertain_note=view.uncertain_note,
        timescale=view.timescale,
        clears_with_url=view.clears_with_url,
        override=_override_out(view.override) if view.override else None,
    )


@router.get(
    "/cases/{crn}/essentials",
    response={200: list[EssentialOut], **error_responses(401, 403, 404, 422)},
    summary="The essentials on one case, in every state",
)
@case_operation
def case_essentials(request: HttpRequest, crn: Crn) -> list[EssentialOut]:
    person = get_case_for_user(request.user, crn)
    return [_out(v) for v in essentials_for_case(person, today=timezone.localdate())]


def _practitioner_cases(request: HttpRequest, username: str) -> tuple[str, object]:
    """The named practitioner's cases the caller may see, or AccessDenied: a practitioner
    names only themselves; a manager anyone in their team, a head anyone in their unit."""
    me = acting_staff(request.user)
    refused = AccessDenied("see the essentials of your own cases, or your team's as a manager")
    if me is None:
        raise refused
    if not username or username == request.user.get_username():
        staff = me
    else:
        user = get_user_model().objects.filter(username=username).select_related("staff").first()
        staff = getattr(user, "staff", None) if user else None
        if staff is None or not has_capability(request.user, Capability.OVERSEE_CASES):
            raise refused
        same_team = me.team_id is not None and staff.team_id == me.team_id
        same_unit = (
            me.role == Role.HEAD_OF_PDU
            and me.team is not None
            and staff.team is not None
            and staff.team.delivery_unit_id == me.team.delivery_unit_id
        )
        if not (same_team or same_unit):
            raise refused
    cases = visible_cases(request.user).allocated_to(staff.pk)
    return staff.user.get_username(), cases


@router.get(
    "/essentials",
    response={200: CaseloadEssentials, **error_responses(401, 403, 422)},
    summary="The essentials across a practitioner's caseload, each with its CRN",
)
@operation_for(Capability.SEE_CASE)
def caseload_essentials(request: HttpRequest, filters: Query[CaseloadQuery]) -> CaseloadEssentials:
    """In priority order: overdue first, then by RoSH (very high first), tier and due date."""
    username, cases = _practitioner_cases(request, filters.practitioner)
    states = {State(filters.state)} if filters.state else OPEN_STATES
    views = essentials_for_cases(cases, today=timezone.localdate(), states=states)  # type: ignore[arg-type]
    record_audit(
        request.user,
        "VIEW_CASELOAD",
        detail={"api": True, "essentials": True, "practitioner": username},
    )
    return CaseloadEssentials(
        practitioner=username, items=[_out(v) for v in views[: filters.limit]], count=len(views)
    )


@router.post(
    "/cases/{crn}/essentials/overrides",
    response={201: OverrideOut, **error_responses(400, 401, 403, 404, 422)},
    summary="Snooze an essential, or mark it not applicable",
)
@case_write_operation
def add_override(request: HttpRequest, crn: Crn, payload: OverrideIn) -> Status[OverrideOut]:
    """Only an essential that is due (or overdue) can be set aside, with a reason and an end
    date; one override at a time on each essential."""
    action = snooze_essential if payload.override == SNOOZE else mark_essential_not_applicable
    row = action(
        crn,
        acting_user=request.user,
        kind=payload.kind,
        subject=payload.subject,
        reason=payload.reason,
        until=payload.until,
    )
    return Status(201, _row_out(row))


def _row_out(row: EssentialOverride) -> OverrideOut:
    return OverrideOut(
        id=row.pk,
        version=row.version,
        override=row.override,
        reason=row.reason,
        until=row.until,
        by=row.by.get_full_name() or row.by.get_username(),
        at=row.at,
    )


@router.post(
    "/cases/{crn}/essentials/overrides/{override_id}/end",
    response={200: OverrideOut, **error_responses(400, 401, 403, 404, 409, 422)},
    summary="End a snooze or a not applicable before its day",
)
@case_write_operation
def end_override(
    request: HttpRequest,
    crn: Crn,
    payload: EndOverrideIn,
    override_id: int = Path(..., ge=1, le=2**63 - 1),
) -> OverrideOut:
    row = end_essential_override(
        crn, acting_user=request.user, override_id=override_id, expected_version=payload.version
    )
    return _row_out(row)
