"""Returns over the API: the list (`GET /returns`) and one return's rows, a page at a time
(`GET /returns/{return_name}`), with the same filters as the page as query parameters."""

from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from caseload.access.audit import record_audit
from caseload.access.capabilities import Capability
from caseload.access.rules import operation_for
from caseload.core.api_errors import error_responses
from caseload.core.api_fields import text
from caseload.core.replica import reading_from_replica, replica_state
from caseload.returns.domain.filters import ReturnFilters
from caseload.returns.paging import page_of
from caseload.returns.registry import Cell, Column, Row, all_returns, get_return
from caseload.returns.scope import scope_for

PREFIX = ""
router = Router(tags=["returns"])


class ColumnOut(Schema):
    name: str
    title: str
    type: str = Field(..., description="text, number, date or percent (0 to 100)")


class ReturnOut(Schema):
    name: str
    title: str
    description: str
    time: str = Field(..., description="as_at (a point in time) or period (to the as-at day)")
    names_people: bool = Field(..., description="Rows identify people: only cases you may see")
    reads: list[str] = Field(..., description="The recorded facts and caches it is worked out from")
    columns: list[ColumnOut]


class SummaryOut(Schema):
    columns: list[ColumnOut]
    rows: list[dict[str, Any]]


class ReturnRows(Schema):
    name: str
    columns: list[ColumnOut]
    rows: list[dict[str, Any]] = Field(..., description="One object per row, keyed by column name")
    filters: dict[str, str] = Field(..., description="The filters applied, as_at always")
    summary: SummaryOut | None = Field(
        ..., description="Counted over every case in scope, limited access included"
    )
    page: int
    pages: int
    total: int = Field(..., description="Rows across every page")
    recorded_up_to: datetime | None = Field(
        ...,
        description=(
            "Every change recorded before this moment is in the figures: the time they were "
            "read, or, when returns are read from a replica that is behind, its latest change; "
            "null when that replica cannot tell"
        ),
    )


class ReturnQuery(Schema):
    as_at: date | None = Field(None, description="The day the figures are for; today if not given")
    period_from: date | None = Field(
        None, description="A period return: its first day; the 12 months to as_at if not given"
    )
    region: str = text("", max_length=10, description="A region's code")
    delivery_unit: str = text("", max_length=10, description="A delivery unit's code")
    team: str = text("", max_length=12, description="A team's code")
    practitioner: str = text("", max_length=150, description="A practitioner's username")
    page: int = Field(1, ge=1, le=1_000_000)
    page_size: int = Field(500, ge=1, le=5_000)


def _columns(columns: tuple[Column, ...]) -> list[ColumnOut]:
    return [ColumnOut(name=c.name, title=c.title, type=c.type) for c in columns]


def _json(cell: Cell) -> Any:
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, int | float | str) or cell is None:
        return cell
    return float(cell)


def _keyed(columns: tuple[Column, ...], row: Row) -> dict[str, Any]:
    return {c.name: _json(cell) for c, cell in zip(columns, row, strict=True)}


@router.get(
    "/returns",
    response={200: list[ReturnOut], **error_responses(401, 403)},
    summary="Every return: registers, statistics and performance measures",
)
@operation_for(Capability.SEE_RETURNS)
def list_returns(request: HttpRequest) -> list[ReturnOut]:
    return [
        ReturnOut(
            name=r.name,
            title=r.title,
            description=r.description,
            time=r.time,
            names_people=r.names_people,
            reads=list(r.reads),
            columns=_columns(r.columns),
        )
        for r in all_returns()
    ]


@router.get(
    "/returns/{return_name}",
    response={200: ReturnRows, **error_responses(401, 403, 404, 422)},
    summary="One return's rows, a page at a time, for the filters given",
)
@operation_for(Capability.SEE_RETURNS)
@reading_from_replica()
def return_rows(request: HttpRequest, return_name: str, filters: Query[ReturnQuery]) -> ReturnRows:
    declared = get_return(return_name)
    if declared is None:
        raise Http404("No return with that name")
    today = timezone.localdate()
    scope = scope_for(
        request.user,
        ReturnFilters(
            as_at=filters.as_at or today,
            period_from=filters.period_from,
            region=filters.region,
            delivery_unit=filters.delivery_unit,
            team=filters.team,
            practitioner=filters.practitioner,
        ),
        today,
    )
    state = replica_state()
    recorded_up_to = state.includes_up_to if state else timezone.now()
    page = page_of(declared.rows(scope), filters.page, filters.page_size)
    summary = declared.summary(scope) if declared.summary else None
    record_audit(
        request.user,
        "VIEW_RETURN",
        detail={
            "api": True,
            "return": declared.name,
            "filters": scope.filters.as_dict(),
            "rows": page.total,
        },
    )
    return ReturnRows(
        name=declared.name,
        columns=_columns(declared.columns),
        rows=[_keyed(declared.columns, row) for row in page.rows],
        filters=scope.filters.as_dict(),
        summary=SummaryOut(
            columns=_columns(summary.columns),
            rows=[_keyed(summary.columns, row) for row in summary.rows],
        )
        if summary
        else None,
        page=page.number,
        pages=page.pages,
        total=page.total,
        recorded_up_to=recorded_up_to,
    )
