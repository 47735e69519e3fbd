"""Case endpoints: the list the user may see, and one whole record."""

from datetime import date, datetime
from typing import Annotated, Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.cases import get_case_for_user, visible_cases
from caseload.access.rules import case_operation, operation_for
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.people.caselist import case_rows
from caseload.people.models import crn_validator
from caseload.people.record import case_record
from caseload.people.serialise import serialise_record

PREFIX = "/cases"
router = Router(tags=["cases"])

#: The `{crn}` path parameter of every case operation; a malformed CRN is a 422.
Crn = Annotated[
    str,
    Path(
        pattern=crn_validator.regex.pattern,
        description="Case reference number: one capital letter and six digits, e.g. X123456",
    ),
]

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
    q: str = text("", max_length=100, description="Name or CRN")
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
    rows = case_rows(cases, tier=filters.tier.upper(), search=filters.q)
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
    return serialise_record(case_record(person), primary_tier=settings.PRIMARY_TIER_FRAMEWORK)
