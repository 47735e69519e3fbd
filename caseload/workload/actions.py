"""The writes of the workload part: a new version of a reference-data table, and a
practitioner's note on their week.

Each is one transaction: the new version and a copy of every row of the version in force with
the values entered, then the audit entry. A version is never changed once added.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from caseload.access.audit import record_audit
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.organisation.models import Staff, Team
from caseload.workload.aggregate import ESTABLISHMENT_GRADES
from caseload.workload.domain.reductions import default_effective_to
from caseload.workload.models import (
    AgreedTiming,
    AgreementVersion,
    EstablishmentPosts,
    Reduction,
    WeekNote,
    WeightingVersion,
)
from caseload.workload.tables import AGREEMENT_TIMINGS, TableSpec, shown
from caseload.workload.weightings import weightings_in_force


def changes(spec: TableSpec, before: list[Any], values: list[dict[str, Any]]) -> list[str]:
    """Each value that differs from the version it was copied from, in words."""
    found = []
    for row, entered in zip(before, values, strict=True):
        for column in spec.columns:
            old, new = getattr(row, column.name), entered[column.name]
            if old != new:
                found.append(
                    f"{column.label} for {spec.row_label(row)}: "
                    f"{shown(old, column.kind)} to {shown(new, column.kind)}"
                )
    return found


def add_weighting_version(
    spec: TableSpec,
    *,
    acting_user: Any,
    effective_from: date,
    note: str,
    before: list[Any],
    values: list[dict[str, Any]],
) -> WeightingVersion:
    changed = changes(spec, before, values)
    with transaction.atomic():
        version = WeightingVersion.objects.create(
            table=spec.table, effective_from=effective_from, author=acting_user, note=note
        )
        for row, entered in zip(before, values, strict=True):
            copied = {name: getattr(row, name) for name in spec.identity}
            spec.model._default_manager.create(version=version, **copied, **entered)
        record_audit(
            acting_user,
            "ADD_WORKLOAD_WEIGHTINGS",
            detail={
                "table": spec.slug,
                "effective_from": effective_from.isoformat(),
                "changes": changed,
            },
        )
    return version


def add_agreement_version(
    *,
    acting_user: Any,
    effective_from: date,
    note: str,
    responsive_share_percent: Decimal,
    copied_from: AgreementVersion,
    before: list[AgreedTiming],
    values: list[dict[str, Any]],
) -> AgreementVersion:
    changed = changes(AGREEMENT_TIMINGS, before, values)
    if responsive_share_percent != copied_from.responsive_share_percent:
        changed.insert(
            0,
            f"Share for responsive work: {shown(copied_from.responsive_share_percent, 'percent')}"
            f" to {shown(responsive_share_percent, 'percent')}",
        )
    share_changed = responsive_share_percent != copied_from.responsive_share_percent
    with transaction.atomic():
        version = AgreementVersion.objects.create(
            effective_from=effective_from,
            author=acting_user,
            note=note,
            responsive_share_percent=responsive_share_percent,
            responsive_share_source=(
                "Local estimate" if share_changed else copied_from.responsive_share_source
            ),
            responsive_share_local_estimate=(
                True if share_changed else copied_from.responsive_share_local_estimate
            ),
        )
        for row, entered in zip(before, values, strict=True):
            copied = {name: getattr(row, name) for name in AGREEMENT_TIMINGS.identity}
            if entered["minutes"] != row.minutes:
                copied.update(source="Local estimate", local_estimate=True)
            AgreedTiming.objects.create(version=version, **copied, **entered)
        record_audit(
            acting_user,
            "ADD_WORKLOAD_AGREEMENT",
            detail={"effective_from": effective_from.isoformat(), "changes": changed},
        )
    return version


def add_week_note(*, acting_user: Any, staff: Staff, week_starting: date, text: str) -> WeekNote:
    """A practitioner's own note on their week's list (nobody writes another's)."""
    with transaction.atomic():
        note = WeekNote.objects.create(
            staff=staff, week_starting=week_starting, text=text, written_by=acting_user
        )
        record_audit(
            acting_user,
            "ADD_WORKLOAD_NOTE",
            detail={"week_starting": week_starting.isoformat(), "characters": len(text)},
        )
    return note


class UnknownReason(ValueError):
    """The reason is not among the reduction reasons in force (or is disabled)."""


def record_reduction(
    *,
    acting_user: Any,
    staff: Staff,
    hours: Decimal,
    reason: str,
    effective_from: date,
    effective_to: date | None,
) -> Reduction:
    """A reduction for a practitioner; with no end date, its reason's expiry gives one. The
    reason is one of those in force today (the ones a form offers)."""
    reasons = {r.name: r for r in weightings_in_force(timezone.localdate()).reduction_reasons}
    found = reasons.get(reason)
    if found is None or not found.enabled:
        raise UnknownReason(reason)
    end = effective_to or default_effective_to(found, effective_from)
    with transaction.atomic():
        reduction = Reduction.objects.create(
            staff=staff,
            hours=hours,
            reason=reason,
            effective_from=effective_from,
            effective_to=end,
            recorded_by=acting_user,
        )
        record_audit(
            acting_user,
            "RECORD_WORKLOAD_REDUCTION",
            detail={
                "practitioner": staff.user.get_username(),
                "hours": str(hours),
                "reason": reason,
                "effective_from": effective_from.isoformat(),
                "effective_to": end.isoformat() if end else None,
            },
        )
    return reduction


#: The most posts of one grade one team may be given.
MOST_POSTS = 200


def record_establishment(
    *, acting_user: Any, team: Team, grade: str, posts: int, effective_from: date
) -> EstablishmentPosts:
    """A new figure for a team's posts of a grade from a day, today or later (never back-dated,
    so a vacancy once shown never changes); earlier figures stay as its history."""
    problems = []
    if grade not in {g.value for g in ESTABLISHMENT_GRADES}:
        problems.append(FieldProblem("grade", "unknown_code", "Select a grade from the list"))
    if not 0 <= posts <= MOST_POSTS:
        message = f"Posts must be between 0 and {MOST_POSTS}"
        problems.append(FieldProblem("posts", "out_of_range", message))
    if effective_from < timezone.localdate():
        problems.append(
            FieldProblem("effective_from", "past", "From must be today or in the future")
        )
    if problems:
        raise ActionInvalid(problems)
    with transaction.atomic():
        row = EstablishmentPosts.objects.create(
            team=team,
            grade=grade,
            posts=posts,
            effective_from=effective_from,
            recorded_by=acting_user,
        )
        record_audit(
            acting_user,
            "RECORD_ESTABLISHMENT",
            detail={
                "team": team.code,
                "grade": grade,
                "posts": posts,
                "effective_from": effective_from.isoformat(),
            },
        )
    return row
