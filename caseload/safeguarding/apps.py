from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    """The safeguarding enquiries made about a person: the police domestic-abuse enquiry, the
    children's-services and the adult-services enquiries, each requested and later answered."""

    name = "caseload.safeguarding"
    label = "safeguarding"
    default_auto_field = "django.db.models.BigAutoField"
