from django.db import migrations
from django.utils import timezone

from clinic.lib.history import record_first_history
from screening.catalogue import CATALOGUE, NOTES


def seed_drug_catalogue(apps, schema_editor):
    """Add the drugs a new clinic starts with; a drug already there, edited or not, is kept."""
    Drug = apps.get_model("screening", "Drug")
    HistoricalDrug = apps.get_model("screening", "HistoricalDrug")
    now = timezone.now()
    for entry in CATALOGUE:
        drug, created = Drug.objects.get_or_create(
            generic_name=entry.generic_name,
            defaults={
                "brand_names": list(entry.brand_names),
                "drug_class": entry.drug_class,
                "severity": entry.severity,
                "notes": NOTES.get(entry.generic_name, ""),
            },
        )
        if created:
            record_first_history(HistoricalDrug, drug, when=now, reason="Shipped with the portal")


class Migration(migrations.Migration):
    dependencies = [("screening", "0001_drug_catalogue")]

    operations = [migrations.RunPython(seed_drug_catalogue, migrations.RunPython.noop)]
