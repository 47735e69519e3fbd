from django.apps import AppConfig


class HandoverConfig(AppConfig):
    """The handover summary of a case: one printable page built from the record, shown to a
    practitioner who has just been given the case."""

    name = "caseload.handover"
    label = "handover"
    default_auto_field = "django.db.models.BigAutoField"
