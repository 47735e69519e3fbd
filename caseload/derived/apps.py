from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class DerivedConfig(AppConfig):
    name = "caseload.derived"
    label = "derived"
    verbose_name = "Derived values"

    def ready(self) -> None:
        autodiscover_modules("steps")
