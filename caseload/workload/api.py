"""The workload agreement over the API: `GET /workload/agreement` (in force today, or on the
day `?on=YYYY-MM-DD`). Any signed-in caller may read it: it holds no case data."""

from datetime import date

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from caseload.access.rules import signed_in_operation
from caseload.core.api_errors import error_responses
from caseload.workload.models import AgreementVersion
from caseload.workload.weightings import NoneInForce, agreement_version_in_force

PREFIX = "/workload"
router = Router(tags=["workload"])


class TimingOut(Schema):
    kind: str = Field(..., description="contact, report, essential, recording or travel")
    code: str = Field(
        ..., description='The contact type, report or essential kind; "" for recording and travel'
    )
    label: str
    setting: str = Field(..., description='How a contact happens (office, home visit, …) or ""')
    minutes: int = Field(..., ge=0, description="The minutes agreed for the task itself")
    source: str = Field(..., description="Where the figure comes from")
    local_estimate: bool = Field(..., description="True when no public source gives the figure")


class AgreementOut(Schema):
    id: int
    effective_from: date = Field(..., description="The day it took (or takes) effect")
    author: str = Field(..., description='Who added it; "" for the default agreement')
    note: str
    responsive_share_percent: float = Field(
        ..., description="Added on top of a week's planned minutes for responsive work"
    )
    responsive_share_source: str
    recording_minutes_after_each_contact: int
    travel_minutes_for_a_home_visit: int
    timings: list[TimingOut]


class AgreementQuery(Schema):
    on: date | None = Field(
        None, description="The day (UK) to read the agreement in force on; default today",
        ge=date(1900, 1, 1), le=date(9999, 12, 31),
    )  # fmt: skip


def _minutes(version: AgreementVersion, kind: str) -> int:
    row = version.timings.filter(kind=kind).first()
    return row.minutes if row else 0


@router.get(
    "/agreement",
    response={200: AgreementOut, **error_responses(401, 404, 422)},
    summary="The workload agreement in force: the minutes agreed for each task",
)
@signed_in_operation
def agreement(request: HttpRequest, query: Query[AgreementQuery]) -> Status[object]:
    day = query.on or timezone.localdate()
    try:
        version = agreement_version_in_force(day)
    except NoneInForce:
        return Status(404, {"detail": f"No workload agreement was in force on {day.isoformat()}"})
    author = version.author
    return Status(
        200,
        AgreementOut(
            id=version.pk,
            effective_from=version.effective_from,
            author=(author.get_full_name() or author.username) if author else "",
            note=version.note,
            responsive_share_percent=float(version.responsive_share_percent),
            responsive_share_source=version.responsive_share_source,
            recording_minutes_after_each_contact=_minutes(version, "recording"),
            travel_minutes_for_a_home_visit=_minutes(version, "travel"),
            timings=[
                TimingOut(
                    kind=row.kind,
                    code=row.code,
                    label=row.label,
                    setting=row.setting,
                    minutes=row.minutes,
                    source=row.source,
                    local_estimate=row.local_estimate,
                )
                for row in version.timings.order_by("position")
            ],
        ),
    )
