"""The diary: appointments arranged with a person, their reschedules, and private calendar feeds.

An appointment is the arrangement; once its time has passed and its outcome is recorded it is
linked to the one contact that records what happened (`contact`), which is the entry in the
activity log. Each reschedule is a fact of its own, so the history reads "moved from … to …,
asked for by …, because …".
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from caseload.diary.domain import APPOINTMENT_TYPES, REMOTE_LOCATION, Repeat, RequestedBy

APPOINTMENT_TYPE_CHOICES = [(code, kind.label) for code, kind in APPOINTMENT_TYPES.items()]
REPEAT_CHOICES = [(r.value, r.label) for r in Repeat]
REQUESTED_BY_CHOICES = [(r.value, r.label) for r in RequestedBy]


class AppointmentSeries(models.Model):
    """Appointments arranged together, every week or fortnight until a date."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="appointment_series"
    )
    every = models.CharField(max_length=9, choices=REPEAT_CHOICES)
    first_starts_at = models.DateTimeField()
    until = models.DateField()
    arranged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    arranged_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "appointment series"

    def __str__(self) -> str:
        return f"{self.get_every_display()} until {self.until:%d %b %Y}"


class AppointmentQuerySet(models.QuerySet["Appointment"]):
    def arranged(self) -> "AppointmentQuerySet":
        """Not cancelled."""
        return self.filter(cancelled_at__isnull=True)

    def awaiting_outcome(self, now: datetime | None = None) -> "AppointmentQuerySet":
        """Started, not cancelled, no outcome recorded yet: oldest first."""
        return (
            self.arranged()
            .filter(contact__isnull=True, starts_at__lte=now or timezone.now())
            .order_by("starts_at", "pk")
        )

    def upcoming(self, now: datetime | None = None) -> "AppointmentQuerySet":
        return self.arranged().filter(starts_at__gt=now or timezone.now()).order_by("starts_at")

    def between(self, start: datetime, end: datetime) -> "AppointmentQuerySet":
        return self.filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at", "pk")


class Appointment(models.Model):
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="appointments"
    )
    series = models.ForeignKey(
        AppointmentSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appointments",
    )
    contact_type = models.CharField(max_length=4, choices=APPOINTMENT_TYPE_CHOICES)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField()
    location = models.CharField(max_length=200)
    with_staff = models.ForeignKey(
        "organisation.Staff", on_delete=models.PROTECT, related_name="appointments"
    )
    #: Sensitive like contact notes: withheld from viewers who may not see them.
    notes = models.TextField(blank=True)
    #: Counts for enforcement: a failure to attend is a failure to comply.
    must_attend = models.BooleanField(default=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    contact = models.OneToOneField(
        "contacts.Contact",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointment",
    )
    arranged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    arranged_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["with_staff", "starts_at"], name="appointment_staff_time"),
            models.Index(fields=["person", "starts_at"], name="appointment_person_time"),
        ]

    def __str__(self) -> str:
        return f"{self.get_contact_type_display()} at {self.starts_at:%d %b %Y %H:%M}"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def where(self) -> str:
        """The place, or nothing for a video or phone call (its type says how)."""
        return "" if self.location == REMOTE_LOCATION else self.location

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def outcome_recorded(self) -> bool:
        return self.contact_id is not None

    @property
    def started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def needs_outcome(self) -> bool:
        return self.started and not self.cancelled and not self.outcome_recorded

    @property
    def status(self) -> str:
        """In words, for the diary and the case: what state the appointment is in."""
        if self.cancelled:
            return "Cancelled"
        if self.contact_id is not None:
            return self.contact.get_outcome_display()
        if self.started:
            return "Outcome needed"
        return "Arranged"


class Reschedule(models.Model):
    """One move of an appointment: from when to when, who asked, why, and who moved it."""

    appointment = models.ForeignKey(
        Appointment, on_delete=models.CASCADE, related_name="reschedules"
    )
    from_starts_at = models.DateTimeField()
    to_starts_at = models.DateTimeField()
    from_duration_minutes = models.PositiveSmallIntegerField()
    to_duration_minutes = models.PositiveSmallIntegerField()
    requested_by = models.CharField(max_length=7, choices=REQUESTED_BY_CHOICES)
    reason = models.TextField()
    rescheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    rescheduled_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["rescheduled_at", "pk"]

    def __str__(self) -> str:
        return (
            f"Moved from {self.from_starts_at:%d %b %Y %H:%M} to {self.to_starts_at:%d %b %Y %H:%M}"
        )


class DiaryFeed(models.Model):
    """A private calendar feed of one user's diary: the token is shown once and stored hashed,
    like the API tokens (`caseload.access.tokens`); revoking it stops the feed at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diary_feeds"
    )
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Diary feed {self.prefix}…"
