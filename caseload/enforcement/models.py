"""Enforcement facts: decisions taken later on a failure, breaches and recall considerations.

Each is recorded once, with its history. What the rules derive from them (the steps due, the
recall type, the recall and re-release dates) is computed when read (`caseload.enforcement.
domain`), never stored.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.core.models import Versioned
from caseload.enforcement.domain import BREACH_OUTCOMES, RECALL_DECISIONS, RECALL_TYPES, RECALL_WHY

BREACH_OUTCOME_CHOICES = list(BREACH_OUTCOMES.items())
RECALL_WHY_CHOICES = list(RECALL_WHY.items())
RECALL_TYPE_CHOICES = list(RECALL_TYPES.items())
RECALL_DECISION_CHOICES = list(RECALL_DECISIONS.items())


class FailureDecision(models.Model):
    """The decision on a failure first recorded as "Decision pending", taken later. The failure's
    contact carries the decision in force (its `enforcement_action`, with history); this row says
    when it was taken, by whom and why, so the rules as at an earlier day read the one before."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="failure_decisions"
    )
    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.CASCADE, related_name="later_decisions"
    )
    previous_action = models.CharField(max_length=4)
    action = models.CharField(max_length=4)
    decided_on = models.DateField()
    reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_on", "id"]

    def __str__(self) -> str:
        return f"Decision {self.action} on {self.decided_on}"


class Breach(Versioned):
    """A breach of a community order, SSO or PSS, started by a failure: the breach pack sent to
    court, then the court's outcome (Delius's breach-end codes)."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="breaches")
    sentence = models.ForeignKey(
        "people.Sentence", on_delete=models.CASCADE, related_name="breaches"
    )
    started_by = models.OneToOneField(
        "contacts.Contact", on_delete=models.RESTRICT, related_name="breach"
    )
    started_on = models.DateField(help_text="The day of the failure that started it")
    pack_sent_on = models.DateField("Breach pack sent to court on", null=True, blank=True)
    outcome = models.CharField(max_length=4, choices=BREACH_OUTCOME_CHOICES, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "id"]
        verbose_name_plural = "breaches"

    def __str__(self) -> str:
        return f"Breach started on {self.started_on}"


class RecallConsideration(Versioned):
    """ "Consider a recall" on a licence (make-recall-decision-api's recommendation): why, the
    recommendation, whether it is an emergency; then a manager's decision, countersigned by a
    different manager, and Part A sent to the Public Protection Casework Section."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="recall_considerations"
    )
    sentence = models.ForeignKey(
        "people.Sentence", on_delete=models.CASCADE, related_name="recall_considerations"
    )
    considered_on = models.DateField()
    why = models.CharField(max_length=40, choices=RECALL_WHY_CHOICES)
    recommended_type = models.CharField(max_length=10, choices=RECALL_TYPE_CHOICES)
    emergency = models.BooleanField(default=False)
    fresh_charge = models.BooleanField(
        default=False, help_text="Recalled on a fresh charge: excluded from fixed-term recall"
    )
    notes = models.TextField(blank=True)
    considered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    decision = models.CharField(max_length=10, choices=RECALL_DECISION_CHOICES, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decision_notes = models.TextField(blank=True)
    countersigned_at = models.DateTimeField(null=True, blank=True)
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    part_a_sent_at = models.DateTimeField("Part A sent at", null=True, blank=True)
    part_a_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["considered_on", "id"]

    def __str__(self) -> str:
        return f"Recall considered on {self.considered_on}"
