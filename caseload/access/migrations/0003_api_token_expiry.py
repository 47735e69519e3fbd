from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0002_limited_access"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(help_text="No expiry date means it has expired", null=True),
        ),
    ]
