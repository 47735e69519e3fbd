from django.apps import AppConfig


class TieringConfig(AppConfig):
    name = "caseload.tiering"
    label = "tiering"
    default_auto_field = "django.db.models.BigAutoField"
