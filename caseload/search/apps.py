from django.apps import AppConfig

from caseload.access.capabilities import Capability
from caseload.access.navigation import NavigationItem


class SearchConfig(AppConfig):
    name = "caseload.search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"
    navigation = (NavigationItem("Search", "search", Capability.SEE_CASE, order=30),)
