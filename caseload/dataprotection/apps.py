from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from caseload.dataprotection.domain import RetentionTooShort, retention_years


def configured_retention_years() -> int:
    """`settings.RETENTION_YEARS_AFTER_CLOSURE`, refused below the hard minimum."""
    try:
        return retention_years(settings.RETENTION_YEARS_AFTER_CLOSURE)
    except RetentionTooShort as exc:
        raise ImproperlyConfigured(str(exc)) from exc


class DataProtectionConfig(AppConfig):
    """Subject-access exports and the retention of closed cases."""

    name = "caseload.dataprotection"
    label = "dataprotection"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        configured_retention_years()  # a period below the minimum stops the service starting
