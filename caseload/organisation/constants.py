from django.db import models
from django.utils.translation import gettext_lazy as _


class Grade(models.TextChoices):
    """Staff grades. Trainee = PQiP.

    The grades PO, PSO, PQiP and SPO are the ones ministryofjustice/hmpps-workload@1e70153e handles
    (grade handling for capacity); `OTHER` is ours. The wording is ours.
    """

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
