"""The national tools' seed weightings and the default workload agreement (`seed.py`)."""

from django.db import migrations

from caseload.workload.seed import seed_reference_data


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    seed_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [("workload", "0001_weightings_and_agreement")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
