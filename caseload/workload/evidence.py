"""The evidence report read from the record: for each contact type and report type in the
workload agreement, the minutes agreed against the minutes practitioners recorded
(`Contact.actual_minutes`, `Report.actual_minutes`).

Anonymised: only the contact type and the minutes are read, never who, for whom or when beyond
the period. The contacts counted are those recorded by staff of the delivery units the reader's
scope reaches (`units_in_scope`), limited-access cases included, as aggregates count them.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet

from caseload.access.capabilities import acting_staff
from caseload.contacts.models import Contact
from caseload.organisation.models import Allocation, DeliveryUnit
from caseload.people.models import Person
from caseload.reports.models import Report
from caseload.workload.domain.agreement import Agreement, TaskKind, agreed_minutes
from caseload.workload.domain.evidence import TaskEvidence, evidence
from caseload.workload.weightings import agreement_in_force

UK = ZoneInfo("Europe/London")
#: The period shown when none is chosen: the last 12 weeks.
DEFAULT_WEEKS = 12


def units_in_scope(user: Any) -> QuerySet[DeliveryUnit]:
    """The delivery units whose anonymised figures a user may read: their own, or their region's
    or every unit as `CASE_VISIBILITY` widens case visibility. None for a user in no team."""
    staff = acting_staff(user)
    if staff is None or staff.team is None:
        return DeliveryUnit.objects.none()
    unit = staff.team.delivery_unit
    scope = settings.CASE_VISIBILITY
    if scope == "nation":
        return DeliveryUnit.objects.all()
    if scope == "region":
        return DeliveryUnit.objects.filter(region_id=unit.region_id)
    return DeliveryUnit.objects.filter(pk=unit.pk)


@dataclass(frozen=True)
class EvidenceReport:
    units: tuple[DeliveryUnit, ...]
    period_from: date
    period_to: date
    agreement: Agreement
    tasks: tuple[TaskEvidence, ...]

    @property
    def recorded(self) -> int:
        return sum(t.spread.count for t in self.tasks if t.spread is not None)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UK)


def contact_tasks(agreement: Agreement) -> list[tuple[str, str, int]]:
    """Each contact type of the agreement with its agreed minutes, recording and travel
    included (what a practitioner's "minutes actually spent" covers)."""
    return [
        (task.code, timing.label, agreed_minutes(agreement, task))
        for task, timing in agreement.timings.items()
        if task.kind is TaskKind.CONTACT
    ]


def report_tasks(agreement: Agreement) -> list[tuple[str, str, int]]:
    """Each report type of the agreement with its agreed minutes. A report's actual minutes are
    counted in the delivery unit holding the case on the period's last day (who wrote it is not
    recorded: whoever holds the case does)."""
    return [
        (task.code, timing.label, agreed_minutes(agreement, task))
        for task, timing in agreement.timings.items()
        if task.kind is TaskKind.REPORT
    ]


def evidence_report(
    units: QuerySet[DeliveryUnit], period_from: date, period_to: date
) -> EvidenceReport:
    """The report for the contacts of `units` that happened from one day to another (UK days,
    both included), against the agreement in force on the last day."""
    agreement = agreement_in_force(period_to)
    rows = Contact.objects.filter(
        actual_minutes__isnull=False,
        staff__team__delivery_unit__in=units,
        happened_at__gte=_midnight(period_from),
        happened_at__lt=_midnight(period_to + timedelta(days=1)),
    ).values_list("contact_type", "actual_minutes")
    actuals: dict[str, list[int]] = defaultdict(list)
    for code, minutes in rows:
        actuals[code].append(minutes)
    reports = Report.objects.filter(
        actual_minutes__isnull=False,
        completed_on__gte=period_from,
        completed_on__lte=period_to,
        person__in=Person.objects.filter(
            Exists(
                Allocation.objects.active_on(period_to).filter(
                    person=OuterRef("pk"), team__delivery_unit__in=units
                )
            )
        ),
    ).values_list("kind", "actual_minutes")
    for kind, minutes in reports:
        actuals[kind].append(minutes)
    tasks = evidence(contact_tasks(agreement) + report_tasks(agreement), actuals)
    return EvidenceReport(tuple(units), period_from, period_to, agreement, tasks)
