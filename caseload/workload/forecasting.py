"""The forecast's demand and staff read from the record: today's workloads of a delivery
unit's practitioners (`practitioners.workloads`, the cases the asking user may see) as the pure
`domain.forecast` takes them."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from caseload.organisation.constants import Grade, Role
from caseload.organisation.models import DeliveryUnit, Staff
from caseload.workload.domain import grades
from caseload.workload.domain.forecast import CaseDemand, GradeSupply, TaskDemand
from caseload.workload.practitioners import nominal_target, workloads
from caseload.workload.weightings import SERVICE_GRADE, Weightings, weightings_in_force

#: Always listed, even when no one of the grade is in post: the grades that hold cases.
ALWAYS = (Grade.PO, Grade.PSO)


@dataclass(frozen=True)
class Demand:
    unit: DeliveryUnit
    practitioners: int
    cases: tuple[CaseDemand, ...]
    tasks: tuple[TaskDemand, ...]
    supply: tuple[GradeSupply, ...]


def full_time_hours(grade: str, weightings: Weightings) -> Decimal:
    hours = weightings.grades
    return grades.default_hours_for_grade(
        SERVICE_GRADE.get(grade, grades.DMY),
        po_hours=hours[grades.PO].default_contracted_hours,
        pso_hours=hours[grades.PSO].default_contracted_hours,
        spo_hours=hours[grades.SPO].default_contracted_hours,
    )


def demand_in(unit: DeliveryUnit, user: Any, today: date) -> Demand:
    """Every case held by the unit's practitioners that `user` may see, and this week's work."""
    staff = list(
        Staff.objects.filter(team__delivery_unit=unit, role=Role.PRACTITIONER)
        .select_related("user", "team")
        .order_by("pk")
    )
    found = workloads(staff, user, today)
    case_type = {case.crn: case.case_type for w in found for case in w.points.cases}
    cases = tuple(
        CaseDemand(w.staff.grade, case.case_type, case.points)
        for w in found
        for case in w.points.cases
    ) + tuple(
        # The reports being written: points of no case type, so no change in people scales them.
        CaseDemand(w.staff.grade, None, w.points.report_points)
        for w in found
        if w.points.report_points
    )
    tasks = tuple(
        TaskDemand(w.staff.grade, case_type.get(line.task.crn), line.task.code, line.task.minutes)
        for w in found
        for line in w.this_week.lines
    )
    weightings = weightings_in_force(today)
    listed = [g for g in Grade.values if g in ALWAYS or any(s.grade == g for s in staff)]
    supply = []
    for grade in listed:
        full_time = full_time_hours(grade, weightings)
        contracted = sum(
            (Decimal(s.contracted_hours) for s in staff if s.grade == grade), Decimal(0)
        )
        supply.append(
            GradeSupply(
                grade,
                nominal_target(grade, weightings),
                full_time,
                contracted / full_time if full_time else Decimal(0),
            )
        )
    return Demand(unit, len(staff), cases, tasks, tuple(supply))
