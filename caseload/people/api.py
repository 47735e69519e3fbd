"""Case endpoints: the list the user may see, one whole record, and its circumstances.

A change of circumstances ends the current one of its kind, so it names the current one the
caller read (`replacing`: id and version, or null for none); if that is no longer current and
unchanged, the answer is 409 with both versions and nothing is written.
"""

from datetime import date, datetime
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import ValidationError

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.cases import case_viewer, get_case_for_user, visible_cases
from caseload.access.rules import case_operation, case_write_operation, operation_for
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.core.memo import remembering
from caseload.core.versions import Seen
from caseload.people.actions import record_circumstance_change
from caseload.people.api_params import Crn
from caseload.people.caselist import case_rows
from caseload.people.constants import AccommodationStatus, CircumstanceKind, EmploymentStatus
from caseload.people.models import Circumstance, Person
from caseload.people.personal_api import router as personal_router
from caseload.people.record import case_record
from caseload.people.serialise import serialise_record
from caseload.search.domain import QueryInvalid, parse_query

PREFIX = "/cases"
router = Router(tags=["cases"])

router.add_router("", personal_router)

#: The deepest page the list serves. Unbounded, an offset of 2**63 overflowed the database's
#: integer and answered 500.
LAST_OFFSET = 10_000_000


class CaseSummary(Schema):
    crn: str
    name: str
    date_of_birth: date
    tier: str | None
    tier_v3: str | None
    rosh: str | None
    sentence_type: str | None
    last_contact: datetime | None


class CaseList(Schema):
    items: list[CaseSummary]
    count: int
    limit: int
    offset: int


class CaseListQuery(Schema):
    mine: bool = Field(False, description="Only the cases the caller holds")
    tier: str = Field(
        "", max_length=2, pattern=r"^[A-Ga-g]?[0-3]?$", description="Tier prefix, e.g. B or B2"
    )
    q: str = text(
        "", max_length=100, description="Name, CRN, PNC number or date of birth, as /search"
    )
    limit: int = Field(100, ge=1, le=500, description="Cases per page")
    offset: int = Field(0, ge=0, le=LAST_OFFSET, description="Cases to skip")


def _summary(p: Any) -> CaseSummary:
    tier = getattr(p, "tier", None)
    return CaseSummary(
        crn=p.crn,
        name=p.full_name,
        date_of_birth=p.date_of_birth,
        tier=tier.v2_tier if tier else None,
        tier_v3=tier.v3_tier if tier else None,
        rosh=p.rosh,
        sentence_type=p.sentence_type,
        last_contact=p.last_contact,
    )


@router.get(
    "",
    response={200: CaseList, **error_responses(401, 403, 422)},
    summary="Cases the user may see",
)
@operation_for(Capability.SEE_CASE)
def list_cases(request: HttpRequest, filters: Query[CaseListQuery]) -> CaseList:
    cases = visible_cases(request.user)
    if filters.mine:
        cases = cases.held_by_user(request.user)
    search = None
    if filters.q.strip():
        try:
            search = parse_query(filters.q)
        except QueryInvalid as problem:
            raise ValidationError(
                [{"loc": ["query", "q"], "type": problem.rule, "msg": str(problem)}]
            ) from problem
    rows = case_rows(cases, tier=filters.tier.upper(), search=search)
    count = rows.count()
    page = rows[filters.offset : filters.offset + filters.limit]
    record_audit(request.user, "VIEW_CASELOAD", detail={"api": True, "mine": filters.mine})
    return CaseList(
        items=[_summary(p) for p in page], count=count, limit=filters.limit, offset=filters.offset
    )


@router.get(
    "/{crn}",
    summary="The whole case record",
    response={200: dict[str, Any], **error_responses(401, 403, 404, 422)},
)
@case_operation
def get_case(request: HttpRequest, crn: Crn) -> dict[str, Any]:
    person = get_case_for_user(request.user, crn)
    with remembering():  # the panels read the same facts, as on the case page
        record = case_record(person, case_viewer(request.user, person))
    return serialise_record(record, primary_tier=settings.PRIMARY_TIER_FRAMEWORK)


Kind = Literal[tuple(CircumstanceKind.values)]  # type: ignore[valid-type]
Status_ = Literal[tuple(AccommodationStatus.values + EmploymentStatus.values)]  # type: ignore[valid-type]


class CircumstanceOut(Schema):
    id: int
    version: int = Field(..., ge=1)
    kind: str
    status: str
    label: str
    start_date: date
    end_date: date | None
    verified: bool
    current: bool = Field(..., description="The one a change of its kind replaces")


class SeenIn(Schema):
    id: int = Field(..., ge=1, le=2**63 - 1)
    version: int = Field(..., ge=1, le=2**31 - 1)


class CircumstanceIn(Schema):
    kind: Kind
    status: Status_ = Field(..., description="A status of the kind given")
    start_date: date = Field(..., description="Not in the future, nor before the current one")
    verified: bool = False
    notes: str = text("", max_length=10_000)
    replacing: SeenIn | None = Field(
        ...,
        description="The current circumstance of this kind you read (id and version), or null "
        "if there was none; 409 if it has changed since",
    )


def _current_ids(person: Person) -> set[int]:
    latest: dict[str, int] = {}
    for c in person.circumstances.filter(end_date__isnull=True).order_by("start_date", "id"):
        latest[c.kind] = c.pk
    return set(latest.values())


def _circumstance_out(c: Circumstance, current: set[int]) -> CircumstanceOut:
    return CircumstanceOut(
        id=c.pk,
        version=c.version,
        kind=c.kind,
        status=c.status,
        label=c.get_status_display(),
        start_date=c.start_date,
        end_date=c.end_date,
        verified=c.verified,
        current=c.pk in current,
    )


@router.get(
    "/{crn}/circumstances",
    response={200: list[CircumstanceOut], **error_responses(401, 403, 404, 422)},
    summary="A case's circumstances, newest first, with their versions",
    tags=["circumstances"],
)
@case_operation
def list_circumstances(request: HttpRequest, crn: Crn) -> list[CircumstanceOut]:
    person = get_case_for_user(request.user, crn)
    current = _current_ids(person)
    rows = person.circumstances.order_by("-start_date", "-id")
    return [_circumstance_out(c, current) for c in rows]


@router.post(
    "/{crn}/circumstances",
    response={201: CircumstanceOut, **error_responses(400, 401, 403, 404, 409, 422)},
    summary="Record a change of circumstances",
    tags=["circumstances"],
)
@case_write_operation
def create_circumstance(
    request: HttpRequest, crn: Crn, payload: CircumstanceIn
) -> Status[CircumstanceOut]:
    seen = payload.replacing
    circumstance = record_circumstance_change(
        crn,
        acting_user=request.user,
        kind=payload.kind,
        status=payload.status,
        start_date=payload.start_date,
        verified=payload.verified,
        notes=payload.notes,
        replacing=Seen(seen.id, seen.version) if seen else None,
    )
    return Status(201, _circumstance_out(circumstance, {circumstance.pk}))
