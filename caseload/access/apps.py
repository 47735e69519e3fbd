from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "caseload.access"
    label = "access"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from caseload.access import signin

        signin.connect()
