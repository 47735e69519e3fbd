"""The sentence plan, the risk management plan and management oversight: each recorded once,
with its history. None is changed after it is written: a new plan is recorded instead."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.organisation.models import Staff
from caseload.people.models import Person
from caseload.plans.constants import CONTACT_FREQUENCY_CHOICES


class SentencePlan(models.Model):
    """A sentence plan completed with the person, and the contact frequency agreed in it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sentence_plans")
    completed_on = models.DateField("Date completed")
    contact_every_days = models.PositiveSmallIntegerField(
        "Agreed contact frequency", choices=CONTACT_FREQUENCY_CHOICES
    )
    notes = models.TextField(blank=True)
    actual_minutes = models.PositiveSmallIntegerField(
        "Minutes actually spent", null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on", "-id"]
        indexes = [models.Index(fields=["person", "completed_on"], name="sentence_plan_person_day")]

    def __str__(self) -> str:
        return f"Sentence plan completed on {self.completed_on}"


class RiskManagementPlan(models.Model):
    """A risk management plan, needed where the risk of serious harm is medium or above."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="risk_management_plans"
    )
    completed_on = models.DateField("Date completed")
    notes = models.TextField(blank=True)
    actual_minutes = models.PositiveSmallIntegerField(
        "Minutes actually spent", null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on", "-id"]
        indexes = [models.Index(fields=["person", "completed_on"], name="rmp_person_day")]

    def __str__(self) -> str:
        return f"Risk management plan completed on {self.completed_on}"


class ManagementOversight(models.Model):
    """A manager's review of the case: what they reviewed and what they decided. `staff` is the
    manager who recorded it (the acting user), so the entry names them."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="management_oversight"
    )
    recorded_on = models.DateField("Date of oversight")
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField("What was reviewed and decided")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_on", "-id"]
        verbose_name_plural = "management oversight"
        indexes = [models.Index(fields=["person", "recorded_on"], name="oversight_person_day")]

    def __str__(self) -> str:
        return f"Management oversight on {self.recorded_on}"
