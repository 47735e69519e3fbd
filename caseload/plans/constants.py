"""Choices for the plans part, from the domain's table of contact frequencies."""

from caseload.plans.domain import CONTACT_FREQUENCIES

CONTACT_FREQUENCY_CHOICES = [(days, words) for days, words in CONTACT_FREQUENCIES.items()]
