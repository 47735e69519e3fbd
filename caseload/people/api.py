"""Case endpoints: the list the user may see, and one whole record."""

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.cases import case_viewer, get_case_for_user, visible_cases
from caseload.access.rules import case_operation, operation_for
from caseload.people.caselist import case_rows
from caseload.people.record import case_record
from caseload.people.serialise import serialise_record

PREFIX = "/cases"
router = Router(tags=["cases"])


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
    mine: bool = False
    tier: str = Field("", max_length=2, pattern=r"^[A-Ga-g]?[0-3]?$")
    q: str = Field("", max_length=100)
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0)


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


@router.get("", response=CaseList, summary="Cases the user may see")
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


@router.get("/{crn}", summary="The whole case record", response=dict[str, Any])
@case_operation
def get_case(request: HttpRequest, crn: str) -> dict[str, Any]:
    person = get_case_for_user(request.user, crn)
    record = case_record(person, case_viewer(request.user, person))
    return serialise_record(record, primary_tier=settings.PRIMARY_TIER_FRAMEWORK)
