"""`GET /api/v1/search?q=`: the cases the caller may see that match a search, as the search
page finds them (name in any order, CRN or part of one, PNC number, date of birth)."""

from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.cases import visible_cases
from caseload.access.rules import operation_for
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.people.caselist import case_rows
from caseload.search.domain import MAX_QUERY_LENGTH, QueryInvalid, parse_query

PREFIX = "/search"
router = Router(tags=["search"])


class SearchQuery(Schema):
    q: str = text(
        ...,
        max_length=MAX_QUERY_LENGTH,
        description="A name (any order, or 'Last, First'), CRN or part of one, PNC number "
        "(2001/0123456A or 01/123456A) or date of birth (3/4/1990, 3 April 1990, 1990-04-03)",
    )
    limit: int = Field(50, ge=1, le=200, description="Cases to return")
    offset: int = Field(0, ge=0, le=10_000_000, description="Cases to skip")


class FoundCase(Schema):
    crn: str
    name: str
    date_of_birth: date
    practitioner: str | None = Field(description="Who holds the case today")
    team: str | None


class SearchResults(Schema):
    items: list[FoundCase]
    count: int
    limit: int
    offset: int


@router.get(
    "",
    response={200: SearchResults, **error_responses(401, 403, 422)},
    summary="Search the cases the user may see",
)
@operation_for(Capability.SEE_CASE)
def search_cases(request: HttpRequest, params: Query[SearchQuery]) -> SearchResults:
    try:
        query = parse_query(params.q)
    except QueryInvalid as problem:
        raise ValidationError(
            [{"loc": ["query", "q"], "type": problem.rule, "msg": str(problem)}]
        ) from problem
    rows = case_rows(visible_cases(request.user), search=query)
    count = rows.count()
    page = rows[params.offset : params.offset + params.limit]
    record_audit(
        request.user, "SEARCH_CASES", detail={"api": True, "query": query.text, "results": count}
    )
    return SearchResults(
        items=[
            FoundCase(
                crn=p.crn,
                name=p.full_name,
                date_of_birth=p.date_of_birth,
                practitioner=(
                    f"{p.practitioner_first_name} {p.practitioner_last_name}"
                    if p.practitioner_last_name
                    else None
                ),
                team=p.team_name,
            )
            for p in page
        ],
        count=count,
        limit=params.limit,
        offset=params.offset,
    )
