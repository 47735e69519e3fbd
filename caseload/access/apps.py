from django.apps import AppConfig

from caseload.access.capabilities import Capability
from caseload.access.navigation import NavigationItem


class AccessConfig(AppConfig):
    name = "caseload.access"
    label = "access"
    default_auto_field = "django.db.models.BigAutoField"
    navigation = (NavigationItem("Audit", "audit_search", Capability.SEE_CASE_AUDIT, order=90),)

    def ready(self) -> None:
        from caseload.access import signin

        signin.connect()
