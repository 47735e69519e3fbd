"""Contacts: nearly everything staff do with or about a person, with outcomes and enforcement."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.contacts.domain import CONTACT_TYPES, ENFORCEMENT_ACTIONS, OUTCOMES

CONTACT_TYPE_CHOICES = [(t.code, t.label) for t in CONTACT_TYPES.values()]
OUTCOME_CHOICES = [(o.code, o.label) for o in OUTCOMES.values()]
ENFORCEMENT_CHOICES = [(a.code, a.label) for a in ENFORCEMENT_ACTIONS.values()]


class Contact(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="contacts")
    event = models.ForeignKey(
        "people.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="contacts"
    )
    contact_type = models.CharField(max_length=4, choices=CONTACT_TYPE_CHOICES)
    happened_at = models.DateTimeField()
    outcome = models.CharField(max_length=4, choices=OUTCOME_CHOICES, blank=True)
    enforcement_action = models.CharField(max_length=4, choices=ENFORCEMENT_CHOICES, blank=True)
    notes = models.TextField(blank=True)
    sensitive = models.BooleanField(default=False)
    rar_activity = models.BooleanField("RAR activity", default=False)
    minutes_credited = models.PositiveIntegerField(
        "unpaid work credited (minutes)", null=True, blank=True
    )
    actual_minutes = models.PositiveSmallIntegerField(
        "minutes actually spent",
        null=True,
        blank=True,
        help_text="Optional: the whole time the contact took, travel and writing it up included",
    )
    staff = models.ForeignKey(
        "organisation.Staff", on_delete=models.PROTECT, related_name="contacts", null=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-happened_at"]
        indexes = [models.Index(fields=["person", "-happened_at"], name="contact_person_time")]

    def __str__(self) -> str:
        return f"{self.get_contact_type_display()} on {self.happened_at:%d %b %Y}"

    @property
    def is_appointment(self) -> bool:
        return CONTACT_TYPES[self.contact_type].appointment
