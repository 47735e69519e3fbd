"""Safeguarding enquiries: each requested once and answered once, with its history."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from caseload.core.models import Versioned
from caseload.people.models import Person
from caseload.safeguarding import constants as c


class Enquiry(Versioned):
    """An enquiry made of another agency about the person. Versioned: recording its response
    changes it, so the response is refused if the enquiry is not the version the user saw.

    `response_notes` are sensitive (what another agency shared): withheld like contact notes.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="enquiries")
    kind = models.CharField(max_length=20, choices=c.EnquiryKind.choices)
    reason = models.CharField("Why", max_length=12, choices=c.EnquiryReason.choices)
    requested_on = models.DateField("Date requested")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    responded_on = models.DateField("Date of response", null=True, blank=True)
    response = models.CharField(max_length=20, choices=c.EnquiryResponse.choices, blank=True)
    response_notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_on", "-id"]
        verbose_name_plural = "enquiries"
        indexes = [models.Index(fields=["person", "requested_on"], name="enquiry_person_day")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} requested on {self.requested_on}"
