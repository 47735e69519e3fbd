"""Reports requested of the practitioner: each requested once and completed once, with its
history."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.core.models import Versioned
from caseload.people.models import Person
from caseload.reports.constants import ReportKind


class ReportQuerySet(models.QuerySet["Report"]):
    def outstanding(self) -> "ReportQuerySet":
        return self.filter(completed_on__isnull=True)


class Report(Versioned):
    """A report requested about the person. Who writes it is not stored: it is the work of
    whoever holds the case (a reallocated case takes its reports with it). Versioned:
    completing it changes it, so a completion is refused if the report is not the version the
    user saw."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(max_length=12, choices=ReportKind.choices)
    requested_on = models.DateField("Date requested")
    due_on = models.DateField("Needed by")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    completed_on = models.DateField("Date completed", null=True, blank=True)
    actual_minutes = models.PositiveIntegerField("Minutes actually spent", null=True, blank=True)
    history = HistoricalRecords()

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["person", "due_on"], name="report_person_due"),
            models.Index(fields=["due_on"], name="report_due"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} needed by {self.due_on}"
