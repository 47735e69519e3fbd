from django.apps import AppConfig

from caseload.access.capabilities import Capability
from caseload.access.navigation import NavigationItem


class AllocationConfig(AppConfig):
    name = "caseload.allocation"
    label = "allocation"
    default_auto_field = "django.db.models.BigAutoField"
    navigation = (
        NavigationItem("Allocations", "team_allocations", Capability.OVERSEE_CASES, order=28),
    )
