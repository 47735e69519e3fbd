"""The kinds of report, in the practitioners' language. The codes are the workload agreement's
report codes (`workload/domain/default_agreement.py`), so a report's agreed minutes are read
by its kind; STANDARD and FAST are the points model's two court report types. A test keeps them
in step with the domain's tuple."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    ORAL = "ORAL", _("Oral pre-sentence report")
    FAST = "FAST", _("Pre-sentence report, fast delivery")
    STANDARD = "STANDARD", _("Pre-sentence report, standard delivery")
    PAROLE = "PAROLE", _("Parole report (PAROM 1)")
