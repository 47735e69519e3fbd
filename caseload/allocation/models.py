"""The one fact allocation adds: that a practitioner is, or will be, away (off sick, on leave)
or leaving, so their cases are to be reallocated. Recorded by a manager, with history."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.core.querysets import PeriodQuerySet


class AbsenceKind(models.TextChoices):
    SICKNESS = "SICKNESS", "Off sick"
    LEAVE = "LEAVE", "On leave"
    LEAVING = "LEAVING", "Leaving"


class Absence(models.Model):
    """A practitioner away from `start_date` until `end_date` (exclusive; none: not known, or
    for good when leaving). While it is in force, or before it starts, their cases are listed
    for reallocation."""

    staff = models.ForeignKey(
        "organisation.Staff", on_delete=models.PROTECT, related_name="absences"
    )
    kind = models.CharField(max_length=8, choices=AbsenceKind.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "pk"]

    def __str__(self) -> str:
        return f"{self.staff}: {self.get_kind_display()} from {self.start_date}"
