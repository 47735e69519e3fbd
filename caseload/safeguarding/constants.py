"""Choices for safeguarding enquiries, in the practitioners' language (our codes and wording).
A test keeps them in step with the domain's tuples."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EnquiryKind(models.TextChoices):
    POLICE_DA = "POLICE_DA", _("Police domestic abuse enquiry")
    CHILDRENS_SERVICES = "CHILDRENS_SERVICES", _("Children's services safeguarding enquiry")
    ADULT_SERVICES = "ADULT_SERVICES", _("Adult services safeguarding enquiry")


class EnquiryReason(models.TextChoices):
    START = "START", _("At the start of supervision")
    NEW_CONCERN = "NEW_CONCERN", _("A new concern")


class EnquiryResponse(models.TextChoices):
    NO_INFORMATION = "NO_INFORMATION", _("No information held")
    INFORMATION_SHARED = "INFORMATION_SHARED", _("Information shared")
    CONCERNS = "CONCERNS", _("Concerns identified")
