"""Moving an appointment's status: only the allowed moves, each one written down."""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from clinic.lib.timezones import local_day_bounds
from clinic.locations.models import Location

from ..models import InfusionAppointment, StatusChange
from ..models.appointments import LIVE_STATUSES, Status
from ..reminders.services import reminders_replan, reminders_void
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
    _refuse_before_its_day(appointment, to_status)
    if to_status == Status.IN_CHAIR and not (
        appointment.id_seen_at and appointment.driver_confirmed_at
    ):
        raise ValidationError(
            "Check the patient in first: the photo ID seen and the driver home confirmed."
        )
    if to_status in (Status.CANCELLED, Status.LATE_CANCELLED) and not reason.strip():
        raise ValidationError({"reason": "Say why the appointment is cancelled."})
    reclaims = to_status in LIVE_STATUSES and from_status not in LIVE_STATUSES
    if reclaims:
        _refuse_if_taken_meanwhile(appointment)
    appointment.status = to_status
    if to_status in (Status.CANCELLED, Status.LATE_CANCELLED):
        appointment.cancel_reason = reason
    try:
        with transaction.atomic():
            appointment.save(update_fields=["status", "cancel_reason", "updated_at"])
    except IntegrityError:
        # PostgreSQL's exclusion constraints: taken by a booking that committed just now.
        raise ValidationError(TAKEN_MEANWHILE) from None
    if reclaims:
        reminders_replan(appointment)
    elif to_status not in LIVE_STATUSES:
        reminders_void(appointment)
    status_record(appointment, from_status=from_status, to_status=to_status, by=by, reason=reason)
    return appointment


# Moves that say the patient came, or did not: none of them can happen before the day.
ON_THE_DAY = (
    Status.CHECKED_IN,
    Status.IN_CHAIR,
    Status.RECOVERING,
    Status.DISCHARGED,
    Status.NO_SHOW,
)


def _refuse_before_its_day(appointment, to_status) -> None:
    """A future infusion cannot be checked in, given or missed yet: the location's calendar
    day must have come."""
    if to_status not in ON_THE_DAY:
        return
    zone = ZoneInfo(appointment.chair.location.time_zone)
    if timezone.now().astimezone(zone).date() < appointment.starts_at.astimezone(zone).date():
        raise ValidationError(
            "This appointment is on a later day: it can be checked in, given or marked "
            "missed only on its own day."
        )


TAKEN_MEANWHILE = (
    "Its time has been given to another appointment since (the chair, or the patient's "
    "own time), so it cannot be booked again. Book a new time instead."
)


def _refuse_if_taken_meanwhile(appointment) -> None:
    """An appointment that let go of its chair and time (a no-show marked by mistake) takes
    them back only if nothing live holds them now. The location's row lock serialises this
    with the booking service, as its own check does."""
    Location.objects.select_for_update().filter(pk=appointment.chair.location_id).first()
    others = InfusionAppointment.objects.live().exclude(pk=appointment.pk)
    chair_taken = (
        others.filter(chair_id=appointment.chair_id)
        .holding_chair(appointment.starts_at, appointment.chair_free_at)
        .exists()
    )
    # The patient's other live infusion that local day, or at that time anywhere.
    location = appointment.chair.location
    day = appointment.starts_at.astimezone(ZoneInfo(location.time_zone)).date()
    day_starts, day_ends = local_day_bounds(day, location.time_zone)
    patient_busy = (
        others.filter(patient_id=appointment.patient_id)
        .filter(
            Q(starts_at__lt=appointment.ends_at, ends_at__gt=appointment.starts_at)
            | Q(starts_at__gte=day_starts, starts_at__lt=day_ends)
        )
        .exists()
    )
    if chair_taken or patient_busy:
        raise ValidationError(TAKEN_MEANWHILE)


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
    _refuse_before_its_day(appointment, Status.CHECKED_IN)
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
