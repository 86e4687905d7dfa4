"""Reading and confirming an infusion's preparation checklist."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import InfusionAppointment, PreparationChecklist
from ..models.appointments import Status


def checklist_current(appointment) -> PreparationChecklist:
    """The checklist of the infusion's current start time (unsaved and empty if none yet)."""
    return PreparationChecklist.objects.filter(
        appointment=appointment, for_starts_at=appointment.starts_at
    ).first() or PreparationChecklist(appointment=appointment, for_starts_at=appointment.starts_at)


def checklist_open(appointment, now=None) -> bool:
    """Confirmations are taken until the infusion starts, while it is booked."""
    return appointment.status == Status.BOOKED and (now or timezone.now()) < appointment.starts_at


@transaction.atomic
def checklist_confirm(
    appointment, *, driver_name: str, driver_phone: str, fasting: bool, photo_id: bool
) -> PreparationChecklist:
    """Record what the patient confirms. A driver confirmed is a name and a phone, kept on the
    appointment for the desk; a box left unticked leaves an earlier confirmation as it was."""
    appointment = InfusionAppointment.objects.select_for_update().get(pk=appointment.pk)
    if not checklist_open(appointment):
        raise ValidationError("This infusion is no longer booked for that time.")
    now = timezone.now()
    checklist = checklist_current(appointment)
    if driver_name and driver_phone:
        appointment.driver_name, appointment.driver_phone = driver_name, driver_phone
        appointment.save(update_fields=["driver_name", "driver_phone", "updated_at"])
        checklist.driver_confirmed_at = checklist.driver_confirmed_at or now
    if fasting:
        checklist.fasting_confirmed_at = checklist.fasting_confirmed_at or now
    if photo_id:
        checklist.photo_id_confirmed_at = checklist.photo_id_confirmed_at or now
    checklist.save()
    return checklist
