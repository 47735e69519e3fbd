"""Risk facts (registrations, reviews, structured assessments) and the predictor-score cache."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.core.models import Versioned
from caseload.core.querysets import PeriodQuerySet
from caseload.risk.constants import REGISTER_CHOICES
from caseload.risk.domain import (
    RISK_TOOLS,
    ROSH_AUDIENCES,
    ROSH_LEVEL_LABELS,
    ROSH_SOURCES,
    highest_rosh,
)


class RegistrationQuerySet(PeriodQuerySet["Registration"]):
    period_fields = ("registered_on", "deregistered_on")


class Registration(Versioned):
    """A flag on a named register (Delius code), from registration until de-registration.

    Versioned: ending or reviewing it is an edit, refused if made from an older version."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="registrations"
    )
    register = models.CharField(max_length=8, choices=REGISTER_CHOICES)
    category = models.CharField(max_length=4, blank=True, help_text="MAPPA: M1-M4")
    level = models.CharField(max_length=4, blank=True, help_text="MAPPA: M1-M3")
    registered_on = models.DateField()
    deregistered_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    end_reason = models.TextField(blank=True, help_text="Why it was ended, given when it was")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["-registered_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_register_display()} from {self.registered_on}"


class RegistrationReview(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    notes = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_on"]

    def __str__(self) -> str:
        return f"Review of {self.registration_id} on {self.reviewed_on}"


class Assessment(models.Model):
    """A short structured assessment: the dynamic answers the predictors and tiers need.

    `answers` maps question keys (caseload.risk.assessment.QUESTIONS) to answer codes; the
    questions and their allowed answers are validated by the pure domain before saving.
    """

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="assessments"
    )
    completed_on = models.DateField()
    answers = models.JSONField(default=dict)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on", "-id"]

    def __str__(self) -> str:
        return f"Assessment of {self.person_id} on {self.completed_on}"


class ToolAssessment(models.Model):
    """An ARMS or a SARA completed on the case: which tool and the day. The judgements are the
    tool's own record (ARMS is police-led, on ViSOR); caseload holds that one was done, so the
    ARMS and SARA return can say whether one is current."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="tool_assessments"
    )
    tool = models.CharField(max_length=4, choices=list(RISK_TOOLS.items()))
    completed_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.tool} of {self.person_id} on {self.completed_on}"


class PredictorScore(models.Model):
    """Cache of one predictor's current result for one person. Written only by the refresh step.

    Never typed in and never the only copy of anything: `caseload recompute` rebuilds it from facts.
    It holds the values, not their explanation: the terms a score was made of are computed from
    the person's facts when they are shown (`caseload.risk.reading.case_score_terms`), which keeps
    the cache smaller than the facts it derives from.
    """

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="predictor_scores"
    )
    predictor = models.CharField(max_length=8)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    one_year = models.PositiveSmallIntegerField(null=True)
    two_year = models.PositiveSmallIntegerField(null=True)
    points = models.PositiveSmallIntegerField(null=True)
    band = models.CharField(max_length=14, blank=True)
    score_type = models.CharField(max_length=8, blank=True)
    missing = models.JSONField(default=list, help_text="Facts to record before it can be scored")
    errors = models.JSONField(default=list)
    facts_as_at = models.DateField()

    class Meta:
        ordering = ["person", "predictor"]
        constraints = [
            models.UniqueConstraint(fields=["person", "predictor"], name="one_score_per_predictor")
        ]

    def __str__(self) -> str:
        return f"{self.predictor} for {self.person_id}: {self.score} {self.band}"

    computed_for_export_columns = ("terms",)

    @staticmethod
    def computed_for_export(scores: list["PredictorScore"]) -> dict[str, dict[int, object]]:
        """What the subject-access export shows beside the stored values: each score's terms
        ([name, value, weight]), computed from the facts as the risk section computes them."""
        from caseload.risk.reading import score_terms  # it reads these models

        terms = score_terms(sorted({s.person_id for s in scores}))
        return {
            "terms": {
                s.pk: [list(t) for t in terms[s.person_id].get(s.predictor, ())] for s in scores
            }
        }


ROSH_LEVEL_CHOICES = [(code, label) for code, label in ROSH_LEVEL_LABELS.items()]


class RoshSummary(models.Model):
    """Risk of serious harm by audience, as an assessment concluded it (OASys R10 risk grid,
    in the community), on a date and from a source.

    Recorded once: the overall RoSH is the highest audience's level and is not typed in. Saving a
    summary reconciles the RoSH registration to it in the same transaction
    (`caseload.risk.actions.record_rosh_summary`), as HMPPS's assessment-summary-and-delius does
    on an OASys completion, because the tier, the lists and the reviews read the registration.
    """

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="rosh_summaries"
    )
    assessed_on = models.DateField()
    source = models.CharField(max_length=10, choices=list(ROSH_SOURCES.items()))
    public = models.CharField("risk to the public", max_length=9, choices=ROSH_LEVEL_CHOICES)
    known_adult = models.CharField(
        "risk to a known adult", max_length=9, choices=ROSH_LEVEL_CHOICES
    )
    children = models.CharField("risk to children", max_length=9, choices=ROSH_LEVEL_CHOICES)
    staff = models.CharField("risk to staff", max_length=9, choices=ROSH_LEVEL_CHOICES)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-assessed_on", "-id"]
        verbose_name_plural = "RoSH summaries"

    def __str__(self) -> str:
        return f"RoSH summary of {self.person_id} on {self.assessed_on}"

    @property
    def levels(self) -> dict[str, str]:
        return {audience: getattr(self, audience) for audience in ROSH_AUDIENCES}

    @property
    def overall(self) -> str | None:
        return highest_rosh(self.levels.values())


class PredictorScoreChange(models.Model):
    """When a predictor's result for a person changed, and to what (appended by the refresh
    step, as `TierChange` is for tiers): the history of the scores on the risk section."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="predictor_score_changes"
    )
    predictor = models.CharField(max_length=8)
    changed_at = models.DateTimeField()
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    band = models.CharField(max_length=14, blank=True)
    score_type = models.CharField(max_length=8, blank=True)
    cause = models.CharField(max_length=200, help_text="The action whose facts changed the score")

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.predictor} for {self.person_id}: {self.score} {self.band}"
