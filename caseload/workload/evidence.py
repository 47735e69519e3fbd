"""The evidence report read from the record: for each contact type, report type and timed
essential (sentence plan, risk management plan) in the workload agreement, the minutes agreed
against the minutes practitioners recorded (`actual_minutes` on each record).

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
from caseload.plans.models import RiskManagementPlan, SentencePlan
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


def _timed(agreement: Agreement, kind: TaskKind) -> list[tuple[str, str, int]]:
    """Each task of one kind in the agreement, with its label and agreed minutes (recording and
    travel included for a contact: what a practitioner's "minutes actually spent" covers)."""
    return [
        (task.code, timing.label, agreed_minutes(agreement, task))
        for task, timing in agreement.timings.items()
        if task.kind is kind
    ]


#: The essential work recorded by a task that takes the minutes it took, by the essential's kind.
ESSENTIAL_RECORDS: dict[str, type[SentencePlan] | type[RiskManagementPlan]] = {
    "initial_sentence_plan": SentencePlan,
    "risk_management_plan": RiskManagementPlan,
}


def _held_in(units: QuerySet[DeliveryUnit], day: date) -> QuerySet[Person]:
    """The people whose cases the units held on `day`: a task's minutes count where the case
    was held (who wrote a report or a plan is its case holder)."""
    held = Allocation.objects.active_on(day).filter(
        person=OuterRef("pk"), team__delivery_unit__in=units
    )
    return Person.objects.filter(Exists(held))


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
    held = _held_in(units, period_to)
    completed = {
        "actual_minutes__isnull": False,
        "completed_on__gte": period_from,
        "completed_on__lte": period_to,
        "person__in": held,
    }
    for kind, minutes in Report.objects.filter(**completed).values_list("kind", "actual_minutes"):
        actuals[kind].append(minutes)
    for essential, record in ESSENTIAL_RECORDS.items():
        actuals[essential] += record.objects.filter(**completed).values_list(
            "actual_minutes", flat=True
        )
    # A report's minutes count in the unit holding the case on the period's last day (who
    # wrote it is not recorded: whoever holds the case does); only some essentials are timed.
    essentials = [t for t in _timed(agreement, TaskKind.ESSENTIAL) if t[0] in ESSENTIAL_RECORDS]
    tasks = evidence(
        _timed(agreement, TaskKind.CONTACT) + _timed(agreement, TaskKind.REPORT) + essentials,
        actuals,
    )
    return EvidenceReport(tuple(units), period_from, period_to, agreement, tasks)
