from django.apps import AppConfig

from caseload.access.capabilities import Capability
from caseload.access.navigation import NavigationItem


class WorkloadConfig(AppConfig):
    name = "caseload.workload"
    label = "workload"
    default_auto_field = "django.db.models.BigAutoField"
    navigation = (
        NavigationItem("My week", "my_workload_week", Capability.HOLD_CASES, order=17),
        NavigationItem("Team workload", "team_workload", Capability.OVERSEE_CASES, order=27),
        NavigationItem(
            "Workload figures", "workload_aggregate", Capability.SEE_AGGREGATES, order=65
        ),
        NavigationItem(
            "Reference data", "reference_data", Capability.MANAGE_REFERENCE_DATA, order=85
        ),
    )
