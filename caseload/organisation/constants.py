from django.db import models
from django.utils.translation import gettext_lazy as _


class Grade(models.TextChoices):
    """Staff grades (case_model.md §2.1). Trainee = PQiP."""

    PO = "PO", _("Probation Officer")
    PSO = "PSO", _("Probation Services Officer")
    SPO = "SPO", _("Senior Probation Officer")
    TRAINEE = "PQIP", _("Trainee Probation Officer (PQiP)")
    OTHER = "OTHER", _("Other (not case-holding)")


class Role(models.TextChoices):
    """What a user may do in caseload; decides what the access function allows."""

    PRACTITIONER = "practitioner", _("Practitioner")
    MANAGER = "manager", _("Team manager")
    HEAD_OF_PDU = "head", _("Head of delivery unit")
    ANALYST = "analyst", _("Performance analyst")
    STAFF_REP = "rep", _("Staff representative")
    ADMIN = "admin", _("Administrator")
