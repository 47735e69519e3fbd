"""Audit log (reads and writes), API tokens, limited-access lists and forced password changes."""

from typing import Any

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.core.querysets import PeriodQuerySet


class AppendOnlyError(Exception):
    """Raised by the ORM before an audit entry could be changed or deleted."""

    def __init__(self, attempt: str) -> None:
        super().__init__(f"Audit events are append-only: {attempt} is refused.")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """Reads and inserts only: `update`, `bulk_update` and `delete` raise `AppendOnlyError`."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("updating audit events")

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> int:
        raise AppendOnlyError("updating audit events")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("deleting audit events")


class AuditEvent(models.Model):
    """One append-only entry: who did or saw what, to which case, when, from where (`via`,
    `where`, `ip_address`: see `caseload.access.audit`), and the outcome (`SUCCESS`, or
    `FAIL` for a refusal). The plain-English name of each action is in
    `caseload.access.audit_actions`.

    Append-only, twice over:

    - the database refuses it. Migration `0007_audit_events_append_only` adds triggers that
      raise on every UPDATE and DELETE of a row (and, on PostgreSQL, on TRUNCATE), whatever
      the code path: the ORM, raw SQL, `caseload flush`, `psql`. The trigger has no switch to
      turn it off: only a role that owns the table can drop or disable it, so production should
      run the application under a role that does not own its tables. On SQLite, a later
      migration that remakes this table (Django does, for most column changes) drops the
      triggers with it and must add them again; `tests/test_append_only.py` notices if not;
    - the ORM refuses first, with a readable `AppendOnlyError`: the queryset's `update` and
      `delete`, `save()` of a row that already exists and `delete()` of an instance.

    Test teardown is the one place that empties the table: Django's `flush` after each
    `transaction=True` test (TRUNCATE on PostgreSQL, DELETE on SQLite) runs inside
    `caseload.testing.audit_log.audit_log_purgeable`, which disables (PostgreSQL) or drops
    (SQLite) the triggers in the same transaction as the flush and restores them before it
    commits; `caseload/conftest.py` wraps Django's transactional-test teardown with it.

    A user with audit entries cannot be deleted (`on_delete=PROTECT`: Django raises
    `ProtectedError` naming `AuditEvent.user`; the database's foreign key refuses raw SQL);
    deactivate them instead.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    action = models.CharField(max_length=40)
    crn = models.CharField(max_length=7, blank=True, db_index=True)
    outcome = models.CharField(max_length=7, default="SUCCESS")
    detail = models.JSONField(default=dict)
    via = models.CharField(max_length=4, blank=True, help_text="page, api or cli")
    where = models.CharField(
        max_length=300, blank=True, help_text="The request's method and path, or the command"
    )
    ip_address = models.GenericIPAddressField(
        null=True, blank=True, help_text="The client's address, for entries made over the web"
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action} {self.crn}"

    def save(self, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("changing an audit event")
        super().save(**{**kwargs, "force_insert": True})

    def delete(self, using: Any = None, keep_parents: bool = False) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("deleting an audit event")


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
