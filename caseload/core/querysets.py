"""Date-aware querysets: `active_on(day)` asks what was in force on a day, in SQL.

The same rule as the pure `caseload.core.dates.in_force`: start on or before the day, and no end
date or an end date after it. A model's queryset names its period's two fields.
"""

from datetime import date
from typing import Any, ClassVar, TypeVar

from django.db import models
from django.utils import timezone

M = TypeVar("M", bound=models.Model)


class PeriodQuerySet(models.QuerySet[M]):
    #: (start field, end field) of the model's period; the end is exclusive and may be null.
    period_fields: ClassVar[tuple[str, str]] = ("start_date", "end_date")

    def active_on(self, day: date | None = None) -> "PeriodQuerySet[M]":
        return self.filter(in_force_on(self.period_fields, day))

    def current(self) -> "PeriodQuerySet[M]":
        """In force today."""
        return self.active_on(None)


def in_force_on(period_fields: tuple[str, str], day: date | None, prefix: str = "") -> Any:
    """A Q for "in force on `day`" (today when None), for a period reached through `prefix`."""
    start, end = (f"{prefix}{name}" for name in period_fields)
    day = day or timezone.localdate()
    return models.Q(**{f"{start}__lte": day}) & (
        models.Q(**{f"{end}__isnull": True}) | models.Q(**{f"{end}__gt": day})
    )
