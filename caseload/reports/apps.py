from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """The reports a practitioner writes about a person on their caseload: pre-sentence reports
    to court (oral, fast or standard delivery) and parole reports, each requested with the day it
    is needed by and later completed."""

    name = "caseload.reports"
    label = "reports"
    default_auto_field = "django.db.models.BigAutoField"
