"""Audit log (reads and writes), API tokens, limited-access lists and forced password changes."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.core.querysets import PeriodQuerySet


class AuditEvent(models.Model):
    """One append-only entry: who did or saw what, to which case, when, and the outcome."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    action = models.CharField(max_length=40)
    crn = models.CharField(max_length=7, blank=True, db_index=True)
    outcome = models.CharField(max_length=7, default="SUCCESS")
    detail = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action} {self.crn}"


class ApiToken(models.Model):
    """A bearer token for the API. Only its SHA-256 hash is stored; revoked and expired tokens
    stop working. `last_used_at` is kept to within an hour (`caseload.access.tokens`)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=8, help_text="First characters, to tell tokens apart")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, help_text="No expiry date means it has expired")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… for {self.user_id}"


class LimitedAccessKind(models.TextChoices):
    """As Delius has them, after ministryofjustice/hmpps-probation-integration-services'
    `libs/limited-access` library (exclusion and restriction rows with start and end dates)."""

    EXCLUSION = "exclusion", "Excluded"
    RESTRICTION = "restriction", "Restricted to"


class LimitedAccessQuerySet(PeriodQuerySet["LimitedAccess"]):
    pass


class LimitedAccess(models.Model):
    """One user named on a case's exclusion list (may not see it) or restriction list (only
    the users on it may). A row is in force from its start date until its end date, if any."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="limited_access"
    )
    kind = models.CharField(max_length=11, choices=LimitedAccessKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    objects = LimitedAccessQuerySet.as_manager()

    class Meta:
        ordering = ["person", "kind", "start_date"]
        verbose_name_plural = "limited access"
        indexes = [models.Index(fields=["person", "kind"]), models.Index(fields=["user"])]

    def __str__(self) -> str:
        return f"{self.person_id} {self.kind} {self.user_id} from {self.start_date}"


class PasswordChangeRequired(models.Model):
    """An administrator has required this user to choose a new password: at their next sign-in
    they may do nothing else until they have (`caseload.access.passwords`)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    required_at = models.DateTimeField(auto_now_add=True)
    required_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    def __str__(self) -> str:
        return f"{self.user_id} must change their password"
