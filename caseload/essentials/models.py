"""The essentials cache (derived, written only by the `essentials` step) and the overrides
practitioners record on it (facts: a snooze or a "not applicable", each with its reason)."""

from datetime import date

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.core.models import Versioned
from caseload.essentials.domain.essential import STATE_LABELS, State

STORED_STATES = (State.DUE, State.DONE, State.NOT_REQUIRED)


class EssentialDue(models.Model):
    """One essential on one case as the engine derived it. Never edited by hand: the step
    `essentials` rewrites a case's rows in the transaction of every action on the case.

    OVERDUE and SNOOZED are not stored: they are decided when read (`reading.py`), from
    `due_on` and the overrides in force, so the cache is never out of date about them."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="essentials_due"
    )
    kind = models.CharField(max_length=40)
    subject = models.CharField(max_length=60, blank=True)
    state = models.CharField(
        max_length=12, choices=[(s.value, STATE_LABELS[s]) for s in STORED_STATES]
    )
    due_on = models.DateField(null=True, blank=True)
    reason = models.TextField()
    done_on = models.DateField(null=True, blank=True)
    #: The day the facts were read as at when the row's values were last written.
    facts_as_at = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "subject"], name="one_essential_per_kind_and_subject"
            )
        ]
        indexes = [
            models.Index(fields=["state", "due_on"], name="essential_state_due"),
            # A case's rows of one kind by state and due date: the returns ask "was one of
            # this kind due by the day and not done?" per case, and without it SQLite answers
            # from `essential_state_due`, reading every case's due rows for each case.
            models.Index(
                fields=["person", "kind", "state", "due_on"], name="essential_person_kind_state"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject} {self.state} {self.due_on}".strip()


class OverrideKind(models.TextChoices):
    SNOOZE = "SNOOZE", "Snoozed"
    NOT_APPLICABLE = "NOT_APPLICABLE", "Not applicable"


class OverrideQuerySet(models.QuerySet["EssentialOverride"]):
    def in_force(self, day: date) -> "OverrideQuerySet":
        """Not ended, and `until` not passed: an override runs to the end of its `until` day.
        It expires by date as it is read; no job ends it."""
        return self.filter(ended_at__isnull=True, until__gte=day)


class EssentialOverride(Versioned):
    """A practitioner's decision to snooze an essential or mark it not applicable, with the
    reason and the day it ends (a snooze at most 28 days, not applicable at most 6 months)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="essential_overrides"
    )
    kind = models.CharField(max_length=40)
    subject = models.CharField(max_length=60, blank=True)
    override = models.CharField(max_length=14, choices=OverrideKind.choices)
    reason = models.TextField()
    until = models.DateField(help_text="The last day it is in force")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    history = HistoricalRecords()

    objects = OverrideQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["person", "kind", "subject"], name="override_essential")]

    def __str__(self) -> str:
        return f"{self.get_override_display()} {self.kind} {self.subject} until {self.until}"
