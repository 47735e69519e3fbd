from django.apps import AppConfig


class PlansConfig(AppConfig):
    """The plans made for a case and the manager's oversight of it: the sentence plan with its
    agreed contact frequency, the risk management plan and management oversight entries."""

    name = "caseload.plans"
    label = "plans"
    default_auto_field = "django.db.models.BigAutoField"
