from datetime import timedelta

from django.db import migrations

EXISTING_TOKEN_DAYS = 90


def expire_existing_tokens(apps, schema_editor):
    """Tokens made before expiry existed run for the default 90 days from when they were made."""
    ApiToken = apps.get_model("access", "ApiToken")
    for token in ApiToken.objects.filter(expires_at__isnull=True).iterator():
        token.expires_at = token.created_at + timedelta(days=EXISTING_TOKEN_DAYS)
        token.save(update_fields=["expires_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0003_api_token_expiry"),
    ]

    operations = [
        migrations.RunPython(expire_existing_tokens, migrations.RunPython.noop),
    ]
