from django.apps import AppConfig

from caseload.access.capabilities import Capability
from caseload.access.navigation import NavigationItem


class WorkloadConfig(AppConfig):
    name = "caseload.workload"
    label = "workload"
    default_auto_field = "django.db.models.BigAutoField"
    navigation = (
        NavigationItem(
            "Reference data", "reference_data", Capability.MANAGE_REFERENCE_DATA, order=85
        ),
    )
