"""Moving an appointment's status: only the allowed moves, each one written down."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import InfusionAppointment, StatusChange
from ..models.appointments import Status
from .flow import can_move


def status_record(appointment, *, to_status, by, reason="", from_status=""):
    """Write one move; the caller has saved the appointment in the same transaction."""
    return StatusChange.objects.create(
        appointment=appointment,
        from_status=from_status,
        to_status=to_status,
        changed_by=by,
        reason=reason,
    )


@transaction.atomic
def appointment_set_status(appointment, *, to_status, by, reason="") -> InfusionAppointment:
    """Move to `to_status` if the flow allows it from where the appointment is now (read under
    a row lock, so two clicks at once make one move). In the chair needs the ID seen and the
    driver confirmed at check-in."""
    appointment = InfusionAppointment.objects.select_for_update().get(pk=appointment.pk)
    from_status = appointment.status
    if not can_move(from_status, to_status):
        raise ValidationError(
            f"An appointment that is {appointment.get_status_display().lower()} cannot become "
            f"{Status(to_status).label.lower()}."
        )
    if to_status == Status.IN_CHAIR and not (
        appointment.id_seen_at and appointment.driver_confirmed_at
    ):
        raise ValidationError(
            "Check the patient in first: the photo ID seen and the driver home confirmed."
        )
    if to_status in (Status.CANCELLED, Status.LATE_CANCELLED) and not reason.strip():
        raise ValidationError({"reason": "Say why the appointment is cancelled."})
    appointment.status = to_status
    if to_status in (Status.CANCELLED, Status.LATE_CANCELLED):
        appointment.cancel_reason = reason
    appointment.save(update_fields=["status", "cancel_reason", "updated_at"])
    status_record(appointment, from_status=from_status, to_status=to_status, by=by, reason=reason)
    return appointment


@transaction.atomic
def appointment_check_in(appointment, *, by, id_seen: bool, driver_name: str, driver_phone: str):
    """The patient is here: the desk saw a photo ID and has a driver's name and phone."""
    errors = {}
    if not id_seen:
        errors["id_seen"] = "Look at a photo ID before checking the patient in."
    if not driver_name.strip():
        errors["driver_name"] = "Give the name of the person driving the patient home."
    if not driver_phone.strip():
        errors["driver_phone"] = "Give a phone number for the driver."
    if errors:
        raise ValidationError(errors)
    appointment = InfusionAppointment.objects.select_for_update().get(pk=appointment.pk)
    if not can_move(appointment.status, Status.CHECKED_IN):
        raise ValidationError(
            f"An appointment that is {appointment.get_status_display().lower()} cannot be "
            "checked in."
        )
    now = timezone.now()
    from_status = appointment.status
    appointment.status = Status.CHECKED_IN
    appointment.id_seen_at = now
    appointment.driver_confirmed_at = now
    appointment.driver_name = driver_name.strip()
    appointment.driver_phone = driver_phone.strip()
    appointment.save()
    status_record(appointment, from_status=from_status, to_status=Status.CHECKED_IN, by=by)
    return appointment
