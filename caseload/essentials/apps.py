from django.apps import AppConfig

from caseload.access.capabilities import Capability
from caseload.access.navigation import NavigationItem


class EssentialsConfig(AppConfig):
    name = "caseload.essentials"
    label = "essentials"
    verbose_name = "Essentials"
    default_auto_field = "django.db.models.BigAutoField"
    navigation = (
        NavigationItem(
            "Team essential work", "team_essentials", Capability.OVERSEE_CASES, order=25
        ),
    )
