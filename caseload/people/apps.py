from typing import Any

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules

from caseload.access.capabilities import Capability, has_capability
from caseload.access.navigation import NavigationItem


def case_list_title(user: Any) -> str:
    """Casework roles list their own team's cases; oversight roles list every case they see."""
    return "Team cases" if has_capability(user, Capability.CHANGE_CASE) else "Cases"


class PeopleConfig(AppConfig):
    name = "caseload.people"
    label = "people"
    default_auto_field = "django.db.models.BigAutoField"
    navigation = (
        NavigationItem("My cases", "my_cases", Capability.HOLD_CASES, order=10),
        NavigationItem(case_list_title, "team_cases", Capability.SEE_CASE, order=20),
    )

    def ready(self) -> None:
        """Every part's case-page panels (`caseload/<part>/panels.py`) register themselves."""
        autodiscover_modules("panels")
