"""Who and what a return covers, for one user and one set of filters.

- `held`: the allocations in force at the end of the "as at" day for the cases in the user's
  scope (`countable_allocations`: limited access or not), narrowed by the
  region, delivery unit, team and practitioner filters. A case is counted where it was held
  that day.
- `counted`: those people, limited access or not. Aggregates (counts, rates, summaries) read
  this and never show who is in it.
- `listed`: those of them the user may see today (`visible_among`, `visible_cases`'s rules).
  Rows that name people read this, so a limited-access case is counted but never listed.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from caseload.access.cases import countable_allocations, visible_among
from caseload.core.errors import ActionInvalid, FieldProblem
from caseload.organisation.models import Allocation, DeliveryUnit, Region, Staff, Team
from caseload.people.models import Person
from caseload.returns.domain.filters import ReturnFilters, filter_problems


class ReturnFilterError(ActionInvalid):
    """Every filter that is wrong; nothing is read. The filters are query parameters."""

    def as_json(self) -> dict[str, object]:
        return {
            "detail": [
                {"loc": ["query", p.field], "type": p.rule, "msg": p.message} for p in self.problems
            ]
        }


@dataclass(frozen=True)
class Units:
    """The organisation a user may choose from, for the filters."""

    regions: QuerySet[Region]
    delivery_units: QuerySet[DeliveryUnit]
    teams: QuerySet[Team]
    practitioners: QuerySet[Staff]


def units_for(user: Any, day: date) -> Units:
    held = countable_allocations(user, day)
    teams = Team.objects.filter(pk__in=held.values("team_id")).order_by("name")
    units = DeliveryUnit.objects.filter(teams__in=teams).distinct().order_by("name")
    return Units(
        regions=Region.objects.filter(delivery_units__in=units).distinct().order_by("name"),
        delivery_units=units,
        teams=teams.select_related("delivery_unit"),
        practitioners=Staff.objects.filter(pk__in=held.values("staff_id"))
        .select_related("user")
        .order_by("user__last_name", "user__first_name"),
    )


@dataclass(frozen=True)
class ReturnScope:
    user: Any
    filters: ReturnFilters
    today: date
    held: QuerySet[Allocation]

    @property
    def as_at(self) -> date:
        return self.filters.as_at

    @property
    def period_from(self) -> date:
        return self.filters.period_start

    @property
    def counted(self) -> QuerySet[Person]:
        return Person.objects.filter(pk__in=self.held.values("person_id"))

    @property
    def listed_held(self) -> QuerySet[Allocation]:
        """The held allocations of the cases the user may see: rows that name people."""
        return visible_among(self.user, self.held)

    @property
    def listed(self) -> QuerySet[Person]:
        return Person.objects.filter(pk__in=self.listed_held.values("person_id"))


def _narrowed(
    held: QuerySet[Allocation], filters: ReturnFilters, user: Any, day: date
) -> QuerySet[Allocation]:
    problems: list[FieldProblem] = []
    units = units_for(user, day)
    chosen = (
        ("region", filters.region, units.regions, "code", "team__delivery_unit__region"),
        (
            "delivery_unit",
            filters.delivery_unit,
            units.delivery_units,
            "code",
            "team__delivery_unit",
        ),
        ("team", filters.team, units.teams, "code", "team"),
    )
    for name, code, options, key, through in chosen:
        if not code:
            continue
        found = options.filter(**{key: code}).first()
        if found is None:
            words = name.replace("_", " ")
            problems.append(
                FieldProblem(name, "not_in_scope", f"There is no {words} '{code}' in your scope")
            )
        else:
            held = held.filter(**{through: found})
    if filters.practitioner:
        user_model = get_user_model()
        staff = units.practitioners.filter(
            user__in=user_model.objects.filter(username=filters.practitioner)
        ).first()
        if staff is None:
            problems.append(
                FieldProblem(
                    "practitioner",
                    "not_in_scope",
                    f"No one called '{filters.practitioner}' held cases in your scope that day",
                )
            )
        else:
            held = held.filter(staff=staff)
    if problems:
        raise ReturnFilterError(problems)
    return held


def scope_for(user: Any, filters: ReturnFilters, today: date | None = None) -> ReturnScope:
    """The scope, or ReturnFilterError naming each filter that is wrong."""
    today = today or timezone.localdate()
    problems = filter_problems(filters, today)
    if problems:
        raise ReturnFilterError(problems)
    day = filters.as_at
    held = countable_allocations(user, day)
    return ReturnScope(
        user=user, filters=filters, today=today, held=_narrowed(held, filters, user, day)
    )
