"""What a patient changes of their own infusion besides its time: the driver home."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import InfusionAppointment
from ..models.appointments import Status


@transaction.atomic
def infusion_set_driver(appointment, *, driver_name: str, driver_phone: str):
    """Name who drives the patient home, or change it, until the patient is checked in
    (the desk confirms the driver then). Read under a row lock, so a check-in at the same
    moment is not undone."""
    appointment = InfusionAppointment.objects.select_for_update().get(pk=appointment.pk)
    if appointment.status != Status.BOOKED or appointment.ends_at <= timezone.now():
        raise ValidationError(
            "The driver can be changed here until you are checked in; after that, please "
            "tell the front desk."
        )
    appointment.driver_name = driver_name.strip()
    appointment.driver_phone = driver_phone.strip()
    appointment.save(update_fields=["driver_name", "driver_phone", "updated_at"])
    return appointment
