from django.apps import AppConfig

from caseload.access.capabilities import Capability
from caseload.access.navigation import NavigationItem


class ReturnsConfig(AppConfig):
    name = "caseload.returns"
    label = "returns"
    verbose_name = "Returns"
    default_auto_field = "django.db.models.BigAutoField"
    navigation = (NavigationItem("Returns", "returns", Capability.SEE_RETURNS, order=60),)
