from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "caseload.contacts"
    label = "contacts"
    default_auto_field = "django.db.models.BigAutoField"
