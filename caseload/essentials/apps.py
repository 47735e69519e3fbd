from django.apps import AppConfig


class EssentialsConfig(AppConfig):
    name = "caseload.essentials"
    label = "essentials"
    verbose_name = "Essentials"
    default_auto_field = "django.db.models.BigAutoField"
