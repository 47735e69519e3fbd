from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "caseload.enforcement"
    label = "enforcement"
    default_auto_field = "django.db.models.BigAutoField"
