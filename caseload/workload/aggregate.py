"""The staff representative's aggregate read from the record: for each delivery unit in the
reader's scope, capacity bands by grade, this week's work that did not fit, and vacancies
against the establishment. Anonymised and suppressed by `domain/aggregate.py`; nothing here
names a practitioner or a case.

Every case a practitioner holds counts, limited access or not (`counted_workloads`): the
figures are about the practitioners' load, and the reader sees no case.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet

from caseload.organisation.constants import Grade, Role
from caseload.organisation.models import DeliveryUnit, Staff
from caseload.workload.domain.aggregate import (
    CapacityRow,
    NotFitting,
    Vacancies,
    capacity_row,
    not_fitting,
)
from caseload.workload.evidence import units_in_scope
from caseload.workload.models import EstablishmentPosts
from caseload.workload.practitioners import counted_workloads

#: The grades an establishment counts posts in.
ESTABLISHMENT_GRADES = (Grade.PO, Grade.TRAINEE, Grade.PSO, Grade.SPO)
#: The grades that hold cases, for the capacity table.
CASE_HOLDING_GRADES = (Grade.PO, Grade.TRAINEE, Grade.PSO)


@dataclass(frozen=True)
class UnitAggregate:
    unit: DeliveryUnit
    capacity: tuple[CapacityRow, ...]
    not_fitting: NotFitting
    vacancies: tuple[Vacancies, ...]

    @property
    def vacant(self) -> int:
        return sum(v.vacant for v in self.vacancies)

    @property
    def posts(self) -> int:
        return sum(v.posts for v in self.vacancies)


def _in_post(units: QuerySet[DeliveryUnit]) -> dict[tuple[int, str], int]:
    """Active staff by (delivery unit, grade)."""
    found: dict[tuple[int, str], int] = defaultdict(int)
    rows = Staff.objects.filter(
        team__delivery_unit__in=units, user__is_active=True, grade__in=ESTABLISHMENT_GRADES
    ).values_list("team__delivery_unit_id", "grade")
    for unit_id, grade in rows:
        found[(unit_id, grade)] += 1
    return found


def _posts(units: QuerySet[DeliveryUnit], today: date) -> dict[tuple[int, str], int]:
    """Posts in force today by (delivery unit, grade): each team's latest figure, summed."""
    found: dict[tuple[int, str], int] = defaultdict(int)
    in_force = EstablishmentPosts.objects.filter(team__delivery_unit__in=units).select_related(
        "team"
    )
    for (_, grade), row in in_force.in_force(today).items():
        found[(row.team.delivery_unit_id, grade)] += row.posts
    return found


def aggregate_for(user: Any, today: date) -> list[UnitAggregate]:
    units = units_in_scope(user).order_by("name")
    practitioners = list(
        Staff.objects.filter(
            team__delivery_unit__in=units,
            role=Role.PRACTITIONER,
            user__is_active=True,
            grade__in=CASE_HOLDING_GRADES,
        ).select_related("user", "team")
    )
    found = counted_workloads(practitioners, today)
    percents: dict[tuple[int, str], list[Any]] = defaultdict(list)
    minutes: dict[int, list[int]] = defaultdict(list)
    for workload in found:
        unit_id = workload.staff.team.delivery_unit_id
        percents[(unit_id, workload.staff.grade)].append(workload.points.capacity_percent)
        minutes[unit_id].append(workload.this_week.does_not_fit_minutes)
    in_post, posts = _in_post(units), _posts(units, today)
    return [
        UnitAggregate(
            unit=unit,
            capacity=tuple(
                capacity_row(str(grade.label), percents.get((unit.pk, grade.value), []))
                for grade in CASE_HOLDING_GRADES
            ),
            not_fitting=not_fitting(minutes.get(unit.pk, [])),
            vacancies=tuple(
                Vacancies(
                    str(grade.label),
                    posts.get((unit.pk, grade.value), 0),
                    in_post.get((unit.pk, grade.value), 0),
                )
                for grade in ESTABLISHMENT_GRADES
            ),
        )
        for unit in units
    ]
