from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules

from caseload.access.capabilities import Capability
from caseload.access.navigation import NavigationItem


class DiaryConfig(AppConfig):
    name = "caseload.diary"
    label = "diary"
    default_auto_field = "django.db.models.BigAutoField"
    navigation = (
        NavigationItem("Today", "today", Capability.HOLD_CASES, order=5),
        NavigationItem("Diary", "diary_day", Capability.HOLD_CASES, order=15),
    )

    def ready(self) -> None:
        """Parts add their sections to Today in their own `today.py` (see `today.py` here)."""
        autodiscover_modules("today")
