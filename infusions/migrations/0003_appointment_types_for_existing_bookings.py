"""The three appointment types every clinic starts with, and the times bookings made before
types existed were held for (60 minutes of infusion and 30 of recovery, no turnover)."""

from django.db import migrations
from django.db.models import F

DEFAULT_TYPES = [
    ("Initial-series infusion", "initial"),
    ("Maintenance infusion", "maintenance"),
    ("Booster infusion", "booster"),
]


def forwards(apps, schema_editor):
    AppointmentType = apps.get_model("infusions", "AppointmentType")
    InfusionAppointment = apps.get_model("infusions", "InfusionAppointment")
    for name, kind in DEFAULT_TYPES:
        AppointmentType.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "infusion_minutes": 45,
                "recovery_minutes": 30,
                "turnover_minutes": 10,
            },
        )
    initial = AppointmentType.objects.get(name=DEFAULT_TYPES[0][0])
    InfusionAppointment.objects.filter(appointment_type__isnull=True).update(
        appointment_type=initial,
        infusion_minutes=60,
        recovery_minutes=30,
        turnover_minutes=0,
        chair_free_at=F("ends_at"),
    )


class Migration(migrations.Migration):
    dependencies = [("infusions", "0002_schedule_models")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
